package dev.orchestra.storage.safety;

/**
 * Who changes data and from where; written into trash and audit entries.
 *
 * @param user   the OS user running the tool
 * @param origin which front end, e.g. {@link #GUI} or {@link #CLI}
 */
public record Actor(String user, String origin) {
    public static final String GUI = "inspector-gui";
    public static final String CLI = "cli";

    public Actor {
        user = user == null || user.isBlank() ? "unknown" : user;
        origin = origin == null || origin.isBlank() ? "unknown" : origin;
    }

    /** The current OS user ({@code user.name}) working through {@code origin}. */
    public static Actor osUser(String origin) {
        return new Actor(System.getProperty("user.name"), origin);
    }
}
