package dev.orchestra.cli;

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

/** Runs CLI commands in-process with captured streams, a given environment and an injected store. */
final class CliHarness {
    final Map<String, String> env = new HashMap<>(Map.of("APP_ENV", "test"));
    StoreConnector stores;
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

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Terminal.of(stdinIsTerminal, stderrIsTerminal), () -> StorageConfig.fromMap(env), stores, shutdown);
        int exitCode = CliMain.execute(context, args);
        return new Result(exitCode, out.toString(), err.toString());
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
