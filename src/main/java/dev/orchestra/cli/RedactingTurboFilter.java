package dev.orchestra.cli;

import dev.orchestra.storage.config.Redactor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * The one place every log line passes through before any appender sees it: a message (with its arguments) or an
 * exception holding a secret is dropped and logged again redacted, so consoles, files and test appenders alike only
 * ever receive the redacted event. Secrets are added with {@link #install} once the configuration is known; until
 * then only what looks like URI credentials is removed.
 */
public final class RedactingTurboFilter extends TurboFilter {
    private static final Marker REDACTED = MarkerFactory.getMarker("REDACTED");
    private static final String FQCN = Logger.class.getName();

    private volatile Redactor redactor = Redactor.PATTERNS_ONLY;

    /**
     * Adds the secrets of {@code secrets} to the filter of the running Logback context (installing the filter when
     * the configuration did not); secrets added earlier stay. Does nothing when SLF4J is not bound to Logback.
     */
    public static void install(Redactor secrets) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        synchronized (context) {
            RedactingTurboFilter filter = context.getTurboFilterList().stream()
                    .filter(RedactingTurboFilter.class::isInstance).map(RedactingTurboFilter.class::cast)
                    .findFirst().orElseGet(() -> {
                        var added = new RedactingTurboFilter();
                        added.setContext(context);
                        added.start();
                        context.addTurboFilter(added);
                        return added;
                    });
            filter.redactor = filter.redactor.and(secrets);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        // the effective level, not isEnabledFor(), which would call this filter again
        if (marker == REDACTED || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())
                || format == null && t == null) {
            return FilterReply.NEUTRAL;
        }
        Redactor current = redactor;
        var formatted = MessageFormatter.arrayFormat(format, params);
        String message = formatted.getMessage();
        Throwable thrown = t != null ? t : formatted.getThrowable();
        String safeMessage = current.redact(message);
        Throwable safeThrown = RedactedThrowable.of(thrown, current);
        if (safeThrown == thrown && (safeMessage == null ? message == null : safeMessage.equals(message))) {
            return FilterReply.NEUTRAL;
        }
        logger.log(REDACTED, FQCN, Level.toLocationAwareLoggerInteger(level), safeMessage, null, safeThrown);
        return FilterReply.DENY;
    }
}
