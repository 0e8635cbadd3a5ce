package dev.orchestra.connections;

import com.mongodb.ConnectionString;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.error.StorageValidationException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A MongoDB connection string as the form's fields, and back: the URI and the fields stay in sync. The password is
 * never part of the fields nor of the URI they build for display; {@link #toUri(String)} puts it in only for the
 * driver.
 *
 * @param srv          {@code mongodb+srv://}
 * @param hosts        {@code host:port,host:port} (one host for SRV)
 * @param username     user name, or null
 * @param database     the database in the URI's path (what opens by default), or null
 * @param authDatabase {@code authSource}, or null
 * @param tls          {@code tls=true}
 * @param options      every other {@code name=value} option, in order, joined with {@code &}
 */
public record MongoUriFields(boolean srv, String hosts, String username, String database, String authDatabase,
                             boolean tls, String options) {

    /** The fields of {@code uri}; a malformed URI is a one-line message that never quotes a password. */
    public static MongoUriFields parse(String uri) {
        String text = uri == null ? "" : uri.trim();
        try {
            new ConnectionString(withPlaceholderPassword(text));
        } catch (IllegalArgumentException e) {
            throw new StorageValidationException("Not a valid MongoDB URI: " + firstLine(e.getMessage(), text));
        }
        boolean srv = text.startsWith("mongodb+srv://");
        String rest = text.substring(srv ? "mongodb+srv://".length() : "mongodb://".length());
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            rest = rest.substring(at + 1);
        }
        String authSource = null;
        boolean tls = false;
        List<String> others = new ArrayList<>();
        for (String option : query.split("&")) {
            if (option.isEmpty()) {
                continue;
            }
            int eq = option.indexOf('=');
            String name = (eq >= 0 ? option.substring(0, eq) : option).toLowerCase(Locale.ROOT);
            String value = eq >= 0 ? option.substring(eq + 1) : "";
            switch (name) {
                case "authsource" -> authSource = decode(value);
                case "tls", "ssl" -> tls = value.equalsIgnoreCase("true");
                default -> others.add(option);
            }
        }
        return new MongoUriFields(srv, rest, emptyToNull(user), emptyToNull(decode(path)), emptyToNull(authSource),
                tls, String.join("&", others));
    }

    /**
     * The driver refuses a user without a password; the form keeps the password apart, so a placeholder stands in
     * for it while the rest of the URI is checked.
     */
    private static String withPlaceholderPassword(String uri) {
        int scheme = uri.indexOf("://");
        int at = uri.indexOf('@');
        int slash = uri.indexOf('/', scheme + 3);
        if (scheme < 0 || at < 0 || (slash >= 0 && at > slash) || uri.substring(scheme + 3, at).contains(":")) {
            return uri;
        }
        return uri.substring(0, at) + ":placeholder" + uri.substring(at);
    }

    /** Fields typed one by one (host and port, …); checked when the URI is built. */
    public static MongoUriFields of(String host, int port, String username, String database, String authDatabase,
                                    boolean tls) {
        if (host == null || host.isBlank()) {
            throw new StorageValidationException("MongoDB host is required");
        }
        checkPort("MongoDB port", port);
        return new MongoUriFields(false, host.trim() + ":" + port, emptyToNull(username), emptyToNull(database),
                emptyToNull(authDatabase), tls, "");
    }

    /** The URI without a password: what the form shows and the file keeps. */
    public String toDisplayUri() {
        return toUri(null);
    }

    /** The URI with {@code password} (percent-encoded) when there is a user; checked by the driver's parser. */
    public String toUri(String password) {
        StringBuilder uri = new StringBuilder(srv ? "mongodb+srv://" : "mongodb://");
        if (username != null) {
            uri.append(encode(username));
            if (password != null && !password.isEmpty()) {
                uri.append(':').append(encode(password));
            }
            uri.append('@');
        }
        uri.append(hosts == null ? "" : hosts.trim()).append('/');
        if (database != null) {
            uri.append(encode(database));
        }
        List<String> query = new ArrayList<>();
        if (authDatabase != null) {
            query.add("authSource=" + encode(authDatabase));
        }
        if (tls) {
            query.add("tls=true");
        }
        if (options != null && !options.isBlank()) {
            query.add(options);
        }
        if (!query.isEmpty()) {
            uri.append('?').append(String.join("&", query));
        }
        String built = uri.toString();
        parse(built); // the same one-line message as a typed URI when a field makes it invalid
        return built;
    }

    /** The first host's port (27017 when the host names none), for the form's port field. */
    public int firstPort() {
        String first = firstHostAndPort();
        int colon = first.lastIndexOf(':');
        if (colon < 0 || first.endsWith("]")) {
            return 27017;
        }
        try {
            return Integer.parseInt(first.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 27017;
        }
    }

    /** The first host without its port. */
    public String firstHost() {
        String first = firstHostAndPort();
        int colon = first.lastIndexOf(':');
        return colon < 0 || first.endsWith("]") ? first : first.substring(0, colon);
    }

    private String firstHostAndPort() {
        String all = hosts == null ? "" : hosts;
        int comma = all.indexOf(',');
        return comma < 0 ? all : all.substring(0, comma);
    }

    /** The password a URI carries, if any (to move it out of the URI field into the password field). */
    public static Optional<String> passwordIn(String uri) {
        return Redactor.passwordIn(uri == null ? "" : uri.trim()).map(MongoUriFields::decode);
    }

    static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new StorageValidationException(what + " must be between 1 and 65535, was " + port);
        }
    }

    private static String firstLine(String message, String uri) {
        String safe = Redactor.forSecrets(Redactor.passwordIn(uri).stream().toList())
                .redact(message == null ? "unreadable" : message);
        int newline = safe.indexOf('\n');
        return newline < 0 ? safe : safe.substring(0, newline);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
