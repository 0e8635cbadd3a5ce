package dev.orchestra.cli;

import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.config.StorageConfig;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Everything a command needs from outside, handed to each command's constructor (see {@link CliFactory}), so that
 * tests run commands in-process against their own servers and streams, with no static state.
 *
 * @param out      results (documents, tables, reports)
 * @param err      diagnostics, progress bars and one-line errors
 * @param in       answers to confirmation prompts
 * @param config   the configuration, loaded when a command needs it (environment, then {@code .env})
 * @param stores   opens the store for a configuration
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        InputStream in,
        Terminal terminal,
        Supplier<StorageConfig> config,
        StoreConnector stores,
        ShutdownSignal shutdown) {

    /** Text safe to print: the configured passwords (in every encoding) and anything like URI credentials removed. */
    public String redact(String text) {
        Redactor redactor;
        try {
            redactor = Redactor.of(config.get());
        } catch (RuntimeException e) {
            redactor = Redactor.PATTERNS_ONLY; // the configuration itself is what failed
        }
        return redactor.redact(text);
    }
}
