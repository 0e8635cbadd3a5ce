package dev.orchestra.inspector;

import dev.orchestra.inspector.common.Messages;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that needs no JavaFX toolkit, done on a second core while the toolkit starts: Logback reads its
 * configuration (~500 classes, which the first logger created on the FX thread used to load there), the XML parser
 * that FXML uses gets its factories and classes loaded, and the app's texts are read. The FX thread then finds them
 * ready instead of doing them itself while the window is built (BENCHMARKS.md, "gui launch").
 */
public final class StartupWarmUp {
    private StartupWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once; safe to skip, and harmless if it loses the race. */
    public static void begin() {
        Thread thread = new Thread(StartupWarmUp::run, "startup-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        LoggerFactory.getILoggerFactory();
        try {
            XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(
                    new StringReader("<?xml version=\"1.0\"?><?import javafx.scene.layout.*?><VBox a=\"b\"/>"));
            while (reader.hasNext()) {
                reader.next();
            }
            reader.close();
        } catch (XMLStreamException e) {
            // only a warm-up: FXML loading reports any real problem
        }
        Messages.load();
    }
}
