package dev.orchestra.inspector.common;

import dev.orchestra.connections.ssh.HostKeyDecision;
import dev.orchestra.connections.ssh.HostKeyPrompt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asks the user, in a dialog, whether to trust an SSH bastion's key seen for the first time. The tunnel is opened
 * on a worker thread: that thread waits for the answer while the dialog runs on the UI thread, which never waits.
 */
public final class HostKeyQuestion implements HostKeyPrompt {
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Messages messages;

    public HostKeyQuestion(BackgroundRunner runner, DialogService dialogs, Messages messages) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    @Override
    public HostKeyDecision ask(String host, String fingerprint) {
        CompletableFuture<Boolean> trusted = new CompletableFuture<>();
        runner.runOnUiThread(() -> {
            try {
                trusted.complete(dialogs.confirm(messages.get("sshHostKey.title"),
                        messages.format("sshHostKey.question", host, fingerprint)));
            } catch (RuntimeException e) {
                trusted.completeExceptionally(e);
            }
        });
        try {
            return trusted.get() ? HostKeyDecision.ACCEPT : HostKeyDecision.REJECT;
        } catch (InterruptedException e) {
            // the app is closing or the opening was cancelled: nobody answered, so nothing is trusted
            Thread.currentThread().interrupt();
            return HostKeyDecision.REJECT;
        } catch (ExecutionException e) {
            return HostKeyDecision.REJECT;
        }
    }
}
