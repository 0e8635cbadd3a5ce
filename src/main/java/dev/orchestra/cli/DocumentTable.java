package dev.orchestra.cli;

import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.schema.Schemas;
import dev.orchestra.storage.transfer.CsvDocumentWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;

/**
 * Plain-text tables for quick looks: the listed columns of each collection ({@link Schemas}), cells cut to a
 * readable width.
 */
final class DocumentTable {
    private static final int MAX_CELL = 48;

    private DocumentTable() {
    }

    static List<String> columns(CollectionRef collection) {
        return Schemas.of(collection).tableColumns();
    }

    static void printDocuments(PrintWriter out, CollectionRef collection, List<BsonDocument> documents) {
        List<String> columns = columns(collection);
        List<List<String>> rows = new ArrayList<>();
        for (BsonDocument document : documents) {
            rows.add(columns.stream().map(c -> CsvDocumentWriter.cell(document.get(c))).toList());
        }
        print(out, columns, rows);
    }

    static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
        }
        List<List<String>> cut = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String cell = shorten(row.get(i));
                cells.add(cell);
                widths[i] = Math.max(widths[i], cell.length());
            }
            cut.add(cells);
        }
        printRow(out, header, widths);
        for (List<String> row : cut) {
            printRow(out, row, widths);
        }
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        out.println(line.toString().stripTrailing());
    }

    private static String shorten(String cell) {
        String oneLine = cell.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 1) + "…";
    }
}
