package org.jbpf.events;

/**
 * Receives one perf buffer sample as a {@link RecordView}, with the CPU whose buffer it came from: the same view object
 * for every sample, so nothing is made per sample. The kernel pads raw samples, so {@link RecordView#length()} may
 * exceed what the probe sent. Valid only during the call; copy what you keep.
 */
@FunctionalInterface
public interface SampleViewHandler {
    void onSample(int cpu, RecordView sample);
}
