package dev.orchestra.inspector.editing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** FX-thread access and screenshots for the editing UI tests. */
final class EditingUi {
    static {
        // Monocle's headless screen: large enough for the main window and the editor at screenshot size.
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private EditingUi() {
    }

    static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    static void fxRun(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Writes the scene as a PNG (Scene.snapshot works headless with the software pipeline) to target/screenshots,
     * or to the folder named by -Dscreenshot.dir=assets when refreshing the README's pictures: a normal test run
     * must not change tracked files.
     */
    static Path screenshot(Scene scene, String fileName) {
        Path assets = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        Path file = assets.resolve(fileName);
        fxRun(() -> {
            try {
                Files.createDirectories(assets);
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return file;
    }
}
