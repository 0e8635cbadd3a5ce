package dev.orchestra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps unused imports out of the sources: javac's {@code -Xlint} does not report them, and after a merge they are
 * easy to miss. An import counts as used when its simple name appears anywhere else in the file, Javadoc included
 * ({@code {@link Foo}} needs the import too); wildcard imports are not checked.
 */
class CodeHygieneTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)\\.(\\w+)\\s*;\\s*$",
            Pattern.MULTILINE);

    @Test
    void mainSourcesHaveNoUnusedImports() {
        assertThat(unusedImports(Path.of("src", "main", "java"))).isEmpty();
    }

    @Test
    void testSourcesHaveNoUnusedImports() {
        assertThat(unusedImports(Path.of("src", "test", "java"))).isEmpty();
    }

    @Test
    void theCheckFindsAnUnusedImport() {
        String source = """
                package x;

                import java.util.List;
                import java.util.Map;
                import static java.util.Objects.requireNonNull;
                import static java.util.Objects.isNull;

                /** Uses {@link Map} in Javadoc only. */
                class X { List<String> list = requireNonNull(null); }
                """;
        assertThat(unusedIn(source)).containsExactly("java.util.Objects.isNull");
    }

    private static List<String> unusedImports(Path root) {
        assertThat(root).as("run from the project directory").isDirectory();
        List<String> unused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String name : unusedIn(Files.readString(file))) {
                    unused.add(root.relativize(file) + ": " + name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return unused;
    }

    private static List<String> unusedIn(String source) {
        String body = IMPORT.matcher(source).replaceAll("");
        List<String> unused = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            String simpleName = m.group(3);
            if (!Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b").matcher(body).find()) {
                unused.add(m.group(2) + "." + simpleName);
            }
        }
        return unused;
    }
}
