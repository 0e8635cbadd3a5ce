package dev.orchestra.inspector.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.connections.ssh.HostKeyDecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostKeyQuestionTest {
    private static class AnsweringDialogs implements DialogService {
        final List<String> asked = new ArrayList<>();
        boolean answer;

        @Override
        public void showError(String title, String message) {
            throw new AssertionError("no error expected: " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
            asked.add(title + "|" + message);
            return answer;
        }

        @Override
        public void copyToClipboard(String text) {
        }
    }

    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final HostKeyQuestion question = new HostKeyQuestion(new SameThreadRunner(), dialogs, Messages.load());

    @Test
    void theDialogShowsTheHostAndTheFingerprintAndItsAnswerDecides() {
        dialogs.answer = true;
        assertThat(question.ask("bastion:22", "SHA256:abc")).isEqualTo(HostKeyDecision.ACCEPT);
        dialogs.answer = false;
        assertThat(question.ask("bastion:22", "SHA256:abc")).isEqualTo(HostKeyDecision.REJECT);

        assertThat(dialogs.asked).hasSize(2).allSatisfy(asked -> assertThat(asked)
                .startsWith("Unknown SSH host|The SSH host bastion:22 is not known yet.")
                .contains("Its key fingerprint is SHA256:abc."));
    }

    @Test
    void aDialogThatFailsTrustsNothing() {
        HostKeyQuestion failing = new HostKeyQuestion(new SameThreadRunner(), new AnsweringDialogs() {
            @Override
            public boolean confirm(String title, String message) {
                throw new IllegalStateException("no window");
            }
        }, Messages.load());

        assertThat(failing.ask("bastion:22", "SHA256:abc")).isEqualTo(HostKeyDecision.REJECT);
    }
}
