package dev.orchestra.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;

/**
 * mongo-java-server (memory backend) in a process of its own, so the benchmark's client process measures the
 * library's memory, not the server's data. Prints {@code READY <port>} and runs until its stdin closes (the parent
 * exited or closed it).
 */
public final class BenchMongoServerMain {
    private BenchMongoServerMain() {
    }

    public static void main(String[] args) throws IOException {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        System.out.println("READY " + server.getLocalAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for end of input
        }
        server.shutdownNow();
    }
}
