package dev.orchestra.inspector;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's size, position and theme, kept between runs in a small properties file (by default
 * {@code ~/.orchestra-inspector/window.properties}). {@link #none()} remembers nothing (tests, embedded uses).
 * A missing or unreadable file means defaults; a failed save is logged, never shown as an error.
 */
public final class WindowSettings {
    private static final Logger LOG = LoggerFactory.getLogger(WindowSettings.class);

    /** Where and how the window was when it was last closed. */
    public record WindowState(double x, double y, double width, double height, boolean maximized, boolean dark) {
    }

    private final Path file;

    private WindowSettings(Path file) {
        this.file = file;
    }

    public static WindowSettings at(Path file) {
        return new WindowSettings(file);
    }

    public static WindowSettings inUserHome() {
        return at(Path.of(System.getProperty("user.home"), ".orchestra-inspector", "window.properties"));
    }

    public static WindowSettings none() {
        return new WindowSettings(null);
    }

    public Optional<WindowState> load() {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(new WindowState(number(p, "x"), number(p, "y"), number(p, "width"),
                    number(p, "height"), Boolean.parseBoolean(p.getProperty("maximized")),
                    Boolean.parseBoolean(p.getProperty("dark"))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Window settings in {} not read ({}); using defaults", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void save(WindowState state) {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("x", Double.toString(state.x()));
        p.setProperty("y", Double.toString(state.y()));
        p.setProperty("width", Double.toString(state.width()));
        p.setProperty("height", Double.toString(state.height()));
        p.setProperty("maximized", Boolean.toString(state.maximized()));
        p.setProperty("dark", Boolean.toString(state.dark()));
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "Orchestra Storage Inspector window");
            }
        } catch (IOException e) {
            LOG.warn("Window settings not saved to {}: {}", file, e.getMessage());
        }
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("'" + key + "' is not a number");
        }
        return d;
    }
}
