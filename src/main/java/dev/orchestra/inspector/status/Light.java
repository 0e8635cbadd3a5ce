package dev.orchestra.inspector.status;

import java.util.Locale;

/** The colour of a status indicator. */
public enum Light {
    GREEN, AMBER, RED, GREY;

    public String styleClass() {
        return "light-" + name().toLowerCase(Locale.ROOT);
    }
}
