package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.FilterField;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.TimeInputParser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The filter bar's fields every document table has (from, to, text contains) and how they, with a collection's own
 * fields, become one {@link DocumentFilter}: times through the shared {@link TimeInputParser}, every wrong field
 * marked, and no filter at all while any field is wrong.
 */
final class FilterBar {
    private final FilterField from = new FilterField();
    private final FilterField to = new FilterField();
    private final FilterField textContains = new FilterField();
    private final TimeInputParser timeParser;

    FilterBar(Clock clock) {
        this.timeParser = new TimeInputParser(clock);
    }

    /**
     * @param specific       adds the collection's own fields to the filter (marking a malformed one)
     * @param specificFields the collection's own fields
     * @return the filter, or null when a field is wrong
     */
    DocumentFilter validated(UnaryOperator<DocumentFilter> specific, List<FilterField> specificFields) {
        TimeInputParser.Result f = timeParser.parse(from.value(), false);
        TimeInputParser.Result t = timeParser.parse(to.value(), true);
        if (!f.ok()) {
            from.setError(f.error());
        }
        if (!t.ok()) {
            to.setError(t.error());
        }
        Instant fromTime = f.value();
        Instant toTime = t.value();
        if (fromTime != null && toTime != null && !toTime.isAfter(fromTime)) {
            to.setError("'To' must be after 'From'");
        }
        DocumentFilter filter = specific.apply(DocumentFilter.none().withTimeRange(fromTime, toTime)
                .withTextContains(textContains.value()));
        boolean anyError = allFields(specificFields).anyMatch(FilterField::hasError);
        return anyError ? null : filter;
    }

    /** The first wrong field's message, or "" when none is wrong. */
    String firstError(List<FilterField> specificFields) {
        return allFields(specificFields).filter(FilterField::hasError).map(ff -> ff.errorProperty().get())
                .findFirst().orElse("");
    }

    void clear(List<FilterField> specificFields) {
        allFields(specificFields).forEach(FilterField::clear);
    }

    private Stream<FilterField> allFields(List<FilterField> specificFields) {
        return Stream.concat(Stream.of(from, to, textContains), specificFields.stream());
    }

    FilterField from() {
        return from;
    }

    FilterField to() {
        return to;
    }

    FilterField textContains() {
        return textContains;
    }
}
