package dev.orchestra;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.orchestra.storage.MemoryManager;
import java.net.URISyntaxException;

/**
 * ArchUnit imports only the application's own classes, from wherever the build wrote them. ArchUnit's
 * DoNotIncludeTests recognises test classes by a path containing {@code target/test-classes}, which misses them
 * when the build directory is elsewhere ({@code -Dbuild.dir}).
 */
public final class MainClassesOnly implements ImportOption {
    private final String mainClassesRoot = rootOf(MemoryManager.class);

    @Override
    public boolean includes(Location location) {
        return location.asURI().toString().startsWith(mainClassesRoot);
    }

    private static String rootOf(Class<?> mainClass) {
        try {
            return mainClass.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of " + mainClass.getName(), e);
        }
    }
}
