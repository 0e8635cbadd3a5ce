package dev.orchestra.inspector.detail;

import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.model.ScoredMemoryItem;
import java.time.Instant;
import java.util.Locale;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** One row of Similar items: a hit of the semantic search and its cosine similarity. */
public record SimilarItem(BsonValue id, double score, String text, String itemType, String sessionId,
                          String persona, Instant time, BsonDocument document) {

    public static SimilarItem of(ScoredMemoryItem hit) {
        var item = hit.item();
        BsonDocument document = MemoryItemMapper.toDocument(item);
        document.remove("embedding"); // the detail pane loads the whole document when the row is opened
        return new SimilarItem(item.id(), hit.score(), item.textContent(), item.itemType(), item.sessionId(),
                item.personaActive(), item.timestamp(), document);
    }

    /** The score as shown: three decimals, in [-1, 1]. */
    public String scoreText() {
        return String.format(Locale.ROOT, "%.3f", score);
    }
}
