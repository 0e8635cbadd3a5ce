package dev.orchestra.storage.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.config.Redactor;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs driver calls and turns the driver's exceptions into the library's: unreachable or silent servers become
 * {@link StorageConnectionException} naming the host, everything else the server refused becomes
 * {@link StorageOperationException}. Messages never contain the password. Remembers the last error for health.
 */
final class MongoErrors {
    private static final Logger LOG = LoggerFactory.getLogger(MongoErrors.class);

    private final String hosts;
    private final Redactor redactor;
    private volatile String lastError;

    /** @param password removed, in every encoding, from every message (null: none) */
    MongoErrors(String hosts, String password) {
        this(hosts, Redactor.forSecrets(password == null ? List.of() : List.of(password)));
    }

    MongoErrors(String hosts, Redactor redactor) {
        this.hosts = hosts;
        this.redactor = redactor;
    }

    String lastError() {
        return lastError;
    }

    <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (StorageException e) {
            throw e;
        } catch (MongoException e) {
            StorageException mapped = translate(operation, e);
            lastError = mapped.getMessage();
            LOG.debug("{} failed: {}", operation, mapped.getMessage());
            throw mapped;
        }
    }

    void run(String operation, Runnable action) {
        call(operation, () -> {
            action.run();
            return null;
        });
    }

    StorageException translate(String operation, MongoException e) {
        String detail = safe(e.getMessage());
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException) {
            return new StorageConnectionException("MongoDB at " + hosts + " is unreachable (" + operation + "): "
                    + shorten(detail), new SafeCause(e));
        }
        if (e instanceof MongoExecutionTimeoutException) {
            return new StorageConnectionException("MongoDB at " + hosts + " did not answer " + operation
                    + " within its time limit", new SafeCause(e));
        }
        if (e instanceof MongoSecurityException) {
            return new StorageConnectionException("MongoDB at " + hosts + " refused the credentials ("
                    + operation + ")", new SafeCause(e));
        }
        if (e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return new StorageOperationException("Duplicate key on " + operation + ": " + shorten(detail),
                    new SafeCause(e));
        }
        String code = e instanceof MongoServerException s ? " (code " + s.getCode() + ")" : "";
        return new StorageOperationException("MongoDB at " + hosts + " failed " + operation + code + ": "
                + shorten(detail), new SafeCause(e));
    }

    private String safe(String message) {
        return redactor.redact(message == null ? "" : message);
    }

    private static String shorten(String message) {
        return message.length() > 400 ? message.substring(0, 400) + "…" : message;
    }

    /** Keeps the driver's exception type and stack for logs, with a message that has passed redaction. */
    private final class SafeCause extends RuntimeException {
        SafeCause(MongoException original) {
            super(original.getClass().getName() + ": " + safe(original.getMessage()));
            setStackTrace(original.getStackTrace());
        }
    }
}
