package dev.orchestra.storage.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test (class or method; the method's marks win) that talks to the configured servers —
 * {@link MongoTestTarget#open()} and/or {@link RedisTestServer#open()} — rather than to servers of its own. When
 * {@code MONGODB_URI} / {@code REDIS_HOST} name an external server, every such test that ran is written to
 * {@link ExternalTargetReport#FILE_PROPERTY the report file}, which {@code run_integration_tests.sh} counts.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("target")
@ExtendWith(ExternalTargetReport.class)
public @interface FollowsTarget {
    Server[] value();

    enum Server {
        MONGODB, REDIS
    }
}
