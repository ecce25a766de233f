package org.jbpf.maps;

import org.jbpf.InKernelOnly;

/** A ring buffer shared by all CPUs for sending events to userspace in order. */
public final class RingBuffer {
    /** Output flags: force or suppress the userspace wakeup. */
    public static final long NO_WAKEUP = 1, FORCE_WAKEUP = 2;

    private final int maxEntries;

    /** @param maxEntries size in bytes, a power of two and a multiple of the page size */
    public RingBuffer(int maxEntries) {
        if (maxEntries <= 0 || Integer.bitCount(maxEntries) != 1)
            throw new IllegalArgumentException("ring buffer size must be a power of two: " + maxEntries);
        this.maxEntries = maxEntries;
    }

    public int maxEntries() { return maxEntries; }

    /** Copies {@code event} (a {@code @Struct} object) into the ring; returns 0 or a negative errno. */
    public long output(Object event) { throw InKernelOnly.call("RingBuffer.output"); }

    public long output(Object event, long flags) { throw InKernelOnly.call("RingBuffer.output"); }

    /** Reserves a record of {@code type} in the ring, or returns null when full; must be submitted or discarded. */
    public <T> T reserve(Class<T> type) { throw InKernelOnly.call("RingBuffer.reserve"); }

    /** Reserves {@code size} raw bytes, or returns null when full; must be submitted or discarded. */
    public byte[] reserve(int size) { throw InKernelOnly.call("RingBuffer.reserve"); }

    public void submit(Object record) { throw InKernelOnly.call("RingBuffer.submit"); }
    public void submit(Object record, long flags) { throw InKernelOnly.call("RingBuffer.submit"); }
    public void discard(Object record) { throw InKernelOnly.call("RingBuffer.discard"); }
    public void discard(Object record, long flags) { throw InKernelOnly.call("RingBuffer.discard"); }
}
