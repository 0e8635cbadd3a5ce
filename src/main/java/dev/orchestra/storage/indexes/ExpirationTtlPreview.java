package dev.orchestra.storage.indexes;

import dev.orchestra.storage.model.StoreCollection;

/**
 * What creating the TTL index on {@code expiration} would mean, for the explicit confirmation it needs.
 *
 * @param expiredNow    documents whose {@code expiration} is already past: MongoDB deletes them soon after the index
 *                      is built, without trash and without audit
 * @param documentCount the server's estimate of the collection's documents (what the build goes over)
 * @param status        the TTL index's status now ({@link IndexStatus#PRESENT} when it already exists)
 */
public record ExpirationTtlPreview(StoreCollection collection, String indexName, long expiredNow, long documentCount,
                                   IndexStatus status) {
    /** The consequence in one sentence, as the CLI and the GUI state it before asking. */
    public String consequence() {
        return "With a TTL index on " + collection.collectionName() + ".expiration, MongoDB itself deletes every "
                + "document once its expiration has passed — without trash, without audit, not undoable. "
                + expiredNow + " document(s) have an expiration in the past and would be deleted now.";
    }
}
