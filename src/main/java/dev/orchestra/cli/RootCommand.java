package dev.orchestra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "orchestra-inspector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Headless companion of the Orchestra Storage Inspector: the same storage library and "
                + "configuration (APP_ENV, MONGODB_URI, MONGODB_DATABASE, REDIS_HOST…, from the environment, then ./.env).",
                ""},
        subcommands = {
                HealthCommand.class,
                ServeHealthCommand.class,
                ExportCommand.class,
                ImportCommand.class,
                ListCommand.class,
                SessionsCommand.class,
                DeleteSessionCommand.class,
                PurgeExpiredCommand.class,
                GenerateCommand.class,
                UndoCommand.class,
                IndexesCommand.class,
                CacheCheckCommand.class,
        },
        footer = {"", "Exit codes: 0 done, 1 failed, 2 bad arguments, 3 done with rejected input lines; "
                + "health: 0 ok, 1 degraded, 2 error."})
final class RootCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
