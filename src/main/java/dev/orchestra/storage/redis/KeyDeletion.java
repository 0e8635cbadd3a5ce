package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.RedisMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Deletes keys so that every shape accepts it. A cluster refuses a {@code DEL} whose keys hash to different slots
 * ({@code CROSSSLOT}), so there keys are grouped by slot, one {@code DEL} per slot; a single node takes them all at
 * once. Deleting by prefix visits every master with bounded {@code SCAN} steps; its cursor names the master it
 * is on ({@code host:port cursor}), so a deletion cut short continues where it stopped.
 */
final class KeyDeletion {
    static final int SCAN_COUNT = 500;
    private static final String START = ScanParams.SCAN_POINTER_START;

    private final CacheGuard guard;

    KeyDeletion(CacheGuard guard) {
        this.guard = guard;
    }

    /**
     * Deletes the keys now, slot group by slot group; a group whose master is believed down or fails is not
     * deleted.
     *
     * @return the keys that were not deleted (to journal)
     */
    List<String> delete(Collection<String> keys) {
        List<String> notDeleted = new ArrayList<>();
        for (List<String> group : groups(keys)) {
            String node = guard.nodeOf(group.get(0));
            if (!guard.ready(node)) {
                notDeleted.addAll(group);
                continue;
            }
            try {
                guard.deployment().client().del(group.stream().map(KeyDeletion::bytes).toArray(byte[][]::new));
            } catch (JedisException e) {
                guard.failed(node, e);
                notDeleted.addAll(group);
            }
        }
        return notDeleted;
    }

    /** One DEL per slot on a cluster; one DEL for everything elsewhere. */
    private Collection<List<String>> groups(Collection<String> keys) {
        if (!guard.isOpened() || guard.deployment().mode() != RedisMode.CLUSTER) {
            return keys.isEmpty() ? List.of() : List.of(List.copyOf(keys));
        }
        Map<Integer, List<String>> bySlot = new LinkedHashMap<>();
        for (String key : keys) {
            bySlot.computeIfAbsent(JedisClusterCRC16.getSlot(key), s -> new ArrayList<>()).add(key);
        }
        return bySlot.values();
    }

    /**
     * One bounded SCAN step of the deletion of every key starting with {@code literalPrefix}, on the master the
     * cursor names, and deletes what it found. The cursor also carries the slot layout the deletion started with
     * ({@code layout@host:port cursor}): a key that moved between masters during the scan (a resharding) may have
     * been missed, so when the layout changed, or slots are moving, the deletion starts over instead of finishing.
     *
     * @param cursor {@code "0"} to start, else what the previous step returned
     * @return the next cursor, {@code "0"} when every master was scanned to its end under one slot layout
     * @throws JedisException when the master failed (the guard knows)
     */
    String deleteStep(String literalPrefix, String cursor) {
        RedisDeployment deployment = guard.deployment();
        List<String> masters = deployment.masters();
        String layout;
        String master = masters.get(0);
        String nodeCursor = START;
        int at = cursor.indexOf('@');
        int space = cursor.lastIndexOf(' ');
        if (at >= 0 && space > at && masters.contains(cursor.substring(at + 1, space))) {
            layout = cursor.substring(0, at);
            master = cursor.substring(at + 1, space);
            nodeCursor = cursor.substring(space + 1);
        } else {
            // a start, or a master that left (failover): start over, never skip a master
            layout = layoutOrFail(deployment, master);
        }
        var params = new ScanParams().match(bytes(CacheKeys.globStartingWith(literalPrefix))).count(SCAN_COUNT);
        try {
            ScanResult<byte[]> page = deployment.scan(master, bytes(nodeCursor), params);
            deleteFound(page.getResult());
            if (!START.equals(page.getCursor())) {
                return layout + "@" + master + " " + page.getCursor();
            }
        } catch (JedisException e) {
            guard.failed(master, e);
            throw e;
        }
        int next = masters.indexOf(master) + 1;
        if (next < masters.size()) {
            return layout + "@" + masters.get(next) + " " + START;
        }
        String now = layoutOrFail(deployment, master);
        return now.equals(layout) && !now.startsWith(RedisDeployment.SLOTS_MOVING) ? START
                : now + "@" + masters.get(0) + " " + START;
    }

    private String layoutOrFail(RedisDeployment deployment, String master) {
        try {
            return deployment.slotLayout();
        } catch (JedisException e) {
            guard.failed(master, e);
            throw e;
        }
    }

    private void deleteFound(List<byte[]> found) {
        if (found.isEmpty()) {
            return;
        }
        List<String> names = found.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        boolean utf8 = found.stream().allMatch(b -> Arrays.equals(b, bytes(new String(b, StandardCharsets.UTF_8))));
        if (!utf8) {
            for (byte[] key : found) {
                guard.deployment().client().del(key); // a foreign binary name: one DEL each is slot-safe too
            }
            return;
        }
        List<String> left = delete(names);
        if (!left.isEmpty()) {
            throw new JedisException(left.size() + " keys found by SCAN could not be deleted");
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
