package dev.orchestra.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Lets picocli build commands through their {@code (CliContext)} constructor: constructor injection, no statics. */
final class CliFactory implements CommandLine.IFactory {
    private final CliContext context;

    CliFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> constructor : cls.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == CliContext.class) {
                constructor.setAccessible(true);
                return cls.cast(constructor.newInstance(context));
            }
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
