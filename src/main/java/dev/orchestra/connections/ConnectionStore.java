package dev.orchestra.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import dev.orchestra.storage.error.StorageValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The saved connections in one JSON file ({@code ~/.orchestra-inspector/connections.json} by default): owner-only
 * permissions, a {@code version} for later migrations, written atomically (a temporary file in the same directory,
 * then one atomic rename), so a crash while saving leaves the old file or the new one, never half of one. A file
 * that cannot be read, or that a newer version wrote, is renamed aside and reported, never overwritten.
 */
public final class ConnectionStore {
    public static final int VERSION = 1;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final DateTimeFormatter ASIDE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** What the file holds, and why it could not be used when it could not (the list is then empty). */
    public record Loaded(List<SavedConnection> connections, Optional<String> problem) {
    }

    /** The file's layout. */
    record FileContent(int version, List<SavedConnection> connections) {
    }

    /** Runs after the temporary file is complete and before it replaces the real one (tests simulate a crash). */
    @FunctionalInterface
    interface BeforeReplace {
        void run(Path temporary) throws IOException;
    }

    private final Path file;
    private final Clock clock;
    private final BeforeReplace beforeReplace;
    private final ObjectMapper json = mapper();

    public ConnectionStore(Path file) {
        this(file, Clock.systemUTC(), temporary -> {
        });
    }

    ConnectionStore(Path file, Clock clock, BeforeReplace beforeReplace) {
        this.file = file;
        this.clock = clock;
        this.beforeReplace = beforeReplace;
    }

    /** {@code ~/.orchestra-inspector/connections.json}. */
    public static ConnectionStore inUserHome() {
        return new ConnectionStore(Path.of(System.getProperty("user.home"), ".orchestra-inspector",
                "connections.json"));
    }

    public Path file() {
        return file;
    }

    /** The saved connections, most recently used first; a missing file is an empty list. */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), Optional.empty());
        }
        FileContent content;
        try {
            content = read(file);
        } catch (IOException | RuntimeException e) {
            return new Loaded(List.of(), Optional.of(setAside("cannot be read (" + firstLine(e) + ")")));
        }
        if (content == null || content.connections() == null) {
            return new Loaded(List.of(), Optional.of(setAside("holds no connection list")));
        }
        if (content.version() > VERSION) {
            return new Loaded(List.of(), Optional.of(setAside("was written by a newer version of the app (version "
                    + content.version() + ", this one reads " + VERSION + ")")));
        }
        return new Loaded(recentFirst(content.connections()), Optional.empty());
    }

    /** A connections file is a few kilobytes: anything far larger is refused before it is parsed. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private FileContent read(Path source) throws IOException {
        long size = Files.size(source);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("the file has " + size + " bytes, more than a connections file can have ("
                    + MAX_FILE_BYTES + ")");
        }
        return json.readValue(source.toFile(), FileContent.class);
    }

    /** Finds a connection by name (the CLI's {@code --connection}). */
    public Optional<SavedConnection> find(String name) {
        return load().connections().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Writes {@code connections} (checked first: a bad one is refused with its one-line message and nothing is
     * written). Passwords are written only for connections that chose to save them.
     */
    public void save(List<SavedConnection> connections) {
        List<String> names = new ArrayList<>();
        for (SavedConnection connection : connections) {
            connection.validate();
            if (names.contains(connection.name())) {
                throw new StorageValidationException("Two connections are named '" + connection.name() + "'");
            }
            names.add(connection.name());
        }
        write(file, connections.stream().map(SavedConnection::forFile).toList());
    }

    /** Writes {@code connections} to {@code target} without any password (to share them). */
    public void exportTo(Path target, List<SavedConnection> connections) {
        write(target, connections.stream().map(SavedConnection::withoutPasswords).toList());
    }

    /** Reads an exported file; passwords in it are ignored. A bad file is a one-line message. */
    public List<SavedConnection> importFrom(Path source) {
        FileContent content;
        try {
            content = read(source);
        } catch (IOException | RuntimeException e) {
            throw new StorageValidationException("Cannot import " + source.getFileName() + ": " + firstLine(e));
        }
        if (content == null || content.connections() == null || content.version() > VERSION) {
            throw new StorageValidationException("Cannot import " + source.getFileName()
                    + ": not a connections file of this version");
        }
        List<SavedConnection> imported = content.connections().stream().map(SavedConnection::withoutPasswords)
                .toList();
        imported.forEach(SavedConnection::validate);
        return imported;
    }

    /** Most recently used first, then by name. */
    public static List<SavedConnection> recentFirst(List<SavedConnection> connections) {
        return connections.stream().sorted(Comparator.comparing(SavedConnection::lastUsed,
                        Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                .thenComparing(SavedConnection::name)).toList();
    }

    private void write(Path target, List<SavedConnection> connections) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(new FileContent(VERSION, connections));
        } catch (JsonProcessingException e) {
            throw new StorageValidationException("Cannot write the connections: " + firstLine(e));
        }
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            createOwnerOnlyDirectory(directory);
            temporary = Files.createTempFile(directory, ".connections-", ".tmp", ownerOnly(OWNER_ONLY));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                out.write(bytes);
                out.flush();
                channel.force(true);
            }
            beforeReplace.run(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new StorageValidationException("Cannot save " + target.getFileName() + ": " + firstLine(e));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the half-written temporary file is never read: only a stray file is left
                }
            }
        }
    }

    /** Renames the unusable file aside (kept for the user) and says where it went. */
    private String setAside(String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + ASIDE_STAMP.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return file.getFileName() + " " + why + "; kept as " + aside.getFileName();
        } catch (IOException e) {
            return file.getFileName() + " " + why + "; left where it is (it could not be renamed)";
        }
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(OWNER_ONLY_DIRECTORY));
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ObjectMapper mapper() {
        SimpleModule instants = new SimpleModule("instants");
        instants.addSerializer(Instant.class, ToStringSerializer.instance);
        instants.addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
            @Override
            protected Instant _deserialize(String value, DeserializationContext c) {
                return Instant.parse(value);
            }
        });
        return JsonMapper.builder()
                .addModule(instants)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
