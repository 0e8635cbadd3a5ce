package dev.orchestra.inspector.coherence;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CoherenceChecker;
import dev.orchestra.storage.coherence.CoherenceRepair;
import dev.orchestra.storage.coherence.RepairResult;
import dev.orchestra.storage.safety.WriteLock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Coherence section's two writes: Repair (stale and orphan keys; asked first when more than one) and the
 * deletion of one foreign key (always asked, in its own words). Both refused while writes are locked, before any
 * question; both audited by {@link CoherenceRepair}.
 */
final class CoherenceRepairs {
    private final SafeStorageHolder storage;
    private final DialogService dialogs;
    private final Messages messages;
    private final AsyncCommand<RepairResult> repair;
    private final AsyncCommand<String> deleteForeign;

    CoherenceRepairs(BackgroundRunner runner, SafeStorageHolder storage, DialogService dialogs, Messages messages) {
        this.storage = storage;
        this.dialogs = dialogs;
        this.messages = messages;
        this.repair = new AsyncCommand<>(runner, "Repairing cache keys");
        this.deleteForeign = new AsyncCommand<>(runner, "Deleting a foreign cache key");
    }

    /** @param done receives the one-line outcome ("2 keys deleted") */
    void repair(CoherenceChecker checker, List<CacheFinding> keys, Consumer<String> done) {
        if (keys.isEmpty() || repair.isRunning() || refusedWhileLocked() || checker == null) {
            return;
        }
        if (keys.size() > 1 && !dialogs.confirm(messages.get("coherence.repair.title"),
                messages.format("coherence.repair.confirm", keys.size()))) {
            return;
        }
        CoherenceRepair repairer = repairer(checker);
        if (repairer != null) {
            repair.execute(() -> repairer.repair(keys), result -> done.accept(result.summary()), this::failed);
        }
    }

    void deleteForeign(CoherenceChecker checker, CacheFinding finding, Consumer<String> done) {
        if (deleteForeign.isRunning() || refusedWhileLocked() || checker == null) {
            return;
        }
        if (!dialogs.confirm(messages.get("coherence.foreign.title"),
                messages.format("coherence.foreign.confirm", finding.key(), finding.redisType()))) {
            return;
        }
        CoherenceRepair repairer = repairer(checker);
        if (repairer == null) {
            return;
        }
        String key = finding.key();
        deleteForeign.execute(() -> {
            repairer.deleteForeign(key);
            return key;
        }, deleted -> done.accept(messages.format("coherence.foreign.deleted", deleted)), this::failed);
    }

    private CoherenceRepair repairer(CoherenceChecker checker) {
        try {
            return new CoherenceRepair(checker, storage.writeLock(), storage.operations().audit());
        } catch (RuntimeException e) {
            failed(e);
            return null;
        }
    }

    private void failed(Throwable e) {
        dialogs.showError(messages.get("coherence.repair.failed"), ErrorMessages.describe(e));
    }

    private boolean refusedWhileLocked() {
        WriteLock lock = storage.writeLock();
        if (!lock.isLocked()) {
            return false;
        }
        dialogs.showError(messages.get("coherence.readOnly.title"), messages.format("coherence.readOnly",
                lock.reason() == null ? "" : lock.reason()));
        return true;
    }
}
