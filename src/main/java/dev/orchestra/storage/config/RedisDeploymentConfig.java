package dev.orchestra.storage.config;

import dev.orchestra.storage.error.StorageValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of the Redis deployment and how to authenticate and encrypt, beyond {@code REDIS_HOST}/{@code REDIS_PORT}:
 * {@code REDIS_MODE}, {@code REDIS_USERNAME} (ACL user), {@code REDIS_TLS_*}, {@code REDIS_SENTINELS},
 * {@code REDIS_MASTER_NAME}, {@code REDIS_SENTINEL_USERNAME}/{@code REDIS_SENTINEL_PASSWORD} and {@code REDIS_NODES}.
 * Bad combinations are refused when the configuration is read, naming the variable.
 *
 * @param username         ACL user sent with AUTH, or null for the default user
 * @param tlsCaFile        PEM file of the CA(s) that signed the server's certificate; null: the JVM's trust store
 * @param tlsCertFile      PEM client certificate for mutual TLS, or null
 * @param tlsKeyFile       its unencrypted PKCS#8 PEM private key, or null
 * @param tlsVerifyHost    check the server certificate names the host connected to (off only by explicit choice)
 * @param sentinels        {@code host:port} of the sentinels (sentinel mode)
 * @param masterName       the master's name as the sentinels know it (sentinel mode)
 * @param sentinelUsername ACL user for the sentinels, null when they need none
 * @param sentinelPassword password for the sentinels, null when they need none
 * @param nodes            seed nodes of a cluster ({@code REDIS_NODES}, else {@code REDIS_HOST:REDIS_PORT})
 */
