package dev.orchestra.inspector.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/**
 * A table keeps its cells unless a change replaces items or removes every item (TableViewSkinBase then rebuilds
 * them all); the list must end up holding exactly the new page without reporting either.
 */
class CellKeepingListsTest {
    /** What a table's skin would see: each change, with the list's size before it. */
    private record Seen(boolean replaced, int removed, int sizeBefore) {
    }

    private static List<Seen> watch(ObservableList<String> list) {
        List<Seen> seen = new ArrayList<>();
        int[] size = {list.size()};
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                seen.add(new Seen(c.wasReplaced(), c.getRemovedSize(), size[0]));
            }
            size[0] = c.getList().size();
        });
        return seen;
    }

    private static List<String> page(String prefix, int size) {
        return IntStream.range(0, size).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void aNewPageOfTheSameSizeReplacesTheItemsWithoutAReplacedChangeOrEmptyingTheList() {
        ObservableList<String> list = FXCollections.observableArrayList(page("a", 500));
        List<Seen> seen = watch(list);

        CellKeepingLists.replaceAll(list, page("b", 500));

        assertThat(list).containsExactlyElementsOf(page("b", 500));
        assertThat(seen).isNotEmpty().allSatisfy(s -> {
            assertThat(s.replaced()).as("a replaced change").isFalse();
            assertThat(s.removed()).as("items removed at once").isLessThan(s.sizeBefore());
        });
    }

    @Test
    void aShorterOrLongerPageEndsWithExactlyItsItems() {
        ObservableList<String> list = FXCollections.observableArrayList(page("a", 500));
        List<Seen> seen = watch(list);

        CellKeepingLists.replaceAll(list, page("last", 37));
        assertThat(list).containsExactlyElementsOf(page("last", 37));
        CellKeepingLists.replaceAll(list, page("c", 50));
        assertThat(list).containsExactlyElementsOf(page("c", 50));

        assertThat(seen).noneMatch(Seen::replaced).allMatch(s -> s.removed() < s.sizeBefore());
    }

    @Test
    void anEmptyListOrAnEmptyPageIsASimpleReplacement() {
        ObservableList<String> list = FXCollections.observableArrayList();

        CellKeepingLists.replaceAll(list, page("a", 3));
        assertThat(list).containsExactly("a0", "a1", "a2");
        CellKeepingLists.replaceAll(list, List.of());
        assertThat(list).isEmpty();
    }

    @Test
    void theSameItemsAgainStayInOrder() {
        ObservableList<String> list = FXCollections.observableArrayList(page("a", 4));

        CellKeepingLists.replaceAll(list, new ArrayList<>(list));

        assertThat(list).containsExactly("a0", "a1", "a2", "a3");
    }
}
