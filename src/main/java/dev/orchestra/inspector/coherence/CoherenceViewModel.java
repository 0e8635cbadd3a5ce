package dev.orchestra.inspector.coherence;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CheckProgress;
import dev.orchestra.storage.coherence.CoherenceChecker;
import dev.orchestra.storage.coherence.CoherenceClass;
import dev.orchestra.storage.coherence.CoherenceLimits;
import dev.orchestra.storage.coherence.CoherenceReport;
import dev.orchestra.storage.coherence.CoherenceScope;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Coherence section: compares the cache with MongoDB for a sample of the keyspace, a user or a session, in the
 * background with progress and Cancel (a read: nothing changes). Repair deletes the stale and orphan keys found
 * (asked first when there is more than one, refused while read-only, audited); deleting a foreign key is a separate
 * action with its own confirmation.
 */
public class CoherenceViewModel {
    /** What to check. */
    public enum Scope { SAMPLE, USER, SESSION }

    private static final List<CoherenceClass> RANK = List.of(CoherenceClass.STALE, CoherenceClass.ORPHAN,
            CoherenceClass.FOREIGN, CoherenceClass.EXPIRING, CoherenceClass.FRESH, CoherenceClass.ABSENT,
            CoherenceClass.NOT_OURS);

    private final SafeStorageHolder storage;
    private final Messages messages;
    private final AsyncCommand<CoherenceReport> check;
    private final CoherenceRepairs repairs;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.SAMPLE);
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty session = new SimpleStringProperty(this, "session", "");
    private final StringProperty sample = new SimpleStringProperty(this, "sample",
            Integer.toString(CoherenceLimits.DEFAULT.sampleSize()));
    private final ObservableList<CacheFinding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<CacheFinding> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<CoherenceClass, ReadOnlyIntegerWrapper> counts = new EnumMap<>(CoherenceClass.class);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final StringBinding diffText;
    private final BooleanBinding selectedRepairable;
    private final BooleanBinding selectedForeign;
    private final BooleanBinding anyRepairable;
    private CoherenceChecker lastChecker;
    private boolean checkedOnce;

    public CoherenceViewModel(BackgroundRunner runner, SafeStorageHolder storage, DialogService dialogs,
                              Messages messages) {
        this.storage = storage;
        this.messages = messages;
        this.check = new AsyncCommand<>(runner, "Checking the cache against MongoDB");
        this.repairs = new CoherenceRepairs(runner, storage, dialogs, messages);
        for (CoherenceClass c : CoherenceClass.values()) {
            counts.put(c, new ReadOnlyIntegerWrapper(this, c.name().toLowerCase(Locale.ROOT)));
        }
        diffText = Bindings.createStringBinding(() -> FindingText.describe(selected.get()), selected);
        selectedRepairable = Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().coherence().repairable(), selected);
        selectedForeign = Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().coherence() == CoherenceClass.FOREIGN, selected);
        anyRepairable = Bindings.createBooleanBinding(() -> findings.stream().anyMatch(f -> f.coherence().repairable()),
                findings);
    }

    /** The first time the section shows, it checks a sample (a read). */
    public void setShowing(boolean showing) {
        if (showing && !checkedOnce) {
            check();
        }
    }

    /** Checks the scope in the background; bad input is a one-line error and nothing runs. */
    public void check() {
        CheckInput input = CheckInput.parse(scope.get(), user.get(), session.get(), sample.get(), messages);
        if (input.problem() != null) {
            error.set(input.problem());
            return;
        }
        CoherenceScope target = input.scope();
        int size = input.sampleSize();
        CoherenceChecker checker = checker();
        if (checker == null) {
            return;
        }
        checkedOnce = true;
        CoherenceChecker limited = checker.withLimits(checker.limits().withSampleSize(size));
        lastChecker = limited;
        check.execute(progress -> limited.check(target, new CheckProgress() {
            @Override
            public void checked(int done, int planned) {
                progress.update(planned == 0 ? -1 : (double) done / planned,
                        messages.format("coherence.progress", done, planned));
            }

            @Override
            public boolean cancelled() {
                return progress.stopRequested();
            }
        }), this::show, e -> error.set(ErrorMessages.describe(e)));
    }

    /** Stops the running check at its next batch; what it found so far is shown. */
    public void cancel() {
        check.requestStop();
    }

    private void show(CoherenceReport report) {
        error.set(null);
        for (CoherenceClass c : CoherenceClass.values()) {
            counts.get(c).set(report.count(c));
        }
        CacheFinding wasSelected = selected.get();
        // problems first: stale, orphan, foreign, expiring, then the fresh keys
        findings.setAll(report.findings().stream().sorted(Comparator.comparingInt(f -> RANK.indexOf(f.coherence())))
                .toList());
        selected.set(wasSelected == null ? null : findings.stream().filter(f -> f.key().equals(wasSelected.key()))
                .findFirst().orElse(null));
        summary.set(messages.format("coherence.summary", report.scope(), report.summary(), report.redisRoundTrips(),
                report.sourceReads(), report.elapsed().toMillis()));
    }

    public void repairSelected() {
        CacheFinding finding = selected.get();
        if (finding != null && finding.coherence().repairable()) {
            repair(List.of(finding));
        }
    }

    public void repairAll() {
        repair(findings.stream().filter(f -> f.coherence().repairable()).toList());
    }

    private void repair(List<CacheFinding> keys) {
        repairs.repair(lastChecker, keys, this::afterWrite);
    }

    /** Deletes the selected foreign key after its own confirmation (it is another service's value). */
    public void deleteSelectedForeign() {
        CacheFinding finding = selected.get();
        if (finding != null && finding.coherence() == CoherenceClass.FOREIGN) {
            repairs.deleteForeign(lastChecker, finding, this::afterWrite);
        }
    }

    private void afterWrite(String outcome) {
        result.set(outcome);
        check();
    }

    /** Null, with the reason as the error, while not connected or without a cache. */
    private CoherenceChecker checker() {
        try {
            Optional<CoherenceChecker> checker = CoherenceChecker.of(storage.manager());
            if (checker.isEmpty()) {
                error.set(messages.get("coherence.noCache"));
            }
            return checker.orElse(null);
        } catch (RuntimeException e) {
            error.set(ErrorMessages.describe(e));
            return null;
        }
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty sessionProperty() {
        return session;
    }

    public StringProperty sampleProperty() {
        return sample;
    }

    public ObservableList<CacheFinding> findings() {
        return findings;
    }

    public ObjectProperty<CacheFinding> selectedProperty() {
        return selected;
    }

    public ReadOnlyIntegerProperty countProperty(CoherenceClass coherence) {
        return counts.get(coherence).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public StringBinding diffTextProperty() {
        return diffText;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return check.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return check.progressProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return check.messageProperty();
    }

    public BooleanBinding checkExecutableProperty() {
        return check.executableProperty();
    }

    public BooleanBinding selectedRepairableProperty() {
        return selectedRepairable;
    }

    public BooleanBinding selectedForeignProperty() {
        return selectedForeign;
    }

    public BooleanBinding anyRepairableProperty() {
        return anyRepairable;
    }
}
