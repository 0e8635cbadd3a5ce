package dev.orchestra.storage.mapping;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.function.Function;
import org.bson.BsonValue;

/**
 * The one ranking behind every store's semantic search: scores each stored embedding against the query, counts
 * what it had to skip, and keeps only the best {@code topK} candidates in a bounded heap, so memory stays flat
 * however many embeddings stream past. {@code T} is what a store keeps per candidate (an id, or a whole document).
 */
public final class SemanticRanking<T> {
    private record Candidate<T>(T value, double score, long order) {
    }

    // Worst first; among equal scores the later one is worse, so ties keep the order the store read them in.
    private static final Comparator<Candidate<?>> WORST_FIRST = Comparator.<Candidate<?>>comparingDouble(
            Candidate::score).thenComparing(Comparator.<Candidate<?>>comparingLong(Candidate::order).reversed());

    private final CosineSimilarity similarity;
    private final int topK;
    private final PriorityQueue<Candidate<T>> best;
    private long order;
    private long compared;
    private long otherDimension;
    private long unusable;

    /** @throws StorageValidationException when topK is below 1 or the query vector is empty, zero or not finite */
    public SemanticRanking(SemanticQuery query) {
        if (query.topK() < 1) {
            throw new StorageValidationException("topK must be at least 1, was " + query.topK());
        }
        this.similarity = new CosineSimilarity(query.embedding());
        this.topK = query.topK();
        this.best = new PriorityQueue<>(Math.min(topK, 1024) + 1, WORST_FIRST);
    }

    /** Scores one stored embedding; a candidate that cannot be compared is only counted. */
    public void offer(BsonValue embedding, T candidate) {
        OptionalDouble score = similarity.score(embedding);
        if (score.isEmpty()) {
            if (embedding != null && embedding.isArray() && embedding.asArray().size() != similarity.dimension()) {
                otherDimension++;
            } else {
                unusable++;
            }
            return;
        }
        compared++;
        best.add(new Candidate<>(candidate, score.getAsDouble(), order++));
        if (best.size() > topK) {
            best.poll();
        }
    }

    /** The kept candidates, best first. */
    public List<T> ranked() {
        return sorted().stream().map(Candidate::value).toList();
    }

    /**
     * The result, with each kept candidate turned into a hit by {@code load}; a candidate it maps to null (deleted
     * since it was scored) is left out.
     */
    public SemanticSearchResult result(Function<? super T, MemoryItem> load) {
        List<ScoredMemoryItem> hits = new ArrayList<>();
        for (Candidate<T> c : sorted()) {
            MemoryItem item = load.apply(c.value());
            if (item != null) {
                hits.add(new ScoredMemoryItem(item, c.score()));
            }
        }
        return new SemanticSearchResult(hits, similarity.dimension(), compared, otherDimension, unusable);
    }

    private List<Candidate<T>> sorted() {
        List<Candidate<T>> ranked = new ArrayList<>(best);
        ranked.sort(WORST_FIRST.reversed());
        return ranked;
    }
}
