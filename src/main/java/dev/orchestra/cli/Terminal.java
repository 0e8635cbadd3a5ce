package dev.orchestra.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard input and standard error are an interactive terminal (for prompts and progress bars). */
public interface Terminal {
    boolean stdinIsTerminal();

    boolean stderrIsTerminal();

    static Terminal of(boolean stdin, boolean stderr) {
        return new Terminal() {
            @Override
            public boolean stdinIsTerminal() {
                return stdin;
            }

            @Override
            public boolean stderrIsTerminal() {
                return stderr;
            }
        };
    }

    /**
     * The real streams. Java has no isatty for one stream: on Linux the file descriptor's link names the device
     * ({@code /dev/pts/3}); elsewhere {@link System#console()} (stdin and stdout both a terminal) stands in.
     */
    static Terminal detect() {
        return of(isTerminal(0), isTerminal(2));
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }
}
