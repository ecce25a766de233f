package org.jbpf.events;

/** Receives one decoded perf buffer event and the CPU it was sent from. */
@FunctionalInterface
public interface PerfEventHandler<E> {
    void onEvent(int cpu, E event);
}
