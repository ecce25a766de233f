package org.jbpf.events;

import java.nio.ByteBuffer;

/**
 * Receives one perf buffer sample: the CPU whose buffer it came from and a little-endian view of the raw sample,
 * index 0 being its first byte. The kernel pads raw samples, so {@code limit()} may exceed what the probe sent. The
 * view is valid only during the call.
 */
@FunctionalInterface
public interface SampleHandler {
    void onSample(int cpu, ByteBuffer sample);
}
