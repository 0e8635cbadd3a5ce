package dev.orchestra.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running one main class (on this process's classpath unless given another). Its stdout is read line by line; stderr goes to
 * ours. Closing it closes the child's stdin (the child's signal to exit) and waits for it, bounded.
 */
final class ForkedJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;

    private ForkedJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ForkedJvm start(List<String> jvmOptions, Class<?> main, String... args) {
        return start(jvmOptions, System.getProperty("java.class.path"), main, args);
    }

    static ForkedJvm start(List<String> jvmOptions, String classpath, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ForkedJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + main.getSimpleName(), e);
        }
    }

    /** The next line starting with {@code prefix} (other lines are echoed); fails when the child exits first. */
    String awaitLine(String prefix) {
        try {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
                System.out.println("  [child] " + line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("The child process ended without printing " + prefix);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
