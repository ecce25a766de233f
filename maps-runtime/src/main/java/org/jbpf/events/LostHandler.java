package org.jbpf.events;

/** Told when the kernel reports that a CPU's perf buffer was full and {@code count} samples were dropped. */
@FunctionalInterface
public interface LostHandler {
    void onLost(int cpu, long count);
}
