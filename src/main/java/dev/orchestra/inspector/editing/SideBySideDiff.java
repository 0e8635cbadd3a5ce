package dev.orchestra.inspector.editing;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts laid out side by side (longest common subsequence): equal lines face each other,
 * a changed block shows theirs on the left and yours on the right, padded with blanks.
 */
public final class SideBySideDiff {
    /** How a row differs. */
    public enum Kind { SAME, CHANGED, ONLY_LEFT, ONLY_RIGHT }

    /** One row; a side's text and line number are null where that side has no line. */
    public record Row(Kind kind, Integer leftNumber, String left, Integer rightNumber, String right) {
    }

    private SideBySideDiff() {
    }

    public static List<Row> of(String leftText, String rightText) {
        String[] a = leftText.split("\n", -1);
        String[] b = rightText.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                flush(rows, removed, added, a, b);
                rows.add(new Row(Kind.SAME, i + 1, a[i], j + 1, b[j]));
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(j++);
            } else {
                removed.add(i++);
            }
        }
        flush(rows, removed, added, a, b);
        return rows;
    }

    /** Pairs a block of removed lines with the added lines that replaced them. */
    private static void flush(List<Row> rows, List<Integer> removed, List<Integer> added, String[] a, String[] b) {
        int n = Math.max(removed.size(), added.size());
        for (int k = 0; k < n; k++) {
            Integer l = k < removed.size() ? removed.get(k) : null;
            Integer r = k < added.size() ? added.get(k) : null;
            Kind kind = l != null && r != null ? Kind.CHANGED : l != null ? Kind.ONLY_LEFT : Kind.ONLY_RIGHT;
            rows.add(new Row(kind, l == null ? null : l + 1, l == null ? null : a[l],
                    r == null ? null : r + 1, r == null ? null : b[r]));
        }
        removed.clear();
        added.clear();
    }

    public static boolean differs(List<Row> rows) {
        return rows.stream().anyMatch(r -> r.kind() != Kind.SAME);
    }
}
