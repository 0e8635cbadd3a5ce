package dev.orchestra.bench;

/**
 * One measured figure.
 *
 * @param target  the target in words, or "" when the figure is informational
 * @param verdict MET, MISSED or "" (no target)
 * @param server  what it ran against
 */
record Result(String section, String metric, String value, String target, String verdict, String server) {
    static final String MET = "met";
    static final String MISSED = "MISSED";

    static Result info(String section, String metric, String value, String server) {
        return new Result(section, metric, value, "", "", server);
    }

    static Result checked(String section, String metric, String value, String target, boolean met, String server) {
        return new Result(section, metric, value, target, met ? MET : MISSED, server);
    }
}
