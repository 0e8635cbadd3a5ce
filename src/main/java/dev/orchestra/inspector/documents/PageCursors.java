package dev.orchestra.inspector.documents;

import dev.orchestra.storage.model.PageCursor;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Where keyset paging stands: the cursor of the page shown, the one its last row gives for "next", and the stack of
 * cursors that led here for "previous". A move is only planned here; it takes effect when its page has loaded
 * ({@link #shown}), so a failed or replaced load leaves the position as it was.
 */
final class PageCursors {
    /** Where a page load starts, and the stack of earlier pages once that page is shown. */
    record Move(PageCursor cursor, Deque<PageCursor> stackAfter) {
    }

    /** A stand-in for "no cursor" on the stack (ArrayDeque refuses null). */
    private static final PageCursor FIRST_PAGE = new PageCursor(null, null, -2);

    private final ReadOnlyIntegerWrapper pageNumber = new ReadOnlyIntegerWrapper(this, "pageNumber", 1);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private Deque<PageCursor> previousCursors = new ArrayDeque<>();
    private PageCursor currentCursor;
    private PageCursor nextCursor;

    Move first() {
        return new Move(null, new ArrayDeque<>());
    }

    /** The page shown again (a reload). */
    Move current() {
        return new Move(currentCursor, new ArrayDeque<>(previousCursors));
    }

    /** Null when there is no next page. */
    Move next() {
        if (!hasNext.get() || nextCursor == null) {
            return null;
        }
        Deque<PageCursor> stack = new ArrayDeque<>(previousCursors);
        stack.push(currentCursor == null ? FIRST_PAGE : currentCursor);
        return new Move(nextCursor, stack);
    }

    /** Null on the first page. */
    Move previous() {
        if (previousCursors.isEmpty()) {
            return null;
        }
        Deque<PageCursor> stack = new ArrayDeque<>(previousCursors);
        PageCursor cursor = stack.pop();
        return new Move(cursor == FIRST_PAGE ? null : cursor, stack);
    }

    /** The page {@code move} led to is showing; {@code next} is where the page after it starts. */
    void shown(Move move, PageCursor next, boolean hasMore) {
        previousCursors = move.stackAfter();
        currentCursor = move.cursor();
        nextCursor = next;
        hasNext.set(hasMore);
        pageNumber.set(move.stackAfter().size() + 1);
        hasPrevious.set(!move.stackAfter().isEmpty());
    }

    ReadOnlyIntegerProperty pageNumberProperty() {
        return pageNumber.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }
}
