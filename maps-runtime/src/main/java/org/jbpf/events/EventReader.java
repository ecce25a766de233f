package org.jbpf.events;

import com.sun.jna.Memory;
import java.util.concurrent.locks.ReentrantLock;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

/**
 * What ring buffer and perf buffer readers share: one epoll over all their buffers plus an eventfd that
 * {@link #close} signals, so a thread blocked in {@link #poll} or {@link #run} returns at once.
 *
 * <p>Reading is serialized: {@link #poll}, {@link #consume} and {@link #run} may be called from any thread, one at a
 * time. {@link #close} may be called from any thread, including from inside a handler; the buffers are unmapped only
 * once no thread is reading them.
 */
public abstract class EventReader implements AutoCloseable {
    private static final long WAKE = -1;

    private final ReentrantLock reading = new ReentrantLock();
    private final Fd epoll;
    private final Fd wake;
    private Memory events;
    private int maxEvents;
    private volatile boolean closed;
    /**
     * Set with {@link #closed}, as a plain field: the reading thread tests it after each record at no cost, which sees
     * a close from inside a handler at once; closes from other threads are seen through {@link #closed}.
     */
    private boolean closedPlain;
    private boolean released;
    /** Records handed to handlers, and records the kernel reported dropped; written only by the reading thread. */
    volatile long received, lost;

    EventReader() {
        epoll = Sys.epollCreate();
        try {
            wake = Sys.eventFd();
            Sys.epollAdd(epoll, wake.value(), WAKE);
        } catch (RuntimeException e) {
            epoll.close();
            throw e;
        }
        ensureEventRoom(4);
    }

    /** Registers the fd of buffer number {@code source}; {@link #consumeSource} is called when it is readable. */
    final void watch(int fd, int source) {
        Sys.epollAdd(epoll, fd, source);
    }

    final void ensureEventRoom(int sources) {
        if (sources + 1 <= maxEvents) return;
        maxEvents = Math.max(sources + 1, maxEvents * 2);
        events = new Memory((long) Sys.EPOLL_EVENT_SIZE * maxEvents);
    }

    /**
     * Consumes what is available in one buffer, at most one buffer's worth, stopping once {@code deadline}
     * ({@link System#nanoTime}, or {@link RingBufferRing#NO_DEADLINE}) has passed; returns the records handed out.
     */
    abstract int consumeSource(int source, long deadline);

    /** Number of buffers. */
    abstract int sources();

    /** Unmaps and closes every buffer; called once, by the thread that last held the read lock. */
    abstract void releaseSources();

    /**
     * Waits up to {@code timeoutMillis} (-1: forever, 0: not at all) for records, then hands the available records of
     * the ready buffers to their handlers: at most one buffer's worth from each, and with a positive timeout no more
     * once the timeout has passed (counted from the call), so a producer that never stops cannot keep poll from
     * returning; records left over are handed out by the next call. Returns the number of records handled; 0 after a
     * timeout or when {@link #close} woke the wait. An exception from a handler propagates; the record it was given
     * counts as read.
     */
    public final int poll(int timeoutMillis) {
        int n = pollOnce(timeoutMillis);
        if (n < 0) throw closedError();
        return n;
    }

    /** Hands the records available now in each buffer (at most one buffer's worth each) to their handlers without waiting; returns how many. */
    public final int consume() {
        lock();
        try {
            if (closed) throw closedError();
            int n = 0;
            for (int s = 0, count = sources(); s < count && !closed; s++) n += consumeSource(s, RingBufferRing.NO_DEADLINE);
            return n;
        } finally {
            unlock();
        }
    }

    /** Polls until {@link #close} is called (from a handler or another thread), then returns. */
    public final void run() {
        while (pollOnce(-1) >= 0) {
            // each round hands out what arrived
        }
    }

    /** -1 when closed. */
    private int pollOnce(int timeoutMillis) {
        long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : RingBufferRing.NO_DEADLINE;
        lock();
        try {
            if (closed) return -1;
            int ready = Sys.epollWait(epoll, events, maxEvents, timeoutMillis);
            int n = 0;
            for (int i = 0; i < ready && !closed; i++) {
                long source = events.getLong((long) i * Sys.EPOLL_EVENT_SIZE + 4);
                if (source == WAKE) Sys.eventDrain(wake);
                else n += consumeSource((int) source, deadline);
            }
            return closed ? -1 : n;
        } finally {
            unlock();
        }
    }

    /** Records handed to handlers so far. */
    public final long received() { return received; }

    /** Records the kernel reported as dropped because the buffer was full (see each reader for what it can know). */
    public long lost() { return lost; }

    public final boolean isClosed() { return closed; }

    /**
     * Stops reading and releases every mapping and fd. Safe from any thread and from inside a handler (the buffers
     * are released when that handler's poll returns); closing twice is harmless.
     */
    @Override public final void close() {
        if (!closed) {
            closedPlain = true;
            closed = true;
            interruptWait();
        }
        lock();
        unlock();
    }

    /** Guards the wake eventfd: signalled from any thread, closed by whichever thread releases the reader. */
    private final Object wakeLock = new Object();
    private boolean wakeClosed;

    /**
     * Stops a thread blocked in {@link #poll} so the caller can take the read lock (e.g. to add a buffer). Once the
     * reader is released there is nobody left to wake.
     */
    final void interruptWait() {
        synchronized (wakeLock) {
            if (!wakeClosed) Sys.eventSignal(wake);
        }
    }

    final void lock() {
        if (!reading.tryLock()) {
            interruptWait();
            reading.lock();
        }
    }

    final void unlock() {
        try {
            if (closed && !released && reading.getHoldCount() == 1) {
                released = true;
                try {
                    releaseSources();
                } finally {
                    epoll.close();
                    synchronized (wakeLock) {
                        wakeClosed = true;
                        wake.close();
                    }
                }
            }
        } finally {
            reading.unlock();
        }
    }

    final boolean stopRequested() { return closed; }

    /** {@link #stopRequested} without a volatile read: exact for closes by the reading thread itself. */
    final boolean closedByThisThread() { return closedPlain; }

    private IllegalStateException closedError() {
        return new IllegalStateException(getClass().getSimpleName() + " is closed");
    }
}
