package dev.orchestra.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Asks before destructive commands: the user types a phrase (the session id, the count, or "yes"). Without a
 * terminal on stdin nobody can answer, so the command refuses unless {@code --yes} was given.
 */
final class Confirmation {
    private final CliContext context;

    Confirmation(CliContext context) {
        this.context = context;
    }

    /**
     * @param what     what would be deleted, e.g. "delete 12 documents of session s1"
     * @return whether the user typed {@code phrase}
     * @throws CliFailure when stdin is not a terminal
     */
    boolean confirm(String what, String phrase) {
        if (!context.terminal().stdinIsTerminal()) {
            throw new CliFailure("refusing to " + what + " without confirmation: standard input is not a "
                    + "terminal; pass --yes to confirm");
        }
        context.err().print("Type " + phrase + " to " + what + " (anything else cancels): ");
        context.err().flush();
        try {
            // not closed: closing would close System.in
            String answer = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().equals(phrase);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
