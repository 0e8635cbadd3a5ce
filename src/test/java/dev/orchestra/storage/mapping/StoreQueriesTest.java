package dev.orchestra.storage.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.util.regex.Pattern;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonMinKey;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class StoreQueriesTest {
    @Test
    void literalPatternMatchesTheTextItselfOnly() {
        String text = "a.b*c (1+1) [x] {2} ^$ | ? \\ end";
        Pattern pattern = Pattern.compile(StoreQueries.literalPattern(text), Pattern.CASE_INSENSITIVE);

        assertThat(pattern.matcher("prefix A.B*C (1+1) [X] {2} ^$ | ? \\ END suffix").find()).isTrue();
        assertThat(pattern.matcher("aXb*c (1+1) [x] {2} ^$ | ? \\ end").find()).isFalse();
    }

    @Test
    void emptyFilterIsEmptyAndSingleCriteriaAreNotWrapped() {
        assertThat(StoreQueries.filter(StoreCollection.MEMORY_ITEMS, DocumentFilter.none())).isEmpty();
        assertThat(StoreQueries.filter(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u")))
                .isEqualTo(new BsonDocument("user_id", new BsonString("u")));
    }

    @Test
    void timeRangeUsesTheCollectionsTimeField() {
        BsonDocument filter = StoreQueries.filter(StoreCollection.USER_SESSIONS,
                DocumentFilter.none().withTimeRange(Instant.ofEpochMilli(1), null));

        assertThat(filter).isEqualTo(BsonDocument.parse("{\"updated_at\": {\"$gte\": {\"$date\": 1}}}"));
    }

    @Test
    void textSearchOnSessionsIsRefused() {
        assertThatThrownBy(() -> StoreQueries.filter(StoreCollection.USER_SESSIONS,
                DocumentFilter.none().withTextContains("x"))).isInstanceOf(StorageValidationException.class);
    }

    @Test
    void cursorAfterAnObjectIdAlsoAdmitsLowerTypedIdsAtTheSameTime() {
        var cursor = new PageCursor(new BsonDateTime(5), new BsonObjectId(new ObjectId()), -1);

        BsonDocument after = StoreQueries.datedAfter(StoreCollection.MEMORY_ITEMS, cursor);

        assertThat(after.getArray("$or")).hasSize(3);
        assertThat(after.getArray("$or").get(2).asDocument().getDocument("_id").getArray("$type"))
                .contains(new BsonString("string"), new BsonString("int"))
                .doesNotContain(new BsonString("objectId"));
    }

    @Test
    void cursorAfterTheLowestTypeHasNoTypeBranch() {
        var cursor = new PageCursor(new BsonDateTime(5), new BsonMinKey(), -1);

        assertThat(StoreQueries.datedAfter(StoreCollection.MEMORY_ITEMS, cursor).getArray("$or")).hasSize(2);
    }
}
