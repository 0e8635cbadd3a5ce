package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.Redactor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Which Redis servers the cache may use now: one {@link CircuitBreaker} per master, so that on a cluster with one
 * master down only the keys of that master's slots are bypassed (and their invalidations journalled) while the
 * other masters keep caching. Standalone and Sentinel have one master, so there it is all or nothing. Also opens
 * the deployment itself, again and again if it could not be opened (a Sentinel or cluster with no seed answering).
 */
final class CacheGuard {
    private static final Logger log = LoggerFactory.getLogger(CacheGuard.class);
    /** The breaker's name while the deployment could not be opened yet. */
    static final String NOT_CONNECTED = "(not connected)";

    private final RedisCacheSettings settings;
    private final Redactor redactor;
    private final CacheStatistics statistics;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final AtomicBoolean opening = new AtomicBoolean();
    private volatile RedisDeployment deployment;
    private volatile String lastError;

    CacheGuard(RedisCacheSettings settings, CacheStatistics statistics) {
        this.settings = settings;
        this.redactor = settings.redactor();
        this.statistics = statistics;
        tryOpen();
    }

    /** The deployment; throws {@link JedisConnectionException} while it could not be opened. */
    RedisDeployment deployment() {
        RedisDeployment current = deployment;
        if (current == null) {
            throw new JedisConnectionException("Redis at " + settings.address() + " could not be reached yet");
        }
        return current;
    }

    boolean isOpened() {
        return deployment != null;
    }

    /** The master holding {@code key}, or {@link #NOT_CONNECTED}. */
    String nodeOf(String key) {
        RedisDeployment current = deployment;
        return current == null ? NOT_CONNECTED : current.nodeOf(key);
    }

    /** How many master changes (failovers) the deployment has seen. */
    long masterChanges() {
        RedisDeployment current = deployment;
        return current == null ? 0 : current.masterChanges();
    }

    /** The masters, or {@link #NOT_CONNECTED} alone. */
    List<String> masters() {
        RedisDeployment current = deployment;
        return current == null ? List.of(NOT_CONNECTED) : current.masters();
    }

    /**
     * Whether {@code node} may be used now; while it is believed down, one caller per interval probes it (PING).
     *
     * @return true when it may be used now
     */
    boolean ready(String node) {
        CircuitBreaker breaker = breaker(node);
        if (!breaker.isOpen()) {
            return true;
        }
        if (breaker.tryStartProbe()) {
            boolean answered = false;
            try {
                ping(node);
                answered = true;
                log.info("Redis {} at {} answers again", node, settings.address());
            } catch (JedisException e) {
                noteError(e);
            } finally {
                breaker.probeFinished(answered);
            }
        }
        return !breaker.isOpen();
    }

    /** Whether every master may be used now (for work that visits each, like a SCAN). */
    boolean readyAll() {
        boolean all = true;
        for (String master : masters()) {
            all &= ready(master);
        }
        return all;
    }

    /** PING now, whatever the breaker says; success closes it. */
    void ping(String node) {
        if (NOT_CONNECTED.equals(node)) {
            if (!tryOpen()) {
                throw new JedisConnectionException(lastError == null ? "not connected" : lastError);
            }
            return;
        }
        deployment().ping(node);
    }

    void recordSuccess(String node) {
        CircuitBreaker breaker = breaker(node);
        if (breaker.isOpen()) {
            breaker.recordSuccess();
            log.info("Redis {} at {} answers again", node, settings.address());
        }
    }

    void failed(String node, JedisException e) {
        noteError(e);
        CircuitBreaker breaker = breaker(node);
        boolean wasOpen = breaker.isOpen();
        breaker.recordFailure();
        if (!wasOpen) {
            log.warn("Redis {} at {} failed ({}); its keys are served from the source of truth alone, retrying every"
                    + " {} ms", node, settings.address(), lastError, settings.retryInterval().toMillis());
            RedisDeployment current = deployment;
            if (current != null) {
                current.clearIdleConnections(); // so that recovery uses fresh connections to the restarted server
            }
        }
    }

    void noteError(JedisException e) {
        statistics.recordError();
        lastError = redactor.redact(RedisDeployment.firstLine(e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage()));
    }

    String lastError() {
        return lastError;
    }

    /** False while any master is believed down. */
    boolean allClosed() {
        return breakers.values().stream().noneMatch(CircuitBreaker::isOpen);
    }

    List<String> openNodes() {
        return breakers.entrySet().stream().filter(e -> e.getValue().isOpen()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    private CircuitBreaker breaker(String node) {
        return breakers.computeIfAbsent(node, n -> new CircuitBreaker(settings.retryInterval()));
    }

    /** Opens the deployment unless it is open (one caller at a time); false when it could not be reached. */
    private boolean tryOpen() {
        if (deployment != null) {
            return true;
        }
        if (!opening.compareAndSet(false, true)) {
            return false;
        }
        try {
            deployment = RedisConnections.open(settings);
            breakers.remove(NOT_CONNECTED);
            return true;
        } catch (JedisException e) {
            failed(NOT_CONNECTED, e);
            return false;
        } finally {
            opening.set(false);
        }
    }

    void close() {
        RedisDeployment current = deployment;
        if (current != null) {
            current.close();
        }
    }
}
