package dev.orchestra.inspector.editing;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.StoreCollection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes everything to the real manager, but can hold the n-th delete of a memory item until released: a bulk delete
 * is then reliably "running" while the test presses Cancel (no timing guesses).
 */
final class GatedDeletes {
    private final AtomicInteger holdAt = new AtomicInteger(-1);
    private final AtomicInteger deletes = new AtomicInteger();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    void holdDelete(int n) {
        holdAt.set(n);
    }

    boolean awaitHeld() throws InterruptedException {
        return reached.await(20, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    MemoryManager wrap(MemoryManager delegate) {
        return (MemoryManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MemoryManager.class},
                (proxy, method, args) -> {
                    // Counted per document: a batched deleteByIds of k ids counts k and is held before it runs
                    // when the n-th delete falls inside it.
                    int documents = !(args != null && args.length > 0 && args[0] == StoreCollection.MEMORY_ITEMS) ? 0
                            : method.getName().equals("delete") ? 1
                            : method.getName().equals("deleteByIds") ? ((List<?>) args[1]).size() : 0;
                    int after = documents == 0 ? -1 : deletes.addAndGet(documents);
                    if (documents > 0 && after - documents < holdAt.get() && holdAt.get() <= after) {
                        reached.countDown();
                        release.await(20, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
