package dev.orchestra.cli;

/**
 * A command could not or would not do what was asked (a refused confirmation, a port in use, nothing to undo);
 * printed as one line, exit code {@link ExitCodes#FAILED}.
 */
final class CliFailure extends RuntimeException {
    CliFailure(String message) {
        super(message);
    }
}
