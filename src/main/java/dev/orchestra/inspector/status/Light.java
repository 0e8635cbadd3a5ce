package dev.orchestra.inspector.status;

/** The colour of a status indicator. */
public enum Light {
    GREEN, AMBER, RED, GREY;

    public String styleClass() {
        return "light-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
