package org.jbpf.maps;

import org.jbpf.InKernelOnly;

/** Per-CPU perf buffers for sending events to userspace ({@code bpf_perf_event_output}). */
public final class PerfEventArray {
    /** Flag meaning "the buffer of the CPU the program runs on". */
    public static final long CURRENT_CPU = 0xffffffffL;

    public PerfEventArray() {}

    /** Seed-style declaration; key and value are always 4-byte integers for this map type. */
    public PerfEventArray(Class<?> keySize, Class<?> valueSize) {}

    /** Sends {@code event} (a {@code @Struct} object) to userspace on the current CPU; returns 0 or a negative errno. */
    public long output(Object event) { throw InKernelOnly.call("PerfEventArray.output"); }

    /** As {@link #output(Object)} with explicit flags (a CPU index or {@link #CURRENT_CPU}). */
    public long output(Object event, long flags) { throw InKernelOnly.call("PerfEventArray.output"); }
}
