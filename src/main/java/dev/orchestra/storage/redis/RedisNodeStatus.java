package dev.orchestra.storage.redis;

/**
 * One server of the deployment as a health check found it.
 *
 * @param address       {@code host:port}
 * @param role          {@code master}, {@code replica} or {@code sentinel}
 * @param up            answered PING within the socket timeout
 * @param latencyMillis round trip of that PING, -1 when it failed
 * @param detail        what else is worth showing (slots served, replication state, the failure), or empty
 */
public record RedisNodeStatus(String address, String role, boolean up, long latencyMillis, String detail) {
    public static final String MASTER = "master";
    public static final String REPLICA = "replica";
    public static final String SENTINEL = "sentinel";

    /** One line for a tooltip or a table: {@code master 127.0.0.1:7000 up 1 ms (slots 0-5460)}. */
    public String describe() {
        return role + " " + address + (up ? " up " + latencyMillis + " ms" : " DOWN")
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
