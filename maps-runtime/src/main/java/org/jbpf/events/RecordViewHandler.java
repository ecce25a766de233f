package org.jbpf.events;

/**
 * Receives one ring buffer record as a {@link RecordView}: the same view object for every record, pointed at the
 * record in the kernel's mapping, so nothing is made per record. Valid only during the call; copy what you keep.
 */
@FunctionalInterface
public interface RecordViewHandler {
    void onRecord(RecordView record);
}
