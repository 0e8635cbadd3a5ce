package dev.orchestra.cli;

import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CoherenceClass;
import dev.orchestra.storage.coherence.CoherenceReport;
import dev.orchestra.storage.coherence.ItemDiff;
import dev.orchestra.storage.coherence.RepairResult;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** {@code cache-check --json}: the report (and the repair) as one JSON document, built with the driver's JSON writer. */
final class CoherenceJson {
    private static final JsonWriterSettings SETTINGS = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).build();

    private CoherenceJson() {
    }

    static String of(CoherenceReport report, RepairResult repair) {
        BsonDocument counts = new BsonDocument();
        for (CoherenceClass c : List.of(CoherenceClass.FRESH, CoherenceClass.STALE, CoherenceClass.ORPHAN,
                CoherenceClass.FOREIGN, CoherenceClass.EXPIRING)) {
            counts.append(c.label(), new BsonInt32(report.count(c)));
        }
        BsonArray findings = new BsonArray();
        report.findings().forEach(f -> findings.add(finding(f)));
        BsonDocument json = new BsonDocument("scope", new BsonString(report.scope()))
                .append("checked", new BsonInt32(report.checked()))
                .append("counts", counts)
                .append("redis_round_trips", new BsonInt64(report.redisRoundTrips()))
                .append("source_reads", new BsonInt64(report.sourceReads()))
                .append("elapsed_ms", new BsonDouble(report.elapsed().toNanos() / 1e6))
                .append("stopped_early", report.stoppedEarly() == null ? BsonNull.VALUE
                        : new BsonString(report.stoppedEarly()))
                .append("findings", findings);
        if (repair != null) {
            json.append("repair", new BsonDocument("deleted", strings(repair.deleted()))
                    .append("skipped", strings(repair.skipped())));
        }
        json.append("ok", BsonBoolean.valueOf(report.problems() == 0 || repair != null
                && repair.deleted().size() >= report.problems()));
        return json.toJson(SETTINGS);
    }

    private static BsonDocument finding(CacheFinding f) {
        BsonDocument doc = new BsonDocument("key", new BsonString(f.key()))
                .append("kind", new BsonString(f.keyKind()))
                .append("class", new BsonString(f.coherence().label()))
                .append("redis_type", new BsonString(f.redisType()))
                .append("ttl_ms", new BsonInt64(f.ttlMillis()))
                .append("detail", new BsonString(f.detail()));
        ItemDiff diff = f.diff();
        if (!diff.isEmpty()) {
            doc.append("diff", new BsonDocument("missing", strings(diff.missing()))
                    .append("extra", strings(diff.extra())).append("changed", strings(diff.changed()))
                    .append("missing_count", new BsonInt32(diff.missingCount()))
                    .append("extra_count", new BsonInt32(diff.extraCount()))
                    .append("changed_count", new BsonInt32(diff.changedCount())));
        }
        return doc;
    }

    private static BsonArray strings(List<String> values) {
        return new BsonArray(values.stream().<BsonValue>map(BsonString::new).toList());
    }
}
