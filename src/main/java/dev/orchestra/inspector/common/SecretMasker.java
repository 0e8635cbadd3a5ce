package dev.orchestra.inspector.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Finds values stored under keys that look like secrets (password, token, api_key, authorization, …) anywhere in a
 * document and masks them for display. Keys are split into words ({@code snake_case}, {@code kebab-case},
 * {@code camelCase}) so that {@code max_tokens} or {@code author} are not mistaken for secrets.
 */
public final class SecretMasker {
    public static final String MASK = "••••••••";

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret",
            "token", "apikey", "authorization", "auth", "credential", "credentials", "cookie", "bearer", "jwt",
            "privatekey", "secretkey", "accesskey", "sessionkey", "signingkey", "dsn");
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "secret", "access", "session",
            "signing", "encryption", "client");
    /** "token" next to one of these words is a count, not a credential (token_count, token_usage). */
    private static final Set<String> COUNT_WORDS = Set.of("count", "counts", "usage", "used", "limit", "budget",
            "max", "min", "total", "length", "estimate");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("[_\\-.\\s]+|(?<=[a-z0-9])(?=[A-Z])");

    public boolean isSecretKey(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (String w : WORD_BOUNDARY.split(key)) {
            if (!w.isEmpty()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if ("token".equals(w) && words.stream().anyMatch(COUNT_WORDS::contains)) {
                continue;
            }
            if (SECRET_WORDS.contains(w)) {
                return true;
            }
            if ("key".equals(w) && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** A copy of {@code document} with every secret value replaced by {@link #MASK}; the input is not changed. */
    public BsonDocument mask(BsonDocument document) {
        return (BsonDocument) maskValue(null, document);
    }

    /** The value itself masked when {@code key} is secret, else its secret parts masked. */
    public BsonValue maskValue(String key, BsonValue value) {
        if (key != null && isSecretKey(key) && value != null && !value.isNull()) {
            return new BsonString(MASK);
        }
        if (value instanceof BsonDocument doc) {
            BsonDocument copy = new BsonDocument();
            for (Map.Entry<String, BsonValue> e : doc.entrySet()) {
                copy.put(e.getKey(), maskValue(e.getKey(), e.getValue()));
            }
            return copy;
        }
        if (value instanceof BsonArray array) {
            BsonArray copy = new BsonArray(array.size());
            for (BsonValue v : array) {
                copy.add(maskValue(null, v));
            }
            return copy;
        }
        return value;
    }

    /** Dotted paths of the secret values in {@code document}, e.g. {@code metadata.api_key}. */
    public List<String> secretPaths(BsonValue document) {
        List<String> paths = new ArrayList<>();
        collect("", document, paths);
        return paths;
    }

    public boolean containsSecrets(BsonValue document) {
        return !secretPaths(document).isEmpty();
    }

    private void collect(String prefix, BsonValue value, List<String> paths) {
        if (value instanceof BsonDocument doc) {
            for (Map.Entry<String, BsonValue> e : doc.entrySet()) {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (isSecretKey(e.getKey()) && !e.getValue().isNull()) {
                    paths.add(path);
                } else {
                    collect(path, e.getValue(), paths);
                }
            }
        } else if (value instanceof BsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                collect(prefix + "[" + i + "]", array.get(i), paths);
            }
        }
    }
}
