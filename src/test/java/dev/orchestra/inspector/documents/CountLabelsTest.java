package dev.orchestra.inspector.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.documents.PagerControls;
import org.junit.jupiter.api.Test;

class CountLabelsTest {
    private final Messages messages = Messages.load();

    @Test
    void oneDocumentIsSingular() {
        assertThat(messages.format("pager.total", "1", PagerControls.pluralCount("1"))).isEqualTo("1 document");
        assertThat(messages.format("pager.total", "0", PagerControls.pluralCount("0"))).isEqualTo("0 documents");
        assertThat(messages.format("pager.total", "128", PagerControls.pluralCount("128"))).isEqualTo("128 documents");
        assertThat(messages.format("pager.total", "≥ 1000", PagerControls.pluralCount("≥ 1000")))
                .isEqualTo("≥ 1000 documents");
    }

    @Test
    void oneMessageIsSingular() {
        assertThat(messages.format("transcript.subtitle", "alice", 1, "", 1)).isEqualTo("user alice  ·  1 message");
        assertThat(messages.format("transcript.subtitle", "alice", 1, "+", 2)).isEqualTo("user alice  ·  1+ messages");
        assertThat(messages.format("transcript.subtitle", "alice", 3, "", 3)).isEqualTo("user alice  ·  3 messages");
    }
}
