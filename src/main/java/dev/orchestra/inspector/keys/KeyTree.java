package dev.orchestra.inspector.keys;

import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The listed keys grouped by their {@code :} separators, as RedisInsight's tree shows them: {@code a:b:c} is the key
 * {@code c} in the group {@code b:} in the group {@code a:}. A name can be a key and a group at once ({@code a:b} and
 * {@code a:b:c}). Grows as pages arrive ({@link #addAll}: a few hundred keys at a time); the view builds tree items
 * from it lazily.
 *
 * <p>Each group keeps its children sorted ({@link NaturalOrder}) in an array: a key's groups are found by binary
 * search comparing parts of its name in place (no copy of the name per level), and the children a page adds are
 * merged in once at the end of the page, each at its place, instead of sorting the group again.
 */
public final class KeyTree {
    static final char SEPARATOR = ':';
    private static final Node[] NONE = new Node[0];

    /** A group (with children) or a key (with {@link #key()}), or both. */
    public static final class Node {
        private final String path;
        /** Where this level's part starts in {@link #path}: the parent's path length. */
        private final int start;
        /** In {@link NaturalOrder}; empty until the first child: most nodes are keys without children. */
        private Node[] children = NONE;
        private int childCount;
        /** Children of the page being added, not yet merged into {@link #children}. */
        private Node[] pending = NONE;
        private int pendingCount;
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

        /** The children in their order (a view of them as they are now). */
        public Collection<Node> children() {
            return childCount == 0 ? List.of() : Arrays.asList(children).subList(0, childCount);
        }

        public boolean isGroup() {
            return childCount > 0;
        }

        /** Changes each time a child is added or removed (a view re-reads {@link #children()} only then). */
        public long childrenVersion() {
            return childrenVersion;
        }

        /** Keys in this group and below (1 for a key alone; 0 once removed from the tree). */
        public int keyCount() {
            return keyCount;
        }

        /** MEMORY USAGE of the keys below, summed (unknown sizes count 0). */
        public long memoryBytes() {
            return memoryBytes;
        }

        /** The child whose path is {@code name} up to {@code end} (this level's part from {@link #path}'s end). */
        private Node child(String name, int end) {
            int from = path.length();
            int low = 0;
            int high = childCount - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                Node child = children[middle];
                int order = NaturalOrder.compare(child.path, child.path.length(), name, end, from);
                if (order < 0) {
                    low = middle + 1;
                } else if (order > 0) {
                    high = middle - 1;
                } else {
                    return child;
                }
            }
            for (int i = 0; i < pendingCount; i++) {
                Node child = pending[i];
                if (child.path.length() == end && name.regionMatches(from, child.path, from, end - from)) {
                    return child;
                }
            }
            return null;
        }

        /** Where {@code child} goes among the first {@code count} children. */
        private int place(Node child, int count) {
            int low = 0;
            int high = count - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (NaturalOrder.compare(children[middle].path, children[middle].path.length(), child.path,
                        child.path.length(), path.length()) < 0) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return low;
        }

        /** Puts the pending children among the others, each at its place (from the last, so each moves once). */
        private void merge() {
            Node[] added = Arrays.copyOf(pending, pendingCount);
            int from = path.length();
            Arrays.sort(added, (a, b) -> NaturalOrder.compare(a.path, a.path.length(), b.path, b.path.length(), from));
            if (children.length < childCount + added.length) {
                children = Arrays.copyOf(children, Math.max(childCount + added.length, childCount + (childCount >> 1)));
            }
            int end = childCount;
            for (int i = added.length - 1; i >= 0; i--) {
                int at = place(added[i], end);
                System.arraycopy(children, at, children, at + i + 1, end - at);
                children[at + i] = added[i];
                end = at;
            }
            childCount += added.length;
            pending = NONE;
            pendingCount = 0;
        }

        private void removeChild(Node child) {
            for (int i = 0; i < childCount; i++) {
                if (children[i] == child) {
                    System.arraycopy(children, i + 1, children, i, childCount - i - 1);
                    children[--childCount] = null;
                    return;
                }
            }
        }
    }

    private Node root = new Node("", 0);
    private long changes;
    /** The nodes from the root to the key being added or removed (reused: no list per key). */
    private Node[] path = new Node[8];
    private int depth;
    /** The groups that gained children in the page being added. */
    private final List<Node> grown = new ArrayList<>();

    public Node root() {
        return root;
    }

    public void clear() {
        root = new Node("", 0);
    }

    /** Adds or replaces a key; true when it was not there before. */
    public boolean add(KeyInfo key) {
        boolean added = put(key);
        mergeGrown();
        return added;
    }

    /** Adds or replaces a page of keys; those that were not there before, in the page's order. */
    public List<KeyInfo> addAll(List<KeyInfo> keys) {
        List<KeyInfo> added = new ArrayList<>(keys.size());
        for (KeyInfo key : keys) {
            if (put(key)) {
                added.add(key);
            }
        }
        mergeGrown();
        return added;
    }

    /** Whether a key of this name is in the tree. */
    public boolean contains(RedisKeyName name) {
        return find(name.text(), false) && path[depth - 1].key != null;
    }

    /** Removes a key (a deleted one); groups left empty go too. */
    public void remove(RedisKeyName name) {
        if (!find(name.text(), false) || path[depth - 1].key == null) {
            return;
        }
        long memory = Math.max(0, path[depth - 1].key.memoryBytes());
        path[depth - 1].key = null;
        for (int i = 0; i < depth; i++) {
            path[i].keyCount--;
            path[i].memoryBytes -= memory;
        }
        for (int i = depth - 1; i > 0; i--) {
            if (path[i].keyCount == 0) {
                path[i - 1].removeChild(path[i]);
                path[i - 1].childrenVersion = ++changes;
            }
        }
    }

    /** {@code user-2} before {@code user-10}: runs of digits compare as numbers, the rest as text. */
    static int naturalOrder(String a, String b) {
        return NaturalOrder.compare(a, b);
    }

    /** Adds the key without merging the new children in yet. */
    private boolean put(KeyInfo key) {
        find(key.name().text(), true);
        Node leaf = path[depth - 1];
        long oldMemory = leaf.key == null ? 0 : Math.max(0, leaf.key.memoryBytes());
        int added = leaf.key == null ? 1 : 0;
        leaf.key = key;
        long delta = Math.max(0, key.memoryBytes()) - oldMemory;
        for (int i = 0; i < depth; i++) {
            path[i].keyCount += added;
            path[i].memoryBytes += delta;
        }
        return added == 1;
    }

    private void mergeGrown() {
        for (Node node : grown) {
            node.merge();
            node.childrenVersion = ++changes;
        }
        grown.clear();
    }

    /**
     * Fills {@link #path} with the nodes from the root to the name's node, making the missing ones (as pending
     * children) when {@code create}; false when one is missing and {@code create} is false.
     */
    private boolean find(String name, boolean create) {
        depth = 0;
        push(root);
        Node node = root;
        int start = 0;
        while (start < name.length()) {
            int separator = name.indexOf(SEPARATOR, start);
            int end = separator < 0 ? name.length() : separator + 1;
            Node child = node.child(name, end);
            if (child == null) {
                if (!create) {
                    return false;
                }
                // a key's path is its name: no copy of it; a group's is made once, when the group is
                child = new Node(end == name.length() ? name : name.substring(0, end), start);
                if (node.pendingCount == 0) {
                    grown.add(node);
                }
                if (node.pendingCount == node.pending.length) {
                    node.pending = Arrays.copyOf(node.pending, Math.max(2, node.pendingCount * 2));
                }
                node.pending[node.pendingCount++] = child;
            }
            push(child);
            node = child;
            start = end;
        }
        return true;
    }

    private void push(Node node) {
        if (depth == path.length) {
            path = Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = node;
    }
}
