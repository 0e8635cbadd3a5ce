package dev.orchestra.storage.safety;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real (in-memory) manager and makes chosen writes fail, to test that nothing is lost on the way:
 * inserts into the trash, or the n-th delete from an Orchestra collection.
 */
final class FailingStore {
    private static final Set<String> BATCH_METHODS = Set.of("insertAll", "deleteByIds",
            "findByIds", "upsertAll");
    private final MemoryManager delegate;
    private volatile boolean failTrashCopies;
    private final AtomicInteger deletesBeforeFailure = new AtomicInteger(Integer.MAX_VALUE);

    FailingStore(MemoryManager delegate) {
        this.delegate = delegate;
    }

    void failTrashCopies() {
        failTrashCopies = true;
    }

    /** The first {@code n} deletes from Orchestra collections succeed, the following ones fail. */
    void failDeletesAfter(int n) {
        deletesBeforeFailure.set(n);
    }

    MemoryManager manager() {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (BATCH_METHODS.contains(name)) {
                // Through the contract's per-document defaults on this proxy, so the failures below hit single
                // documents inside a batch, as a server failing part-way through a batch would.
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (name.equals("insert") && args[0] == InspectorCollection.TRASH && failTrashCopies) {
                throw new StorageOperationException("simulated: trash insert refused");
            }
            if (name.equals("delete") && args[0] instanceof StoreCollection
                    && deletesBeforeFailure.getAndDecrement() <= 0) {
                throw new StorageConnectionException("simulated: server went away");
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (MemoryManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MemoryManager.class},
                handler);
    }
}
