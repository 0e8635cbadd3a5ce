package dev.orchestra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What javac's {@code -Xlint} does not catch and merges easily bring back: unused imports (an import counts as used
 * when its simple name appears anywhere else in the file, Javadoc included, since {@code {@link Foo}} needs it too;
 * wildcard imports are not checked), comments that name an issue instead of saying why, and a Javadoc block directly
 * followed by another (the first one then documents nothing).
 */
class CodeHygieneTest {
    private static final Pattern ISSUE_NUMBER = Pattern.compile("[Ii]ssue #?\\d");
    private static final Pattern JAVADOC_WITHOUT_SUBJECT = Pattern.compile("\\*/[ \\t]*\\R[ \\t]*/\\*\\*");
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path TEST = Path.of("src", "test", "java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)\\.(\\w+)\\s*;\\s*$",
            Pattern.MULTILINE);

    @Test
    void mainSourcesHaveNoUnusedImports() {
        assertThat(problems(MAIN, CodeHygieneTest::unusedIn)).isEmpty();
    }

    @Test
    void testSourcesHaveNoUnusedImports() {
        assertThat(problems(TEST, CodeHygieneTest::unusedIn)).isEmpty();
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

    @Test
    void commentsSayWhyNotWhichIssue() {
        assertThat(problems(MAIN, source -> matches(ISSUE_NUMBER, source))).isEmpty();
        assertThat(problems(TEST, source -> matches(ISSUE_NUMBER, source))).isEmpty();
    }

    @Test
    void everyJavadocSitsOnWhatItDescribes() {
        assertThat(problems(MAIN, source -> matches(JAVADOC_WITHOUT_SUBJECT, source))).isEmpty();
        assertThat(problems(TEST, source -> matches(JAVADOC_WITHOUT_SUBJECT, source))).isEmpty();
    }

    @Test
    void theTextChecksFindWhatTheyLookFor() {
        String issue = "Issue" + " 4"; // split, or this file would fail its own check
        String source = "/** Stale. */\n    /** Current. */\n    void m() {} // " + issue + ": why was lost\n";
        assertThat(matches(ISSUE_NUMBER, source)).containsExactly(issue);
        assertThat(matches(JAVADOC_WITHOUT_SUBJECT, source)).hasSize(1);
        assertThat(matches(JAVADOC_WITHOUT_SUBJECT, "/** One. */\nvoid m() {}\n/** Two. */\n")).isEmpty();
    }

    private static List<String> matches(Pattern pattern, String source) {
        return pattern.matcher(source).results().map(MatchResult::group).toList();
    }

    private static List<String> problems(Path root, Function<String, List<String>> check) {
        assertThat(root).as("run from the project directory").isDirectory();
        List<String> unused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String name : check.apply(Files.readString(file))) {
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
