package dev.orchestra.cli;

import dev.orchestra.storage.indexes.CollectionIndexes;
import dev.orchestra.storage.indexes.IndexReport;
import dev.orchestra.storage.indexes.IndexRow;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** {@code indexes --json}: the report as one relaxed Extended JSON document; a size the server does not report is null. */
final class IndexReportJson {
    private static final JsonWriterSettings SETTINGS = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).build();

    private IndexReportJson() {
    }

    static String toJson(IndexReport report) {
        BsonArray collections = new BsonArray();
        for (CollectionIndexes c : report.collections()) {
            BsonArray indexes = new BsonArray();
            c.rows().forEach(r -> indexes.add(row(r)));
            collections.add(new BsonDocument("collection", new BsonString(c.collection().collectionName()))
                    .append("exists", BsonBoolean.valueOf(c.exists()))
                    .append("document_count", new BsonInt64(c.documentCount()))
                    .append("indexes", indexes));
        }
        return new BsonDocument("applicable", BsonBoolean.valueOf(report.applicable()))
                .append("all_recommended_present", BsonBoolean.valueOf(report.allRecommendedPresent()))
                .append("collections", collections).toJson(SETTINGS);
    }

    private static BsonDocument row(IndexRow r) {
        return new BsonDocument("name", new BsonString(r.name()))
                .append("keys", r.keys())
                .append("options", r.options())
                .append("size_bytes", r.sizeBytes().isPresent() ? new BsonInt64(r.sizeBytes().getAsLong())
                        : BsonNull.VALUE)
                .append("status", new BsonString(r.status().name()))
                .append("recommended", BsonBoolean.valueOf(r.recommended()))
                .append("note", new BsonString(r.note()));
    }
}
