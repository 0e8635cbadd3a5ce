package dev.orchestra.storage.coherence;

import dev.orchestra.storage.StoreLifecycle;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.tiered.CacheTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Compares our cache keys with the source of truth (what the tiered manager would load into them now) and
 * classifies each ({@link CoherenceClass}). Read-only: TYPE, PTTL, LLEN, LRANGE, HLEN, HMGET and SCAN, pipelined in
 * batches ({@link RawKeyReader}), and the source reads a fill would make, for a whole batch at once (a few MongoDB
 * queries per batch: {@link CacheTruth#historiesFromSource}); it changes no key, no TTL, no document.
 * Bounded by {@link CoherenceLimits}: a sample size, a time limit, SCAN with a COUNT; cancellable between batches.
 * Works on every Redis shape: keys are listed on each master and read through the routed client.
 */
public final class CoherenceChecker {
    private final CacheTruth truth;
    private final CoherenceLimits limits;

    public CoherenceChecker(CacheTruth truth, CoherenceLimits limits) {
        this.truth = truth;
        this.limits = limits;
    }

    /** The checker of {@code store}'s cache, with the default limits; empty when it has no cache. */
    public static Optional<CoherenceChecker> of(StoreLifecycle store) {
        return CacheTruth.of(store).map(t -> new CoherenceChecker(t, CoherenceLimits.DEFAULT));
    }

    public CoherenceChecker withLimits(CoherenceLimits newLimits) {
        return new CoherenceChecker(truth, newLimits);
    }

    public CoherenceLimits limits() {
        return limits;
    }

    RedisCache cache() {
        return truth.redisCache();
    }

    public CacheKeys keys() {
        return truth.redisCache().keys();
    }

    /**
     * The class of one key (for a key browser): {@link CoherenceClass#NOT_OURS} when the name is not one of our
     * cache keys, {@link CoherenceClass#ABSENT} when there is no such key.
     *
     * @throws StorageConnectionException when Redis does not answer
     */
    public CacheFinding classify(String key) {
        return classifyAll(List.of(key)).get(0);
    }

    /** The class of each key, in order; one pipeline per {@link CoherenceLimits#batchSize()} keys. */
    public List<CacheFinding> classifyAll(List<String> names) {
        Run run = new Run(CheckProgress.NONE, names.size());
        List<CacheFinding> findings = new ArrayList<>(names.size());
        for (int from = 0; from < names.size(); from += limits.batchSize()) {
            findings.addAll(run.batch(names.subList(from, Math.min(names.size(), from + limits.batchSize()))));
        }
        return findings;
    }

    /**
     * Checks the keys of {@code scope}: a session's three keys, a user's keys (SCAN), or a sample of every key
     * (SCAN), within the limits.
     *
     * @throws StorageConnectionException when Redis does not answer
     */
    public CoherenceReport check(CoherenceScope scope, CheckProgress progress) {
        long start = System.nanoTime();
        long deadline = start + limits.timeLimit().toNanos();
        CacheKeys keys = keys();
        Run run = new Run(progress, scope.isSession() ? 3 : limits.sampleSize());
        String stopped = null;
        if (scope.isSession()) {
            run.accept(run.batch(List.of(keys.history(scope.userId(), scope.sessionId()),
                    keys.history(scope.userId(), null), keys.session(scope.userId(), scope.sessionId()))));
        } else {
            List<String> prefixes = scope.isUser()
                    ? List.of(keys.history(scope.userId(), null), keys.userSessionHistoryPrefix(scope.userId()),
                    keys.userSessionPrefix(scope.userId()))
                    : List.of(keys.allHistoryPrefix(), keys.allSessionPrefix());
            stopped = scan(scope, prefixes, run, deadline);
        }
        return new CoherenceReport(scope.describe(), run.counts, run.kept, run.checked,
                run.reader.roundTrips() + run.scanSteps, run.classifier.sourceReads(),
                Duration.ofNanos(System.nanoTime() - start), stopped);
    }

    private String scan(CoherenceScope scope, List<String> prefixes, Run run, long deadline) {
        KeyScan scan = new KeyScan(truth.redisCache(), limits.scanCount());
        List<String> batch = new ArrayList<>(limits.batchSize());
        String exactUserKey = scope.isUser() ? prefixes.get(0) : null;
        try {
            for (String prefix : prefixes) {
                boolean exact = prefix.equals(exactUserKey);
                var names = exact ? List.of(prefix).iterator() : scan.startingWith(prefix);
                while (names.hasNext()) {
                    if (run.checked + batch.size() >= limits.sampleSize()) {
                        run.accept(run.batch(batch));
                        return "sample size reached";
                    }
                    batch.add(names.next());
                    if (batch.size() == limits.batchSize()) {
                        run.accept(run.batch(batch));
                        batch.clear();
                        String why = stopReason(run.progress, deadline);
                        if (why != null) {
                            return why;
                        }
                    }
                }
            }
            String why = stopReason(run.progress, deadline);
            if (why == null) {
                run.accept(run.batch(batch));
            }
            return why;
        } finally {
            run.scanSteps += scan.steps();
        }
    }

    private static String stopReason(CheckProgress progress, long deadline) {
        if (progress.cancelled() || Thread.currentThread().isInterrupted()) {
            return "cancelled";
        }
        return System.nanoTime() > deadline ? "time limit" : null;
    }

    /** The state of one check. */
    private final class Run {
        final CheckProgress progress;
        final int planned;
        final RawKeyReader reader;
        final KeyClassifier classifier = new KeyClassifier(truth, limits.expiringBelow());
        final Map<CoherenceClass, Integer> counts = new EnumMap<>(CoherenceClass.class);
        final List<CacheFinding> kept = new ArrayList<>();
        int checked;
        int freshKept;
        long scanSteps;

        Run(CheckProgress progress, int planned) {
            this.progress = progress;
            this.planned = planned;
            this.reader = new RawKeyReader(client(truth.redisCache()));
        }

        List<CacheFinding> batch(List<String> names) {
            if (names.isEmpty()) {
                return List.of();
            }
            List<CacheKeyName> parsed = new ArrayList<>(names.size());
            List<String> ours = new ArrayList<>(names.size());
            List<Boolean> isOurs = new ArrayList<>(names.size());
            for (String name : names) {
                Optional<CacheKeyName> parsedName = CacheKeyName.parse(keys(), name);
                isOurs.add(parsedName.isPresent());
                parsedName.ifPresent(n -> {
                    parsed.add(n);
                    ours.add(name);
                });
            }
            List<RawKeyReader.RawKey> raw;
            try {
                raw = ours.isEmpty() ? List.of() : reader.read(ours, parsed.stream().map(CacheKeyName::kind).toList());
            } catch (JedisException e) {
                throw new StorageConnectionException("Redis failed during the coherence check: "
                        + truth.redisCache().settings().redactor().redact(String.valueOf(e.getMessage())));
            }
            List<CacheFinding> ourFindings = classifier.classifyAll(parsed, raw);
            List<CacheFinding> findings = new ArrayList<>(names.size());
            int next = 0;
            for (int i = 0; i < names.size(); i++) {
                if (isOurs.get(i)) {
                    findings.add(ourFindings.get(next));
                    next++;
                } else {
                    findings.add(KeyClassifier.notOurs(names.get(i)));
                }
            }
            return findings;
        }

        void accept(List<CacheFinding> findings) {
            for (CacheFinding finding : findings) {
                if (finding.coherence() == CoherenceClass.ABSENT) {
                    continue; // gone between SCAN and read: nothing to report
                }
                checked++;
                counts.merge(finding.coherence(), 1, Integer::sum);
                if (finding.coherence() != CoherenceClass.FRESH || freshKept++ < limits.freshKept()) {
                    kept.add(finding);
                }
            }
            progress.checked(checked, Math.max(planned, checked));
        }
    }

    private static UnifiedJedis client(RedisCache cache) {
        return cache.deployment().client();
    }
}
