package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.bson.Document;

/** Health and statistics of the MongoDB server; never throws, every wait bounded by the client's timeouts. */
final class MongoHealth {
    private final MongoDatabase admin;
    private final MongoErrors errors;
    private final String hosts;
    private final String databaseName;
    private volatile String serverVersion;

    MongoHealth(MongoDatabase admin, MongoErrors errors, String hosts, String databaseName) {
        this.admin = admin;
        this.errors = errors;
        this.hosts = hosts;
        this.databaseName = databaseName;
    }

    ComponentHealth check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host", hosts);
        details.put("database", databaseName);
        long start = System.nanoTime();
        try {
            errors.run("ping", () -> admin.runCommand(new BsonDocument("ping", new BsonInt32(1))));
            long latency = (System.nanoTime() - start) / 1_000_000;
            details.put("server_version", version());
            return new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.OK, latency, details, errors.lastError(),
                    Instant.now());
        } catch (RuntimeException e) {
            if (serverVersion != null) {
                details.put("server_version", serverVersion);
            }
            return new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.ERROR, -1, details, e.getMessage(),
                    Instant.now());
        }
    }

    private String version() {
        if (serverVersion == null) {
            Document info = errors.call("buildInfo", () -> admin.runCommand(new BsonDocument("buildInfo",
                    new BsonInt32(1))));
            serverVersion = String.valueOf(info.get("version"));
        }
        return serverVersion;
    }

    /** serverStatus connections, opcounters, version and uptime — whatever the server reports. */
    Map<String, Object> statistics() {
        try {
            BsonDocument status = errors.call("serverStatus", () -> admin.runCommand(
                    new BsonDocument("serverStatus", new BsonInt32(1)), BsonDocument.class));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("host", hosts);
            for (String key : List.of("version", "uptime", "connections", "opcounters")) {
                BsonValue value = status.get(key);
                if (value != null) {
                    result.put(key, plain(value));
                }
            }
            return result;
        } catch (RuntimeException e) {
            return Map.of("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static Object plain(BsonValue value) {
        if (value.isDocument()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.asDocument().forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (value.isNumber()) {
            return value.isDouble() ? (Object) value.asDouble().getValue() : (Object) value.asNumber().longValue();
        }
        if (value.isString()) {
            return value.asString().getValue();
        }
        return value.toString();
    }
}
