package dev.orchestra.inspector.coherence;

import dev.orchestra.storage.coherence.CacheFinding;

/** How a finding reads in the table and the diff pane. */
final class FindingText {
    private FindingText() {
    }

    /** The selected finding for the diff pane: its class, what it is, and every difference. */
    static String describe(CacheFinding finding) {
        if (finding == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(finding.key()).append("\n").append(finding.coherence().label())
                .append(" · ").append(finding.detail());
        if (!finding.diff().isEmpty()) {
            text.append("\n\n").append(finding.diff().describe());
        }
        return text.toString();
    }

    /** For the TTL column. */
    static String ttl(CacheFinding finding) {
        long ms = finding.ttlMillis();
        if (ms == -1) {
            return "no expiry";
        }
        if (ms < 0) {
            return "—";
        }
        long seconds = (ms + 999) / 1000;
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }
}
