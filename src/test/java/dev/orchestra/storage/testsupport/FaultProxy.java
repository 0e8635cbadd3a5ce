package dev.orchestra.storage.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A test-only TCP proxy on 127.0.0.1 and a random port in front of one target (a MongoDB or Redis server), which
 * can misbehave on demand:
 * <ul>
 *   <li>{@link #setLatency}: every chunk of bytes waits this long before it is forwarded, in both directions;</li>
 *   <li>{@link #stall()}: connections are still accepted but no byte moves in either direction (a hung server)
 *       until {@link #unstall()};</li>
 *   <li>{@link #cutConnections()}: every open connection is closed on both sides (a network cut or a restart).</li>
 * </ul>
 * A {@link Tap} sees every chunk as it is forwarded (to count bytes or parse the protocol).
 *
 * <pre>{@code
 * try (var proxy = FaultProxy.start(mongo.host(), mongo.port())) {
 *     var manager = new MongoMemoryManager(proxy.mongoConnectionString(), db, Duration.ofSeconds(1));
 *     proxy.stall();   // calls now fail after their timeout
 *     proxy.unstall(); // and succeed again
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    /** Sees the bytes forwarded on each connection. Called on the proxy's threads; must be thread-safe. */
    public interface Tap {
        void onData(long connectionId, boolean fromClient, byte[] data, int offset, int length);

        default void onClose(long connectionId) {
        }
    }

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean stalled;
    private boolean closed;
    private volatile long latencyNanos;
    private volatile Tap tap;

    private FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FaultProxy start(String targetHost, int targetPort) {
        try {
            return new FaultProxy(targetHost, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a proxy port", e);
        }
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code mongodb://127.0.0.1:<proxy port>/?directConnection=true}: clients must not discover the target. */
    public String mongoConnectionString() {
        return "mongodb://" + host() + ":" + port() + "/?directConnection=true";
    }

    /** How many client connections were accepted so far. */
    public long acceptedConnections() {
        return accepted.get();
    }

    public int openConnections() {
        return sockets.size() / 2;
    }

    public void setTap(Tap tap) {
        this.tap = tap;
    }

    public void setLatency(Duration latency) {
        latencyNanos = latency.toNanos();
        signal();
    }

    /** From now on no byte is forwarded in either direction; connections stay open and new ones are accepted. */
    public void stall() {
        lock.lock();
        try {
            stalled = true;
        } finally {
            lock.unlock();
        }
    }

    /** Forwards again, including what arrived while stalled. */
    public void unstall() {
        lock.lock();
        try {
            stalled = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes every open connection on both sides; new connections are still accepted. */
    public void cutConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            stalled = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        closeQuietly(listener);
        cutConnections();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                long id = connectionIds.incrementAndGet();
                pump(id, client, server, true);
                pump(id, server, client, false);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
                // the target refused: the client's connection was closed with it; keep accepting
            }
        }
    }

    private void pump(long id, Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!awaitForwarding()) {
                        break;
                    }
                    Tap observer = tap;
                    if (observer != null) {
                        observer.onData(id, fromClient, buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // closed by cutConnections/close or by either peer
            } catch (IOException e) {
                // same: the connection is gone
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
                Tap observer = tap;
                if (observer != null && fromClient) {
                    observer.onClose(id);
                }
            }
        }, "fault-proxy-" + id + (fromClient ? "-up" : "-down"));
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits out the latency and any stall; false when the proxy closed meanwhile. */
    private boolean awaitForwarding() throws IOException {
        lock.lock();
        try {
            long latencyLeft = latencyNanos;
            while (!closed && latencyLeft > 0) {
                latencyLeft = changed.awaitNanos(latencyLeft);
            }
            while (!closed && stalled) {
                changed.await(1, TimeUnit.SECONDS);
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + host() + ":" + port() + " -> " + targetHost + ":" + targetPort + "]";
    }
}
