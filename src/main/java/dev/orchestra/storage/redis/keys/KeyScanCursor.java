package dev.orchestra.storage.redis.keys;

import java.util.List;
import java.util.Map;

/**
 * Where an incremental key listing stands: which master it is scanning and that master's SCAN cursor. Immutable;
 * each {@link RedisKeys#scan} returns the next one, so "Load more" continues exactly where the last page stopped and
 * a new pattern simply starts from {@link #start()}.
 */
public final class KeyScanCursor {
    private static final String SCAN_START = "0";
    private static final KeyScanCursor START = new KeyScanCursor(List.of(), 0, SCAN_START, 0, 0);

    private final List<String> masters;
    private final int masterIndex;
    private final String cursor;
    private final long stepsOnMaster;
    private final long finishedKeys;

    private KeyScanCursor(List<String> masters, int masterIndex, String cursor, long stepsOnMaster,
                          long finishedKeys) {
        this.masters = masters;
        this.masterIndex = masterIndex;
        this.cursor = cursor;
        this.stepsOnMaster = stepsOnMaster;
        this.finishedKeys = finishedKeys;
    }

    /** Before the first page: the masters are read when it is used. */
    public static KeyScanCursor start() {
        return START;
    }

    boolean started() {
        return !masters.isEmpty();
    }

    static KeyScanCursor over(List<String> masters) {
        return new KeyScanCursor(List.copyOf(masters), 0, SCAN_START, 0, 0);
    }

    List<String> masters() {
        return masters;
    }

    /** True when every master has been scanned to its end. */
    public boolean finished() {
        return started() && masterIndex >= masters.size();
    }

    String master() {
        return masters.get(masterIndex);
    }

    String cursor() {
        return cursor;
    }

    /** After one SCAN step on the current master that returned {@code nextCursor}. */
    KeyScanCursor after(String nextCursor, long masterSize) {
        if (SCAN_START.equals(nextCursor)) {
            return new KeyScanCursor(masters, masterIndex + 1, SCAN_START, 0, finishedKeys + masterSize);
        }
        return new KeyScanCursor(masters, masterIndex, nextCursor, stepsOnMaster + 1, finishedKeys);
    }

    /** Keys visited so far: the finished masters whole, the current one {@code count} per step up to its size. */
    long scanned(int count, Map<String, Long> sizes) {
        if (finished()) {
            return sizes.values().stream().mapToLong(Long::longValue).sum();
        }
        if (!started()) {
            return 0;
        }
        long current = Math.min(stepsOnMaster * count, sizes.getOrDefault(master(), 0L));
        return finishedKeys + current;
    }

    @Override
    public String toString() {
        return finished() ? "finished" : started() ? masterIndex + 1 + "/" + masters.size() + "@" + cursor : "start";
    }
}
