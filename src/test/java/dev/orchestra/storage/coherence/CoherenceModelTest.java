package dev.orchestra.storage.coherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.coherence.CacheKeyName.Kind;
import dev.orchestra.storage.redis.CacheKeys;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Key names taken apart, item differences, scopes and limits: no servers. */
class CoherenceModelTest {
    private final CacheKeys keys = new CacheKeys("orchestra:");

    @Test
    void ourKeyNamesAreTakenApartAndOthersAreNotOurs() {
        assertThat(CacheKeyName.parse(keys, "orchestra:history:alice:s1")).hasValue(
                new CacheKeyName("orchestra:history:alice:s1", Kind.HISTORY, "alice", "s1"));
        assertThat(CacheKeyName.parse(keys, "orchestra:history:alice")).hasValue(
                new CacheKeyName("orchestra:history:alice", Kind.HISTORY, "alice", null));
        assertThat(CacheKeyName.parse(keys, "orchestra:session:bob:s:2")).hasValue(
                new CacheKeyName("orchestra:session:bob:s:2", Kind.SESSION, "bob", "s:2"));
        assertThat(CacheKeyName.parse(keys, "orchestra:session:bob")).isEmpty();
        assertThat(CacheKeyName.parse(keys, "orchestra:history:")).isEmpty();
        assertThat(CacheKeyName.parse(keys, "other:history:alice")).isEmpty();
        assertThat(CacheKeyName.parse(keys, "orchestra:stats")).isEmpty();
    }

    private static BsonDocument item(String text) {
        return new BsonDocument("text_content", new BsonString(text)).append("n", new BsonInt32(1));
    }

    @Test
    void itemsAreMatchedByIdIntoMissingExtraAndChangedFields() {
        Map<BsonValue, BsonDocument> cached = new LinkedHashMap<>();
        cached.put(new BsonString("a"), item("same"));
        cached.put(new BsonString("b"), item("old text"));
        cached.put(new BsonObjectId(new ObjectId("65f1c0ffee0000000000a001")), item("deleted since"));
        Map<BsonValue, BsonDocument> truth = new LinkedHashMap<>();
        truth.put(new BsonString("a"), item("same"));
        truth.put(new BsonString("b"), item("new text"));
        truth.put(new BsonString("c"), item("added since"));

        ItemDiff diff = ItemDiff.ofItems(cached, truth);

        assertThat(diff.missing()).containsExactly("c");
        assertThat(diff.extra()).containsExactly("{\"$oid\": \"65f1c0ffee0000000000a001\"}");
        assertThat(diff.changed()).containsExactly("b: text_content");
        assertThat(diff.summary()).isEqualTo("1 missing, 1 extra, 1 changed");
        assertThat(diff.describe()).contains("missing from the cache (MongoDB has them):\n  c")
                .contains("extra in the cache (no longer in MongoDB)");
        assertThat(ItemDiff.ofItems(truth, truth).isEmpty()).isTrue();
        assertThat(ItemDiff.ofItems(truth, truth).summary()).isEqualTo("no difference");
    }

    @Test
    void aDocumentsChangedFieldsIncludeAddedAndRemovedOnesAndLongListsAreCut() {
        BsonDocument cached = new BsonDocument("persona", new BsonString("tutor")).append("gone", new BsonInt32(1));
        BsonDocument truth = new BsonDocument("persona", new BsonString("coach")).append("new", new BsonInt32(2));
        assertThat(ItemDiff.ofDocument(cached, truth).changed()).containsExactly("gone", "new", "persona");

        Map<BsonValue, BsonDocument> many = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            many.put(new BsonString("id" + i), item("x"));
        }
        ItemDiff allMissing = ItemDiff.ofItems(Map.of(), many);
        assertThat(allMissing.missingCount()).isEqualTo(30);
        assertThat(allMissing.missing()).hasSize(ItemDiff.MAX_SHOWN);
        assertThat(allMissing.describe()).endsWith("… 10 more");
    }

    @Test
    void aSessionNeedsItsUserAndLimitsAreChecked() {
        assertThatThrownBy(() -> CoherenceScope.session(null, "s1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CoherenceScope.session("alice", "s1").describe()).isEqualTo("session s1 of alice");
        assertThat(CoherenceScope.user("alice").isUser()).isTrue();
        assertThat(CoherenceScope.sample().describe()).isEqualTo("a sample of the cache");
        assertThatThrownBy(() -> CoherenceLimits.DEFAULT.withSampleSize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoherenceLimits.DEFAULT.withTimeLimit(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CoherenceClass.STALE.repairable()).isTrue();
        assertThat(CoherenceClass.FOREIGN.repairable()).isFalse();
        assertThat(CoherenceClass.NOT_OURS.label()).isEqualTo("not a cache key");
    }
}
