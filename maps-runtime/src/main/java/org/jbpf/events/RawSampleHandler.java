package org.jbpf.events;

import java.nio.ByteBuffer;

/**
 * Receives one perf buffer sample in place, with no object made for it: {@code buffer} is a read-only little-endian
 * view of the CPU's whole data area and the sample is the {@code length} bytes from index {@code offset} (the kernel
 * pads raw samples, so {@code length} may exceed what the probe sent). Read them with absolute gets, e.g.
 * {@code buffer.getLong(offset)}. A sample that wraps the end of the data area is first copied into a scratch buffer,
 * so {@code buffer} is not always the same object. The bytes are valid only during the call: copy what you keep. This
 * is the fastest way to read a perf buffer.
 */
@FunctionalInterface
public interface RawSampleHandler {
    void onSample(int cpu, ByteBuffer buffer, int offset, int length);
}
