package dev.orchestra.cli;

import dev.orchestra.storage.safety.DeletePreview;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.SessionDeleteResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete-session", mixinStandardHelpOptions = true,
        description = {"Deletes a session: its memory items, its user_sessions record and its Redis keys, through the "
                + "same safe path as the GUI (copied to inspector_trash first, audited, refused while read-only).",
                "Asks you to type the session id; without a terminal it refuses unless --yes is given. "
                        + "Undo with 'orchestra-inspector undo <token>'."},
        footer = {"", "Example:", "  orchestra-inspector delete-session alice s1 --yes"})
final class DeleteSessionCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "USER_ID")
    String userId;

    @Parameters(index = "1", paramLabel = "SESSION_ID")
    String sessionId;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation")
    boolean yes;

    @Option(names = "--progress", description = "show the progress bar even when stderr is not a terminal")
    boolean forceProgress;

    @Mixin
    WriteAccess writeAccess = new WriteAccess();

    DeleteSessionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (OpenStore store = OpenStore.open(context)) {
            SafeStorage safe = store.writable(writeAccess, "delete-session");
            SafeOperations operations = safe.operations();
            DeletePreview preview = operations.previewSessionDelete(userId, sessionId, 5);
            String what = "delete session '" + sessionId + "' of user '" + userId + "' (" + preview.count().display()
                    + " documents)";
            if (preview.count().value() == 0) {
                throw new CliFailure("no session '" + sessionId + "' of user '" + userId
                        + "': no memory items and no user_sessions record");
            }
            if (!yes && !new Confirmation(context).confirm(what, sessionId)) {
                context.err().println("Not confirmed: nothing deleted.");
                return ExitCodes.FAILED;
            }
            ProgressBar bar = new ProgressBar(context.err(), forceProgress || context.terminal().stderrIsTerminal());
            CacheCleanup cleanup = CacheCleanup.watch(safe.manager());
            SessionDeleteResult result = operations.deleteSession(userId, sessionId,
                    SafeOperations.DEFAULT_BATCH_SIZE, bar.bulk("Deleting"));
            bar.finishLine();
            context.out().printf("Deleted %d memory items and %d session record(s) of user '%s' session '%s'; "
                            + "they are in inspector_trash for 30 days (undo token: %s)%n",
                    result.itemsDeleted(), result.sessionRecordsDeleted(), userId, sessionId, result.batchId());
            context.out().flush();
            return cleanup.finish(context, ExitCodes.OK);
        }
    }
}
