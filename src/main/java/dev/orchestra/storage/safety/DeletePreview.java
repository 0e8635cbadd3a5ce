package dev.orchestra.storage.safety;

import dev.orchestra.storage.model.CountEstimate;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * What a delete would remove, to show before asking for confirmation.
 *
 * @param count              how many would go (may be a lower bound, see {@link CountEstimate#exact()})
 * @param sample             the first rows, newest first, in list form (no embeddings)
 * @param confirmationPhrase what the user must type to confirm (the count, or the session id), or null when a plain
 *                           confirmation is enough
 */
public record DeletePreview(CountEstimate count, List<BsonDocument> sample, String confirmationPhrase) {
    /** More than this many documents need a typed confirmation. */
    public static final long TYPED_CONFIRMATION_ABOVE = 100;

    public DeletePreview {
        sample = sample.stream().map(BsonDocument::clone).toList();
    }

    static DeletePreview forFilter(CountEstimate count, List<BsonDocument> sample) {
        boolean large = count.value() > TYPED_CONFIRMATION_ABOVE || !count.exact();
        return new DeletePreview(count, sample, large ? Long.toString(count.value()) : null);
    }

    static DeletePreview forSession(CountEstimate count, List<BsonDocument> sample, String sessionId) {
        return new DeletePreview(count, sample, sessionId);
    }

    public boolean requiresTypedConfirmation() {
        return confirmationPhrase != null;
    }

    public Optional<String> phraseToType() {
        return Optional.ofNullable(confirmationPhrase);
    }

    /** Whether {@code typed} confirms this delete (surrounding blanks ignored). */
    public boolean confirms(String typed) {
        return confirmationPhrase == null || (typed != null && typed.strip().equals(confirmationPhrase));
    }
}
