package dev.orchestra.storage.testsupport;

import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Writes one line per {@link FollowsTarget} test that ran against an external server:
 * the external servers, the class and the test, separated by tabs, e.g.
 * {@code mongodb,redis	dev.orchestra.storage.safety.TrashRestoreIT	restores()}.
 * The file is named by the system property {@value #FILE_PROPERTY} (set by the failsafe configuration); without it,
 * or without external servers, nothing is written.
 */
public final class ExternalTargetReport implements TestWatcher {
    public static final String FILE_PROPERTY = "external.target.report";

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context);
    }

    private static void record(ExtensionContext context) {
        String file = System.getProperty(FILE_PROPERTY);
        List<String> external = followedServers(context).stream().filter(ExternalTargetReport::isExternal)
                .map(server -> server.name().toLowerCase()).toList();
        if (file == null || file.isBlank() || external.isEmpty()) {
            return;
        }
        String line = String.join(",", external) + "\t" + context.getRequiredTestClass().getName() + "\t"
                + context.getDisplayName() + System.lineSeparator();
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Server> followedServers(ExtensionContext context) {
        Optional<FollowsTarget> onMethod = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, FollowsTarget.class));
        return onMethod.or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FollowsTarget.class))
                .map(mark -> Arrays.stream(mark.value()).distinct().toList()).orElse(List.of());
    }

    private static boolean isExternal(Server server) {
        return switch (server) {
            case MONGODB -> MongoTestTarget.externalUri().isPresent();
            case REDIS -> RedisTestServer.externalHost().isPresent();
        };
    }
}
