package dev.orchestra.storage.indexes;

import java.util.List;

/**
 * What a request to create indexes did.
 *
 * @param created  the indexes built now (each one audited)
 * @param skipped  the ones already present, by qualified name (nothing done, nothing audited)
 * @param problems one line per index that could not be created: a conflict, or what the server refused
 */
public record IndexCreation(List<IndexRow> created, List<String> skipped, List<String> problems) {
    public IndexCreation {
        created = List.copyOf(created);
        skipped = List.copyOf(skipped);
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }
}
