package dev.orchestra.storage.indexes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.ExistingIndexes;
import dev.orchestra.storage.mongo.IndexBootstrap;
import java.util.List;
import java.util.Map;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class IndexComparisonTest {
    private static final IndexBootstrap.IndexSpec UNIQUE_SESSION = IndexBootstrap.recommended().stream()
            .filter(s -> s.name().equals("user_session_unique")).findFirst().orElseThrow();

    private static BsonDocument definition(String name, BsonDocument keys) {
        return new BsonDocument("v", new BsonInt32(2)).append("key", keys).append("name", new BsonString(name));
    }

    private static BsonDocument sessionKeys(BsonDocument direction) {
        return new BsonDocument("user_id", direction.get("d")).append("session_id", direction.get("d"));
    }

    @Test
    void directionsCompareByValueAndDefaultOptionsDoNotCount() {
        BsonDocument listed = definition("user_session_unique", sessionKeys(new BsonDocument("d", new BsonDouble(1.0))))
                .append("unique", BsonBoolean.TRUE).append("sparse", BsonBoolean.FALSE).append("background", BsonBoolean.TRUE);

        CollectionIndexes result = IndexComparison.compare(StoreCollection.USER_SESSIONS,
                new ExistingIndexes(true, 3, List.of(listed), Map.of("user_session_unique", 4096L)),
                List.of(UNIQUE_SESSION));

        assertThat(result.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(IndexStatus.PRESENT);
            assertThat(r.sizeBytes()).hasValue(4096);
            assertThat(r.options().containsKey("background")).isTrue();
        });
    }

    @Test
    void sameNameAndKeysWithoutUniqueIsConflicting() {
        BsonDocument listed = definition("user_session_unique", sessionKeys(new BsonDocument("d", new BsonInt32(1))));

        CollectionIndexes result = IndexComparison.compare(StoreCollection.USER_SESSIONS,
                new ExistingIndexes(true, 3, List.of(listed), Map.of()), List.of(UNIQUE_SESSION));

        assertThat(result.rows()).extracting(IndexRow::status, IndexRow::recommended)
                .containsExactly(tuple(IndexStatus.CONFLICTING, true),
                        tuple(IndexStatus.CONFLICTING, false));
        assertThat(result.rows().get(0).note()).contains("options {}");
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void aDescendingKeyIsNotTheSameIndex() {
        BsonDocument listed = definition("theirs", new BsonDocument("user_id", new BsonInt32(-1))
                .append("session_id", new BsonInt32(1)));

        CollectionIndexes result = IndexComparison.compare(StoreCollection.USER_SESSIONS,
                new ExistingIndexes(true, 3, List.of(listed), Map.of()), List.of(UNIQUE_SESSION));

        assertThat(result.rows()).extracting(IndexRow::name, IndexRow::status).containsExactly(
                tuple("user_session_unique", IndexStatus.MISSING),
                tuple("theirs", IndexStatus.EXTRA));
    }
}
