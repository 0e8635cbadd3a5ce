package dev.orchestra.inspector.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.TestData;
import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.ManualRunner;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The memory items' first page is read as soon as the store opens (on the opening thread's heels), so at launch it
 * is ready when the window hears of the store: one query, not two, and never the wrong page.
 */
class FirstPageAtOpeningTest {
    private final InMemoryMemoryManager data = new InMemoryMemoryManager();
    private final AtomicInteger pageQueries = new AtomicInteger();
    private RuntimeException pageFailure;
    private ViewModelFixture fx;
    /** For each page query: whether the window had already heard that the store is open. */
    private final List<Boolean> connectedAtQuery = new ArrayList<>();

    /** The store, counting its page queries (and failing them when told to). */
    private MemoryManager counted() {
        return (MemoryManager) Proxy.newProxyInstance(MemoryManager.class.getClassLoader(),
                new Class<?>[] {MemoryManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findPage")) {
                        pageQueries.incrementAndGet();
                        connectedAtQuery.add(fx.store.isConnected());
                        if (pageFailure != null) {
                            throw pageFailure;
                        }
                    }
                    try {
                        return method.invoke(data, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private MemoryItemsViewModel model(ViewModelFixture fx) {
        return new MemoryItemsViewModel(fx.runner, fx.store, fx.secrets, fx.detail(), Navigator.NONE, fx.clock);
    }

    private static List<String> ids(List<DocumentRow> rows) {
        return rows.stream().map(DocumentRow::idText).toList();
    }

    @Test
    void aPageReadWhileOpeningIsShownAtConnectWithoutASecondQuery() {
        TestData.bulkItems(data, 60);
        fx = new ViewModelFixture(new SameThreadRunner(), counted());
        MemoryItemsViewModel model = model(fx);

        fx.store.connect(); // opens, reads the first page, then tells the view: the page is shown at once

        assertThat(connectedAtQuery).containsExactly(false);
        assertThat(ids(model.rows())).hasSize(50).startsWith("bulk-59");
        assertThat(model.hasNextProperty().get()).isTrue();
        assertThat(pageQueries).hasValue(1);
        model.next();
        assertThat(ids(model.rows())).hasSize(10).endsWith("bulk-0");
        assertThat(pageQueries).hasValue(2);
    }

    @Test
    void aPageStillBeingReadAtConnectIsWaitedForNotQueriedAgain() {
        TestData.bulkItems(data, 30);
        ManualRunner runner = new ManualRunner();
        fx = new ViewModelFixture(runner, counted());
        MemoryItemsViewModel model = model(fx);

        fx.store.connect();
        runner.runNext(); // the opening: starts the read, then tells the view, which waits for that read
        assertThat(model.rows()).isEmpty();
        runAll(runner);

        assertThat(ids(model.rows())).hasSize(30).startsWith("bulk-29");
        assertThat(pageQueries).hasValue(1);
    }

    @Test
    void aFilterTypedBeforeTheStoreOpensIsQueriedInsteadOfTheUnfilteredPage() {
        TestData.bulkItems(data, 5);
        TestData.conversation(data);
        fx = new ViewModelFixture(new SameThreadRunner(), counted());
        MemoryItemsViewModel model = model(fx);
        model.userField().textProperty().set("alice");
        model.applyFilter(); // not connected yet: nothing is sent

        fx.store.connect();

        assertThat(model.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.idText()).startsWith("chat-"));
        assertThat(pageQueries).as("the unfiltered read is dropped, the filtered page queried").hasValue(2);
    }

    @Test
    void aHiddenViewReadsNothingWhenTheStoreOpens() {
        TestData.bulkItems(data, 5);
        fx = new ViewModelFixture(new SameThreadRunner(), counted());
        MemoryItemsViewModel model = model(fx);
        model.setShowing(false);

        fx.store.connect();

        assertThat(model.rows()).isEmpty();
        assertThat(pageQueries).hasValue(0);
        model.setShowing(true);
        assertThat(model.rows()).hasSize(5);
        assertThat(pageQueries).hasValue(1);
    }

    @Test
    void aFailedFirstReadIsReportedOnceAndNotRepeated() {
        pageFailure = new StorageConnectionException("the server went away");
        fx = new ViewModelFixture(new SameThreadRunner(), counted());
        MemoryItemsViewModel model = model(fx);

        fx.store.connect();

        assertThat(model.errorProperty().get()).contains("the server went away");
        assertThat(model.rows()).isEmpty();
        assertThat(pageQueries).hasValue(1);
    }

    private static void runAll(ManualRunner runner) {
        while (runner.pending() > 0) {
            runner.runNext();
        }
    }
}
