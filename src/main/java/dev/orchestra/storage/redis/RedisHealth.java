package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.RedisMode;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis component of a health check, for every shape: PING each master (a success closes its breaker and runs
 * the pending deletions), check the ACL user may run what the cache needs on its keys, and list every server with
 * role, address, latency and up/down, plus the Sentinel master and failovers seen or the cluster's slot coverage.
 * {@code ok} when every master answers; {@code degraded} when the cache is partly usable (a master of several down,
 * a cluster not {@code ok}, a failover under way, or missing permissions); {@code error} when no master answers.
 */
final class RedisHealth {
    /** A read-only script on one key under the prefix: needs EVAL, EXISTS and the key pattern, as fills do. */
    private static final String PERMISSION_PROBE = "return redis.call('EXISTS', KEYS[1])";

    private final RedisCacheSettings settings;
    private final CacheGuard guard;
    private final IntSupplier pendingInvalidations;
    private final Runnable drainNow;
    private volatile String serverVersion;

    RedisHealth(RedisCacheSettings settings, CacheGuard guard, IntSupplier pendingInvalidations, Runnable drainNow) {
        this.settings = settings;
        this.guard = guard;
        this.pendingInvalidations = pendingInvalidations;
        this.drainNow = drainNow;
    }

    ComponentHealth check() {
        if (!guard.isOpened()) {
            try {
                guard.ping(CacheGuard.NOT_CONNECTED);
            } catch (JedisException e) {
                return health(HealthStatus.ERROR, -1, details(null, List.of(), Map.of()), guard.lastError());
            }
        }
        RedisDeployment deployment = guard.deployment();
        List<String> masters = deployment.masters();
        int up = 0;
        long latency = -1;
        for (String master : masters) {
            long start = System.nanoTime();
            try {
                deployment.ping(master);
                latency = Math.max(latency, (System.nanoTime() - start) / 1_000_000);
                guard.recordSuccess(master);
                up++;
            } catch (JedisException e) {
                guard.failed(master, e);
            }
        }
        String permissionProblem = up > 0 ? permissionProblem(deployment) : null;
        if (up > 0) {
            drainNow.run();
            readVersion(deployment);
        }
        List<RedisNodeStatus> nodes = deployment.nodeStatuses();
        Map<String, Object> topology = deployment.topology();
        boolean clusterOk = !topology.containsKey("cluster_state") || "ok".equals(topology.get("cluster_state"));
        boolean failoverUnderWay = up == 0 && deployment.mode() == RedisMode.SENTINEL
                && nodes.stream().anyMatch(n -> n.up() && RedisNodeStatus.SENTINEL.equals(n.role()));
        HealthStatus status = up == masters.size() && permissionProblem == null && clusterOk ? HealthStatus.OK
                : up > 0 || failoverUnderWay ? HealthStatus.DEGRADED : HealthStatus.ERROR;
        String problem = permissionProblem != null ? permissionProblem
                : failoverUnderWay ? "master " + masters.get(0) + " is not answering; the sentinels are up, a failover"
                        + " is expected (" + guard.lastError() + ")"
                : status == HealthStatus.OK ? null
                : up > 0 && up < masters.size() ? (masters.size() - up) + " of " + masters.size() + " masters not"
                        + " answering, their keys are bypassed (" + guard.lastError() + ")"
                : !clusterOk ? "cluster_state is " + topology.get("cluster_state") : guard.lastError();
        return health(status, latency, details(deployment, nodes, topology), problem);
    }

    /** INFO of every master, summed; or the error. */
    Map<String, Object> serverFacts() {
        try {
            RedisDeployment deployment = guard.deployment();
            List<String> infos = new ArrayList<>();
            for (String master : deployment.masters()) {
                infos.add(deployment.info(master, null));
            }
            return RedisInfo.summary(infos);
        } catch (JedisException e) {
            guard.noteError(e);
            return Map.of("error", String.valueOf(guard.lastError()));
        }
    }

    private String permissionProblem(RedisDeployment deployment) {
        try {
            deployment.client().eval(PERMISSION_PROBE, List.of(settings.keyPrefix() + "health-check"), List.of());
            return null;
        } catch (JedisDataException e) {
            String message = String.valueOf(e.getMessage());
            return message.startsWith("NOPERM") ? "the Redis user "
                    + (settings.deployment().username() == null ? "default" : "'" + settings.deployment().username()
                    + "'") + " lacks a permission the cache needs: " + settings.redactor().redact(
                    RedisDeployment.firstLine(message)) : null;
        } catch (JedisException e) {
            return null; // not a permission problem: the PING results say what is wrong
        }
    }

    private void readVersion(RedisDeployment deployment) {
        if (serverVersion == null) {
            try {
                serverVersion = RedisInfo.parse(deployment.info(deployment.masters().get(0), "server"))
                        .getOrDefault("redis_version", "unknown");
            } catch (JedisException e) {
                // shown on a later check
            }
        }
    }

    private Map<String, Object> details(RedisDeployment deployment, List<RedisNodeStatus> nodes,
                                        Map<String, Object> topology) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", settings.address());
        if (deployment != null) {
            details.put("shape", deployment.shape());
        }
        if (serverVersion != null) {
            details.put("server_version", serverVersion);
        }
        details.put("pending_invalidations", pendingInvalidations.getAsInt());
        topology.forEach((name, value) -> {
            if (!"mode".equals(name)) {
                details.put(name, value);
            }
        });
        List<String> bypassed = guard.openNodes();
        if (!bypassed.isEmpty()) {
            details.put("bypassed_masters", String.join(",", bypassed));
        }
        if (!nodes.isEmpty()) {
            details.put("nodes", nodes.stream().map(n -> settings.redactor().redact(n.describe())).toList());
        }
        if (settings.tls() && !settings.deployment().tlsVerifyHost()) {
            details.put("tls_warning", "REDIS_TLS_VERIFY_HOST=false: the server's host name is not verified");
        }
        return details;
    }

    private static ComponentHealth health(HealthStatus status, long latency, Map<String, Object> details,
                                          String problem) {
        return new ComponentHealth(ComponentHealth.REDIS, status, latency, details, problem, Instant.now());
    }
}
