package dev.orchestra.inspector.transfer;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.util.StringConverter;

/** A file field's text as a {@link Path}: blank or unparsable text is no path (the action buttons then disable). */
final class PathText extends StringConverter<Path> {
    @Override
    public String toString(Path path) {
        return path == null ? "" : path.toString();
    }

    @Override
    public Path fromString(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
