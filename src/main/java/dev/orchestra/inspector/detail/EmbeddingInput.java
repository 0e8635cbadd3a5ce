package dev.orchestra.inspector.detail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pasted query vector: one JSON array of numbers, nothing else ({@code [0.12, -3e-2, 7]}). Strict on purpose: no
 * {@code NaN}, no {@code Infinity}, no strings, no nesting, no trailing text, and a bounded size, so a bad paste is
 * refused with one line that says where instead of becoming a query.
 */
public final class EmbeddingInput {
    /** The longest vector accepted (embedding models stop far below). */
    public static final int MAX_DIMENSION = 65_536;
    /** The longest text accepted, checked before anything is split. */
    public static final int MAX_CHARS = MAX_DIMENSION * 32;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** The vector, or why the text is not one. Exactly one of the two is set. */
    public record Result(List<Double> vector, String error) {
        public boolean ok() {
            return vector != null;
        }

        public int dimension() {
            return vector == null ? 0 : vector.size();
        }
    }

    private EmbeddingInput() {
    }

    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return error("Paste a JSON array of numbers, e.g. [0.12, -0.5, 3e-2]");
        }
        if (text.length() > MAX_CHARS) {
            return error("The text is longer than " + MAX_CHARS + " characters; a vector has at most "
                    + MAX_DIMENSION + " numbers");
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
            return error("A vector is a JSON array: it starts with [ and ends with ]");
        }
        String inside = trimmed.substring(1, trimmed.length() - 1).strip();
        if (inside.isEmpty()) {
            return error("The array is empty; a vector needs at least one number");
        }
        String[] parts = inside.split(",", -1);
        if (parts.length > MAX_DIMENSION) {
            return error("The array has " + parts.length + " values; at most " + MAX_DIMENSION + " are accepted");
        }
        List<Double> vector = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (!JSON_NUMBER.matcher(part).matches()) {
                return error("Value " + (i + 1) + " is not a number: " + quote(part));
            }
            double value = Double.parseDouble(part);
            if (Double.isInfinite(value)) {
                return error("Value " + (i + 1) + " is too large for a double: " + quote(part));
            }
            vector.add(value);
        }
        if (vector.stream().allMatch(v -> v == 0)) {
            return error("Every value is 0; cosine similarity needs a vector with a length");
        }
        return new Result(List.copyOf(vector), null);
    }

    private static Result error(String message) {
        return new Result(null, message);
    }

    private static String quote(String part) {
        if (part.isEmpty()) {
            return "(nothing between two commas)";
        }
        String shown = part.length() > 24 ? part.substring(0, 24) + "…" : part;
        return "'" + shown.replaceAll("\\p{Cntrl}", " ") + "'";
    }
}
