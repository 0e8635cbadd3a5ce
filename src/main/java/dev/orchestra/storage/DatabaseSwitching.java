package dev.orchestra.storage;

import java.util.List;

/**
 * A capability: the same open connections on another database of the same servers — no new client, no new
 * sockets, no new tunnel. The store asked keeps owning the connections: a store {@link #onDatabase} returns closes
 * only what is its own, and is usable while the store it came from is open.
 */
public interface DatabaseSwitching {
    /** The database the store was opened on. */
    String database();

    /** The databases the server lists for this user (blocking); a server that refuses to list them throws. */
    List<String> databaseNames();

    /**
     * A store on {@code database} over the same connections; opening it writes nothing. A Redis cache, whose keys do
     * not name the database, is not used by it (its health says why). Refuses a name {@code MONGODB_DATABASE} would.
     */
    MemoryManager onDatabase(String database);
}
