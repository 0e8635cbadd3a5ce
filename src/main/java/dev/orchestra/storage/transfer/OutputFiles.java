package dev.orchestra.storage.transfer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Checks and creates output files with messages that say precisely what is wrong with the path. */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Fails fast, before any data is read, when {@code target} cannot be written: a directory, a missing or
     * read-only parent directory.
     */
    public static void checkWritable(Path target) {
        deleteQuietly(createTempBeside(target));
    }

    static Path createTempBeside(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new TransferException("Cannot write " + target + ": it is a directory");
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new TransferException("Cannot write " + target + ": directory " + parent + " does not exist");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new TransferException("Cannot write " + target + ": the file is read-only");
        }
        try {
            return Files.createTempFile(parent, "." + absolute.getFileName() + "-", ".part");
        } catch (IOException e) {
            throw writeFailure(target, e);
        }
    }

    static TransferException writeFailure(Path target, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new TransferException("Cannot write " + target + ": " + reason, e);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part file is harmless and visibly named
        }
    }
}
