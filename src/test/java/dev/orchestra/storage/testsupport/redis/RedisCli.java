package dev.orchestra.storage.testsupport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code redis-cli} (cluster create, reshard) or another tool of a test (openssl) and fails with its output. */
public final class RedisCli {
    private static final long LIMIT_SECONDS = 120;

    private RedisCli() {
    }

    /** Runs the command to its end; returns its output; throws when it failed or took too long. */
    public static String run(Path workDir, List<String> command) {
        try {
            Path output = Files.createTempFile(workDir, "redis-cli-", ".log");
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean finished = process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
            String text = Files.readString(output);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over " + LIMIT_SECONDS + " s:\n"
                        + text);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
