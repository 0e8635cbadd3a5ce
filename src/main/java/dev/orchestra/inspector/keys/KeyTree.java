package dev.orchestra.inspector.keys;

import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The listed keys grouped by their {@code :} separators, as RedisInsight's tree shows them: {@code a:b:c} is the key
 * {@code c} in the group {@code b:} in the group {@code a:}. A name can be a key and a group at once ({@code a:b} and
 * {@code a:b:c}). Grows as pages arrive (a few hundred insertions each); the view builds tree items from it lazily.
 */
public final class KeyTree {
    static final char SEPARATOR = ':';

    /** A group (with children) or a key (with {@link #key()}), or both. */
    public static final class Node {
        private final String path;
        /** Where this level's part starts in {@link #path}: the parent's path length. */
        private final int start;
        /** Null until the first child: most nodes are keys without children. */
        private Map<String, Node> children;
        private KeyInfo key;
        private long childrenVersion;
        private int keyCount;
        private long memoryBytes;

        private Node(String path, int start) {
            this.path = path;
            this.start = start;
        }

        /** This level's part of the name ({@code history:}, or a key's last part). */
        public String segment() {
            return path.substring(start);
        }

        /** The name up to and including this level: a group's prefix, or a key's whole name. */
        public String path() {
            return path;
        }

        /** The key of this exact name, or null for a group only. */
        public KeyInfo key() {
            return key;
        }

        public Collection<Node> children() {
            return children == null ? List.of() : children.values();
        }

        public boolean isGroup() {
            return children != null && !children.isEmpty();
        }

        /** Changes each time a child is added or removed (a view re-reads {@link #children()} only then). */
        public long childrenVersion() {
            return childrenVersion;
        }

        /** Keys in this group and below (1 for a key alone). */
        public int keyCount() {
            return keyCount;
        }

        /** MEMORY USAGE of the keys below, summed (unknown sizes count 0). */
        public long memoryBytes() {
            return memoryBytes;
        }
    }

    private Node root = new Node("", 0);
    private long changes;

    public Node root() {
        return root;
    }

    public void clear() {
        root = new Node("", 0);
    }

    /** Adds or replaces a key; true when it was not there before. */
    public boolean add(KeyInfo key) {
        List<Node> path = pathTo(key.name(), true);
        Node leaf = path.get(path.size() - 1);
        long oldMemory = leaf.key == null ? 0 : Math.max(0, leaf.key.memoryBytes());
        int added = leaf.key == null ? 1 : 0;
        leaf.key = key;
        long delta = Math.max(0, key.memoryBytes()) - oldMemory;
        for (Node node : path) {
            node.keyCount += added;
            node.memoryBytes += delta;
        }
        return added == 1;
    }

    /** Whether a key of this name is in the tree. */
    public boolean contains(RedisKeyName name) {
        List<Node> path = pathTo(name, false);
        return path != null && path.get(path.size() - 1).key != null;
    }

    /** Removes a key (a deleted one); groups left empty go too. */
    public void remove(RedisKeyName name) {
        List<Node> path = pathTo(name, false);
        if (path == null || path.get(path.size() - 1).key == null) {
            return;
        }
        long memory = Math.max(0, path.get(path.size() - 1).key.memoryBytes());
        path.get(path.size() - 1).key = null;
        for (Node node : path) {
            node.keyCount--;
            node.memoryBytes -= memory;
        }
        for (int i = path.size() - 1; i > 0; i--) {
            Node node = path.get(i);
            if (node.keyCount == 0) {
                path.get(i - 1).children.remove(node.path);
                path.get(i - 1).childrenVersion = ++changes;
            }
        }
    }

    /** {@code user-2} before {@code user-10}: runs of digits compare as numbers, the rest as text. */
    static int naturalOrder(String a, String b) {
        return naturalOrder(a, b, 0);
    }

    /** {@link #naturalOrder(String, String)} of what follows {@code from} in both. */
    static int naturalOrder(String a, String b, int from) {
        int i = from;
        int j = from;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
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
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
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

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The nodes from the root to the name's node; null when absent and {@code create} is false. */
    private List<Node> pathTo(RedisKeyName name, boolean create) {
        List<Node> path = new ArrayList<>();
        path.add(root);
        Node node = root;
        String text = name.text();
        int start = 0;
        while (start < text.length()) {
            int separator = text.indexOf(SEPARATOR, start);
            int end = separator < 0 ? text.length() : separator + 1;
            // children are keyed by their whole path, which for a key is its name: no copy of it per key
            String childPath = end == text.length() ? text : text.substring(0, end);
            Node child = node.children == null ? null : node.children.get(childPath);
            if (child == null) {
                if (!create) {
                    return null;
                }
                child = new Node(childPath, start);
                if (node.children == null) {
                    int from = start;
                    node.children = new TreeMap<>((a, b) -> naturalOrder(a, b, from));
                }
                node.children.put(childPath, child);
                node.childrenVersion = ++changes;
            }
            path.add(child);
            node = child;
            start = end;
        }
        return path;
    }
}
