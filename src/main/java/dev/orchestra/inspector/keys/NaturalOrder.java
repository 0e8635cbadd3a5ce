package dev.orchestra.inspector.keys;

/**
 * The key tree's order: {@code user-2} before {@code user-10}, runs of digits compare as numbers, the rest as text;
 * what is still equal then (leading zeros: {@code 01} and {@code 1}) as plain text. Compares parts of names in place,
 * so that finding a key's group makes no copy of its name.
 */
final class NaturalOrder {
    private NaturalOrder() {
    }

    static int compare(String a, String b) {
        return compare(a, a.length(), b, b.length(), 0);
    }

    /** {@code a} up to {@code aEnd} against {@code b} up to {@code bEnd}, both from {@code from}. */
    static int compare(String a, int aEnd, String b, int bEnd, int from) {
        int i = from;
        int j = from;
        while (i < aEnd && j < bEnd) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i, aEnd);
                int endB = digitsEnd(b, j, bEnd);
                int startA = skipZeros(a, i, endA);
                int startB = skipZeros(b, j, endB);
                int byLength = Integer.compare(endA - startA, endB - startB);
                if (byLength != 0) {
                    return byLength;
                }
                for (int k = 0; k < endA - startA; k++) {
                    int byDigit = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
                    if (byDigit != 0) {
                        return byDigit;
                    }
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(aEnd - i, bEnd - j);
        return byRest != 0 ? byRest : asText(a, aEnd, b, bEnd, from);
    }

    private static int asText(String a, int aEnd, String b, int bEnd, int from) {
        int length = Math.min(aEnd, bEnd);
        for (int k = from; k < length; k++) {
            char ca = a.charAt(k);
            char cb = b.charAt(k);
            if (ca != cb) {
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(aEnd, bEnd);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Leading zeros do not count, but a number of zeros only keeps its last. */
    private static int skipZeros(String text, int from, int end) {
        int start = from;
        while (start < end - 1 && text.charAt(start) == '0') {
            start++;
        }
        return start;
    }

    private static int digitsEnd(String text, int from, int end) {
        int at = from;
        while (at < end && isDigit(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
