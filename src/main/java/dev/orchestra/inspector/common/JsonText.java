package dev.orchestra.inspector.common;

/**
 * JSON string literals that keep every printable character as it is (emoji, accents) and escape only what would
 * be invisible or ambiguous: control characters, line/paragraph separators, lone surrogates and formatting
 * characters other than the zero-width joiner that glues emoji sequences together. The driver's own writer escapes
 * every non-BMP character ({@code \ud83d\ude80}); JSON does not require that.
 */
final class JsonText {
    private static final char ZERO_WIDTH_JOINER = '\u200d';

    private JsonText() {
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean needsEscape(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                    Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            case Character.FORMAT -> c != ZERO_WIDTH_JOINER;
            default -> false;
        };
    }
}
