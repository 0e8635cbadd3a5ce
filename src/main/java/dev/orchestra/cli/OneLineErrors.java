package dev.orchestra.cli;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Every error becomes exactly one line on stderr, {@code orchestra-inspector <command>: <what went wrong>}, with
 * secrets removed, and a non-zero exit code: {@link ExitCodes#USAGE} for bad arguments, {@link ExitCodes#FAILED}
 * otherwise. Stack traces go to the log (at DEBUG), never to the terminal.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OneLineErrors.class);

    private final CliContext context;

    OneLineErrors(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        print(cmd, e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        LOG.debug("{} failed", cmd.getCommandName(), e);
        print(cmd, describe(e));
        return exitCode(e);
    }

    static int exitCode(Exception e) {
        return e instanceof StorageValidationException
 ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : e.getMessage();
        if (e instanceof StorageConnectionException) {
            return "cannot reach the store: " + message;
        }
        if (e instanceof StorageException || e instanceof CliFailure) {
            return message;
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return "I/O error: " + message;
        }
        return "unexpected " + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private void print(CommandLine cmd, String message) {
        PrintWriter err = context.err();
        String oneLine = context.redact(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine);
        err.flush();
    }
}
