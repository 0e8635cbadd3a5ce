package dev.orchestra.connections.ssh;

/** What the user decided about an SSH host key seen for the first time. */
public enum HostKeyDecision {
    /** Trust it and remember it in the known-hosts file. */
    ACCEPT,
    /** Do not connect. */
    REJECT
}
