package dev.orchestra.cli;

import dev.orchestra.connections.ssh.HostKeyDecision;
import dev.orchestra.connections.ssh.HostKeyPrompt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Asks on the terminal whether to trust an SSH bastion's key seen for the first time, as {@code ssh} does. With
 * {@code --accept-new-host-key} it trusts it without asking (and says so); without a terminal and without that
 * option it refuses with a message that names the option.
 */
final class TerminalHostKeyPrompt implements HostKeyPrompt {
    private final PrintWriter err;
    private final InputStream in;
    private final Terminal terminal;
    private volatile boolean acceptNew;

    TerminalHostKeyPrompt(PrintWriter err, InputStream in, Terminal terminal) {
        this.err = err;
        this.in = in;
        this.terminal = terminal;
    }

    void acceptNew(boolean accept) {
        this.acceptNew = accept;
    }

    @Override
    public HostKeyDecision ask(String host, String fingerprint) {
        if (acceptNew) {
            err.println("Trusting the new SSH host key of " + host + " (" + fingerprint + ") and remembering it");
            return HostKeyDecision.ACCEPT;
        }
        if (!terminal.stdinIsTerminal()) {
            throw new CliFailure("the SSH host key of " + host + " (" + fingerprint + ") is not known yet and"
                    + " standard input is not a terminal to ask on; pass --accept-new-host-key to trust it");
        }
        err.print("The SSH host " + host + " is not known yet. Its key fingerprint is " + fingerprint
                + ".\nTrust it and remember it? Type yes to connect (anything else cancels): ");
        err.flush();
        try {
            // not closed: closing would close System.in
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().equalsIgnoreCase("yes") ? HostKeyDecision.ACCEPT
                    : HostKeyDecision.REJECT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
