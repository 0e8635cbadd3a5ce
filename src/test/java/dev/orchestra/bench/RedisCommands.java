package dev.orchestra.bench;

import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import java.util.Set;

/**
 * Commands the masters have executed for the cache ({@code INFO commandstats}, summed over the masters), leaving
 * out the bookkeeping of a connection and of this count (INFO, CLIENT, PING, HELLO, AUTH, COMMAND): each is a
 * round trip, since the cache pipelines nothing. CLUSTER NODES/INFO (the slot layout a prefix deletion checks) count.
 */
final class RedisCommands {
    private static final Set<String> BOOKKEEPING = Set.of("info", "client", "ping", "hello", "auth", "command",
            "readonly");

    private RedisCommands() {
    }

    static long total(RedisFixture redis) {
        long total = 0;
        for (RedisProcess node : redis.dataNodes()) {
            if (node.isAlive()) {
                total += node.onThis(j -> j.info("replication").contains("role:master")
                        ? cacheCalls(j.info("commandstats")) : 0L);
            }
        }
        return total;
    }

    /** {@code cmdstat_del:calls=3,usec=…} lines, without the bookkeeping commands. */
    private static long cacheCalls(String commandStats) {
        long calls = 0;
        for (String line : commandStats.split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String command = line.substring("cmdstat_".length(), line.indexOf(':')).split("\\|")[0];
            if (BOOKKEEPING.contains(command)) {
                continue;
            }
            int start = line.indexOf("calls=") + "calls=".length();
            calls += Long.parseLong(line.substring(start, line.indexOf(',', start)));
        }
        return calls;
    }
}
