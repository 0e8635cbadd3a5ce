package dev.orchestra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "orchestra-inspector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Headless companion of the Orchestra Storage Inspector: the same storage library and "
                + "configuration (APP_ENV, MONGODB_URI, MONGODB_DATABASE, REDIS_HOST…, from the environment, then ./.env).",
                "With SSH_HOST (SSH_PORT, SSH_USER, SSH_KEY_FILE, SSH_KEY_PASSPHRASE, SSH_PASSWORD, SSH_KNOWN_HOSTS) "
                        + "MongoDB and Redis are reached through an SSH tunnel.",
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
    private final CliContext context;

    @Spec
    CommandSpec spec;

    RootCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--connection", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Use the saved connection NAME (the app's ~/.orchestra-inspector/connections.json) instead "
                    + "of the environment; passwords it does not save come from MONGODB_PASSWORD, REDIS_PASSWORD… or "
                    + "are asked on the terminal.")
    void useConnection(String name) {
        if (!(context.config() instanceof ConnectionChoice choice)) {
            throw new ParameterException(spec.commandLine(), "--connection is not available here");
        }
        choice.select(name);
    }

    /** Accepted before or after the command's name (inherited), like the help options. */
    @Option(names = "--accept-new-host-key", scope = ScopeType.INHERIT,
            description = "With SSH_HOST set: trust the SSH bastion's host key when it is not known yet, and "
                    + "remember it (without this, the CLI asks on a terminal and refuses otherwise). A changed key "
                    + "is always refused.")
    void acceptNewHostKey(boolean accept) {
        context.stores().acceptNewHostKeys(accept);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
