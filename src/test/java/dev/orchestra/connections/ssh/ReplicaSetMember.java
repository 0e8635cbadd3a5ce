package dev.orchestra.connections.ssh;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A mongo-java-server that says it is a member of replica set {@code rs0} with the given members, so that the driver
 * discovers the other members from its {@code hello} answer, as it does with a real replica set. Only the topology
 * is pretended: the data is the server's own.
 */
final class ReplicaSetMember implements AutoCloseable {
    static final String SET_NAME = "rs0";
    private static final Set<String> HELLO = Set.of("hello", "ismaster", "isMaster");

    private final MongoServer server;
    private final int port;

    private ReplicaSetMember(boolean primary, Supplier<List<String>> members) {
        MemoryBackend backend = new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                Document answer = super.handleCommand(channel, database, command, query);
                if (HELLO.contains(command)) {
                    List<String> hosts = members.get();
                    answer.put("setName", SET_NAME);
                    answer.put("hosts", hosts);
                    answer.put("me", "127.0.0.1:" + port());
                    answer.put("primary", hosts.get(0));
                    answer.put("ismaster", primary);
                    answer.put("isWritablePrimary", primary);
                    answer.put("secondary", !primary);
                }
                return answer;
            }
        };
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        port = server.getLocalAddress().getPort();
    }

    /** The primary and one secondary, each naming both (the primary first). */
    static List<ReplicaSetMember> startPrimaryAndSecondary() {
        ReplicaSetMember[] members = new ReplicaSetMember[2];
        Supplier<List<String>> hosts = () -> List.of(members[0].address(), members[1].address());
        members[0] = new ReplicaSetMember(true, hosts);
        members[1] = new ReplicaSetMember(false, hosts);
        return List.of(members);
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
