package dev.orchestra.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The collections of this JVM while it listens (G1 on JDK 17 reports its pauses: young, mixed, full), so that a
 * benchmark can say how many there were and how long the longest one stopped the application.
 */
final class GcPauses implements NotificationListener, AutoCloseable {
    private final Samples pauses = new Samples();

    private GcPauses() {
    }

    static GcPauses listen() {
        GcPauses listener = new GcPauses();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        return listener;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            synchronized (pauses) {
                pauses.add(info.getGcInfo().getDuration() * 1_000_000L);
            }
        }
    }

    /** "N pauses, p50 / max X / Y ms" of what was recorded. */
    String describe() {
        synchronized (pauses) {
            return String.format("%d collections, duration p50 / max %.0f / %.0f ms", pauses.count(),
                    pauses.count() == 0 ? 0 : pauses.medianMs(), pauses.count() == 0 ? 0 : pauses.percentileMs(100));
        }
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                // not registered on this collector
            }
        }
    }
}
