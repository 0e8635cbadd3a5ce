package dev.orchestra.storage;

import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.MemoryItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonValue;

/**
 * A {@link MemoryManager} that passes every call to another one: the base of every decorator (the tiered cache, the
 * read-only guard, the embedded store's closer). Subclasses override only what they add to; a capability is this
 * decorator's own when it has it, else its delegate's. The delegate is all of its {@link StoreParts}; what the
 * parts do not cover (lifecycle, the contract's defaults) is passed on here. {@link #healthProbes()} is not forwarded: its default
 * probes {@link #checkHealth()}, so a decorator that changes the health check is probed through its own.
 */
public abstract class ForwardingMemoryManager extends ComposedMemoryManager {
    protected final MemoryManager delegate;

    protected ForwardingMemoryManager(MemoryManager delegate) {
        super(StoreParts.allOf(Objects.requireNonNull(delegate, "delegate")));
        this.delegate = delegate;
    }

    /** The manager this one forwards to. */
    public MemoryManager delegate() {
        return delegate;
    }

    @Override
    public void initialize() {
        delegate.initialize();
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        return delegate.checkHealth();
    }

    @Override
    public Map<String, Object> serverStatistics() {
        return delegate.serverStatistics();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public BsonValue addMemoryItem(MemoryItem item) {
        return delegate.addMemoryItem(item);
    }

    @Override
    public Optional<MemoryItem> getMemoryItem(BsonValue id) {
        return delegate.getMemoryItem(id);
    }

    @Override
    public BsonValue addRawAgentData(AgentData data) {
        return delegate.addRawAgentData(data);
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        Optional<T> own = super.capability(type);
        return own.isPresent() ? own : delegate.capability(type);
    }
}
