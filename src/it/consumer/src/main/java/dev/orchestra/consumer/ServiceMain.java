package dev.orchestra.consumer;

import com.mongodb.client.MongoClients;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.RedisCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/** A service with only the storage library on its classpath; exits non-zero when something it relies on fails. */
public final class ServiceMain {
    /** What the application adds to the library: none of it may be visible to a service. */
    private static final List<String> APPLICATION_ONLY_CLASSES = List.of(
            "javafx.application.Platform", "org.controlsfx.control.Notifications", "picocli.CommandLine",
            "ch.qos.logback.classic.Logger", "org.h2.mvstore.MVStore", "de.bwaldvogel.mongo.backend.h2.H2Backend",
            "io.netty.bootstrap.ServerBootstrap", "org.apache.sshd.client.SshClient");

    public static void main(String[] args) throws Exception {
        // the library's dependencies are the service's too: these compile only if they come along, and load here
        for (Class<?> type : List.of(MongoClients.class, RedisClient.class, LoggerFactory.class, RedisCache.class)) {
            check(type.getProtectionDomain().getCodeSource() != null, type.getName() + " is there");
        }
        for (String name : APPLICATION_ONLY_CLASSES) {
            check(!isPresent(name), name + " is not on the service's classpath");
        }

        try (MemoryManager store = MemoryManagerFactory.create(StorageConfig.fromMap(Map.of("APP_ENV", "test")))) {
            store.addMemoryItem(MemoryItem.of("alice", "s1", "conversation", "hello"));
            store.addMemoryItem(MemoryItem.of("bob", "s2", "conversation", "hi"));
            // a filter: the in-memory store evaluates it with mongo-java-server-core's matcher, without netty
            long alice = store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice")).value();
            check(alice == 1, "APP_ENV=test: the in-memory store finds alice's one item (found " + alice + ")");
        }
        try (MemoryManager store = new InMemoryMemoryManager()) {
            store.initialize();
            check(!store.checkDuplicate("alice", "hello"), "a new InMemoryMemoryManager is empty");
        }

        // MONGODB_URI: the driver path must load without the embedded store's jars (nothing listens on port 1)
        expectStorageException(Map.of("APP_ENV", "development", "MONGODB_URI", "mongodb://127.0.0.1:1",
                "STORAGE_TIMEOUT_MS", "300"), "MONGODB_URI", "");
        // the embedded store needs the optional jars: a clear message, not a NoClassDefFoundError
        Path dataDir = Files.createTempDirectory("consumer-embedded");
        expectStorageException(Map.of("APP_ENV", "development", "EMBEDDED_DATA_DIR", dataDir.toString()),
                "the embedded store", "set MONGODB_URI or add them");
        System.out.println("library consumer: all checks passed");
    }

    private static void expectStorageException(Map<String, String> settings, String what, String messagePart) {
        try (MemoryManager store = MemoryManagerFactory.create(StorageConfig.fromMap(settings))) {
            throw new AssertionError(what + ": expected a StorageException, opened " + store);
        } catch (StorageException e) {
            check(e.getMessage().contains(messagePart), what + ": StorageException " + e.getMessage());
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ServiceMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void check(boolean condition, String description) {
        if (!condition) {
            throw new AssertionError("library consumer: " + description);
        }
        System.out.println("ok: " + description);
    }
}
