package org.jbpf.cli;

import java.io.PrintStream;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;

/**
 * Prints ring buffer and perf event records as they arrive. Reading them needs the event readers of the runtime;
 * until those exist, event maps are named once so the user knows their records are not shown.
 */
final class EventPrinter implements AutoCloseable {
    private EventPrinter() {}

    static EventPrinter start(BPF bpf, BpfObject object, PrintStream out) {
        for (MapSpec m : object.maps())
            if (m.type() == MapTypes.RINGBUF || m.type() == MapTypes.PERF_EVENT_ARRAY)
                out.println("map " + m.name() + " (" + MapTypes.name(m.type()) + "): event records are not printed by this build");
        return new EventPrinter();
    }

    @Override public void close() {}
}
