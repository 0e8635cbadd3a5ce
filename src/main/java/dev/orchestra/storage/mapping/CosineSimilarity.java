package dev.orchestra.storage.mapping;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.List;
import java.util.OptionalDouble;
import org.bson.BsonValue;

/** Cosine similarity between a query vector and stored embeddings of any numeric BSON type. */
public final class CosineSimilarity {
    private final double[] query;
    private final double queryNorm;

    /** @throws StorageValidationException when the query vector is empty, zero, or not finite */
    public CosineSimilarity(List<Double> queryEmbedding) {
        if (queryEmbedding == null || queryEmbedding.isEmpty()) {
            throw new StorageValidationException("The query embedding must not be empty");
        }
        query = new double[queryEmbedding.size()];
        for (int i = 0; i < query.length; i++) {
            Double v = queryEmbedding.get(i);
            if (v == null || v.isNaN() || v.isInfinite()) {
                throw new StorageValidationException("The query embedding's value " + i + " is " + v
                        + "; it must be a finite number");
            }
            query[i] = v;
        }
        queryNorm = norm(query);
        if (queryNorm == 0) {
            throw new StorageValidationException("The query embedding is all zeros; cosine similarity is undefined");
        }
    }

    public int dimension() {
        return query.length;
    }

    /** The similarity, or empty when the stored value is not a numeric array of the query's dimension. */
    public OptionalDouble score(BsonValue embedding) {
        if (embedding == null || !embedding.isArray() || embedding.asArray().size() != query.length) {
            return OptionalDouble.empty();
        }
        double dot = 0;
        double squares = 0;
        var values = embedding.asArray();
        for (int i = 0; i < query.length; i++) {
            BsonValue v = values.get(i);
            if (!v.isNumber() && !v.isDecimal128()) {
                return OptionalDouble.empty();
            }
            double d = v.isNumber() ? v.asNumber().doubleValue() : v.asDecimal128().getValue().doubleValue();
            dot += d * query[i];
            squares += d * d;
        }
        if (squares == 0 || Double.isNaN(dot) || Double.isInfinite(dot)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(dot / (Math.sqrt(squares) * queryNorm));
    }

    private static double norm(double[] vector) {
        double sum = 0;
        for (double v : vector) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
