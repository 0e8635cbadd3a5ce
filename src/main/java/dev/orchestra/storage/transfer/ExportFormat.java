package dev.orchestra.storage.transfer;

import dev.orchestra.storage.mapping.LosslessJson;
import dev.orchestra.storage.model.CollectionRef;
import java.io.Writer;

/** The file formats of an export. */
public enum ExportFormat {
    /** Extended JSON ({@link LosslessJson}), one document per line: lossless, and what {@code import} reads. */
    JSONL("jsonl"),
    /** A header and one row per document, for spreadsheets; not importable. */
    CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public DocumentWriter writer(Writer out, CollectionRef collection) {
        return switch (this) {
            case JSONL -> new JsonLinesDocumentWriter(out);
            case CSV -> new CsvDocumentWriter(out, CsvLayout.forCollection(collection));
        };
    }
}