public record RedisDeploymentConfig(
        RedisMode mode,
        String username,
        Path tlsCaFile,
        Path tlsCertFile,
        Path tlsKeyFile,
        boolean tlsVerifyHost,
        List<HostPort> sentinels,
        String masterName,
        String sentinelUsername,
        String sentinelPassword,
        List<HostPort> nodes) {

    /** One {@code host:port} of a list variable. */
    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public RedisDeploymentConfig {
        sentinels = List.copyOf(sentinels);
        nodes = List.copyOf(nodes);
    }

    /** One node, no ACL user, no client certificate: what {@code REDIS_HOST}/{@code REDIS_PORT} alone mean. */
    public static RedisDeploymentConfig standalone() {
        return new RedisDeploymentConfig(RedisMode.STANDALONE, null, null, null, null, true, List.of(), null, null,
                null, List.of());
    }

    /** True when a sentinel or cluster deployment is configured (then {@code REDIS_HOST} alone is not needed). */
    public boolean namesServers() {
        return mode == RedisMode.SENTINEL && !sentinels.isEmpty() || mode == RedisMode.CLUSTER && !nodes.isEmpty();
    }

    /** Where Redis is, safe to show. */
    public String describe(String host, int port, boolean tls) {
        String where = switch (mode) {
            case STANDALONE -> host + ":" + port;
            case SENTINEL -> "sentinel master " + masterName + " via " + join(sentinels);
            case CLUSTER -> "cluster via " + join(nodes);
        };
        return where + (tls ? " (TLS" + (tlsVerifyHost ? "" : ", host name not verified") + ")" : "");
    }

    static RedisDeploymentConfig fromMap(Map<String, String> values, String redisHost, int redisPort, boolean tls,
                                         String keyPrefix) {
        RedisMode mode = RedisMode.parse(values.get("REDIS_MODE"));
        List<HostPort> sentinels = hostPorts(values, "REDIS_SENTINELS");
        List<HostPort> nodes = hostPorts(values, "REDIS_NODES");
        String masterName = blankToNull(values.get("REDIS_MASTER_NAME"));
        switch (mode) {
            case SENTINEL -> {
                if (sentinels.isEmpty()) {
                    throw invalid("REDIS_SENTINELS is required when REDIS_MODE=sentinel (host:port,host:port)");
                }
                if (masterName == null) {
                    throw invalid("REDIS_MASTER_NAME is required when REDIS_MODE=sentinel");
                }
            }
            case CLUSTER -> {
                if (nodes.isEmpty() && redisHost == null) {
                    throw invalid("REDIS_NODES (or REDIS_HOST) is required when REDIS_MODE=cluster");
                }
                if (nodes.isEmpty()) {
                    nodes = List.of(new HostPort(redisHost, redisPort));
                }
                if (keyPrefix.indexOf('{') >= 0 && keyPrefix.indexOf('}', keyPrefix.indexOf('{')) > 0) {
                    // a hash tag in the prefix would put every key of every user into one slot, on one master
                    throw invalid("REDIS_KEY_PREFIX may not contain a hash tag ({...}) when REDIS_MODE=cluster");
                }
            }
            case STANDALONE -> {
            }
        }
        requireMode(mode, RedisMode.SENTINEL, "REDIS_SENTINELS", !sentinels.isEmpty());
        requireMode(mode, RedisMode.SENTINEL, "REDIS_MASTER_NAME", masterName != null);
        requireMode(mode, RedisMode.CLUSTER, "REDIS_NODES", !hostPorts(values, "REDIS_NODES").isEmpty());
        Path ca = pemFile(values, "REDIS_TLS_CA_FILE", tls, "CERTIFICATE");
        Path cert = pemFile(values, "REDIS_TLS_CERT_FILE", tls, "CERTIFICATE");
        Path key = pemFile(values, "REDIS_TLS_KEY_FILE", tls, "PRIVATE KEY");
        if ((cert == null) != (key == null)) {
            throw invalid((cert == null ? "REDIS_TLS_CERT_FILE" : "REDIS_TLS_KEY_FILE")
                    + " is required with " + (cert == null ? "REDIS_TLS_KEY_FILE" : "REDIS_TLS_CERT_FILE"));
        }
        boolean verifyHost = booleanOr(values, "REDIS_TLS_VERIFY_HOST", true);
        if (!verifyHost && !tls) {
            throw invalid("REDIS_TLS_VERIFY_HOST applies only with REDIS_TLS=true");
        }
        String sentinelPassword = blankToNull(values.get("REDIS_SENTINEL_PASSWORD"));
        String sentinelUsername = blankToNull(values.get("REDIS_SENTINEL_USERNAME"));
        if (mode != RedisMode.SENTINEL && (sentinelPassword != null || sentinelUsername != null)) {
            throw invalid((sentinelPassword != null ? "REDIS_SENTINEL_PASSWORD" : "REDIS_SENTINEL_USERNAME")
                    + " applies only with REDIS_MODE=sentinel");
        }
        return new RedisDeploymentConfig(mode, blankToNull(values.get("REDIS_USERNAME")), ca, cert, key, verifyHost,
                sentinels, masterName, sentinelUsername, sentinelPassword, nodes);
    }

    private static void requireMode(RedisMode mode, RedisMode needed, String variable, boolean set) {
        if (set && mode != needed) {
            throw invalid(variable + " is set but REDIS_MODE is " + mode.wireName() + " (set REDIS_MODE="
                    + needed.wireName() + ")");
        }
    }

    /** A readable file holding a PEM block of {@code kind}; only allowed with TLS on. */
    private static Path pemFile(Map<String, String> values, String variable, boolean tls, String kind) {
        String raw = blankToNull(values.get(variable));
        if (raw == null) {
            return null;
        }
        if (!tls) {
            throw invalid(variable + " is set but REDIS_TLS is not true");
        }
        Path file = Path.of(raw.trim());
        if (!Files.isRegularFile(file)) {
            throw invalid(variable + " names no readable file: " + file);
        }
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (!text.contains("-----BEGIN ") || !text.contains(kind + "-----")) {
                throw invalid(variable + " is not a PEM file with a " + kind + " block: " + file);
            }
        } catch (IOException e) {
            throw invalid(variable + " cannot be read as PEM text: " + file);
        }
        return file;
    }

    private static List<HostPort> hostPorts(Map<String, String> values, String variable) {
        String raw = blankToNull(values.get(variable));
        if (raw == null) {
            return List.of();
        }
        List<HostPort> result = new ArrayList<>();
        for (String part : raw.split(",")) {
            String entry = part.trim();
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw invalid(variable + " must be host:port,host:port…; '" + entry + "' has no port");
            }
            try {
                int port = Integer.parseInt(entry.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                result.add(new HostPort(entry.substring(0, colon), port));
            } catch (NumberFormatException e) {
                throw invalid(variable + " has an invalid port in '" + entry + "' (1–65535)");
            }
        }
        return result;
    }

    private static boolean booleanOr(Map<String, String> values, String name, boolean fallback) {
        String raw = blankToNull(values.get(name));
        if (raw == null) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw invalid(name + " must be true or false, was '" + raw + "'");
        };
    }

    private static String join(List<HostPort> list) {
        return String.join(",", list.stream().map(HostPort::toString).toList());
    }

    private static StorageValidationException invalid(String message) {
        return new StorageValidationException(message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "RedisDeploymentConfig[mode=" + mode.wireName() + ", username=" + username + ", sentinels="
                + join(sentinels) + ", masterName=" + masterName + ", sentinelPassword="
                + (sentinelPassword == null ? "none" : "***") + ", nodes=" + join(nodes) + "]";
    }
}
