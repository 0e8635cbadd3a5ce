package dev.orchestra.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportLineReaderTest {
    @Test
    void splitsOnNewlinesDropsCarriageReturnsAndReadsALastLineWithoutNewline() throws Exception {
        assertThat(read("a\r\n\nb\nlast", 100)).containsExactly("a", "", "b", "last");
    }

    @Test
    void aLineOverTheCapIsSkippedWithoutKeepingItAndTheReaderGoesOn() throws Exception {
        assertThat(read("short\n" + "x".repeat(1000) + "\nafter\n", 64))
                .containsExactly("short", "ERROR longer than 64 bytes (1000 bytes); skipped", "after");
    }

    @Test
    void aLineOfExactlyTheCapIsRead() throws Exception {
        assertThat(read("y".repeat(64) + "\n", 64)).containsExactly("y".repeat(64));
    }

    @Test
    void aByteOrderMarkOnlyCountsAtTheStartOfTheFile() throws Exception {
        String bom = "\uFEFF";
        assertThat(read(bom + "a\n" + bom + "b", 100)).containsExactly("a", bom + "b");
    }

    @Test
    void aLineLongerThanTheReadBufferIsReadWhole() throws Exception {
        String line = "z".repeat(200_000);
        assertThat(read(line + "\nnext", 1 << 20)).containsExactly(line, "next");
    }

    private static List<String> read(String text, int cap) throws Exception {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        ImportLineReader reader = new ImportLineReader(in, cap);
        List<String> lines = new ArrayList<>();
        ImportLineReader.Line line;
        while ((line = reader.next()) != null) {
            lines.add(line.text() != null ? line.text() : "ERROR " + line.error());
        }
        return lines;
    }
}
