package dev.orchestra.cli;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.SavedConnection.Secret;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Runs CLI commands in-process with captured streams, a given environment and an injected store. */
final class CliHarness {
    final Map<String, String> env = new HashMap<>(Map.of("APP_ENV", "test"));
    StoreConnector stores;
    /** The saved connections {@code --connection} reads; null: the option is refused, as without a store. */
    ConnectionStore connections;
    /** What a user would type on the terminal when a saved connection needs a password. */
    final Map<Secret, String> typedSecrets = new HashMap<>();
    String stdin = "";
    boolean stdinIsTerminal;
    boolean stderrIsTerminal;
    ShutdownSignal shutdown = () -> {
        throw new IllegalStateException("this test does not expect a long-running command");
    };

    CliHarness(StoreConnector stores) {
        this.stores = stores;
    }

    /** Every command gets {@code manager} and its close() is ignored, so that data lives across commands. */
    static CliHarness sharing(MemoryManager manager) {
        return new CliHarness(config -> unclosable(manager));
    }

    private volatile StringWriter currentOut = new StringWriter();

    /** What the running (or last) command printed so far on stdout; for long-running commands. */
    String lastOut() {
        return currentOut.toString();
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        currentOut = out;
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Terminal.of(stdinIsTerminal, stderrIsTerminal), config(), stores, shutdown);
        int exitCode = CliMain.execute(context, args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private Supplier<StorageConfig> config() {
        Supplier<StorageConfig> fromEnvironment = () -> StorageConfig.fromMap(env);
        return connections == null ? fromEnvironment
                : new ConnectionChoice(fromEnvironment, env, connections, typedSecrets::get);
    }

    record Result(int exitCode, String out, String err) {
        /** stderr without its trailing newline: the one-line error. */
        String errLine() {
            return err.strip();
        }
    }

    static MemoryManager unclosable(MemoryManager manager) {
        return (MemoryManager) Proxy.newProxyInstance(MemoryManager.class.getClassLoader(),
                new Class<?>[] {MemoryManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(manager, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
