package dev.orchestra.cli;

import ch.qos.logback.classic.Level;
import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.SavedConnection.Secret;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.storage.config.StorageConfig;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of the command-line interface: {@code java -cp … dev.orchestra.cli.CliMain <command> …}, or through the
 * app's {@code Launcher} when it is given arguments.
 */
public final class CliMain {
    private CliMain() {
    }

    public static void main(String[] args) {
        AppLogging.useAppConfiguration(System.getProperties());
        System.exit(run(args));
    }

    /** Runs one command with the real streams, environment and store; returns the exit code (no System.exit). */
    public static int run(String[] args) {
        quietLogging();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        Terminal terminal = Terminal.detect();
        ConnectionChoice config = new ConnectionChoice(StorageConfig::load, System.getenv(),
                ConnectionStore.inUserHome(), CliMain::askOnTerminal, SshSettings::load);
        StoreConnector stores = new EnvironmentStoreConnector(config::ssh,
                new TerminalHostKeyPrompt(err, System.in, terminal));
        CliContext context = new CliContext(out, err, System.in, terminal, config, stores,
                ShutdownSignal.jvmShutdown());
        try {
            return execute(context, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs one command in-process with the given context (what the tests use). */
    public static int execute(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    public static CommandLine commandLine(CliContext context) {
        OneLineErrors errors = new OneLineErrors(context);
        return new CommandLine(RootCommand.class, new CliFactory(context))
                .setOut(context.out())
                .setErr(context.err())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * Only warnings and errors from the libraries (ORCHESTRA_LOG_LEVEL=debug for more): stderr belongs to progress
     * bars and the one-line errors.
     */
    private static void quietLogging() {
        String requested = System.getenv("ORCHESTRA_LOG_LEVEL");
        setLevel(Logger.ROOT_LOGGER_NAME, requested, Level.WARN);
        // the embedded server warns about every index it cannot build, on every start: noise for a CLI
        setLevel("de.bwaldvogel", requested, Level.ERROR);
    }

    private static void setLevel(String loggerName, String requested, Level fallback) {
        // qualified: logback's Logger would clash with the imported org.slf4j.Logger
        if (LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.toLevel(requested, fallback));
        }
    }

    /** A password a saved connection does not keep, read without echo; null without a terminal. */
    private static String askOnTerminal(Secret secret) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("%s: ", secret.label());
        return typed == null || typed.length == 0 ? null : new String(typed);
    }
}
