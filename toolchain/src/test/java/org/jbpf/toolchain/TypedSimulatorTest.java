package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.examples.ExecRingEvents;
import org.jbpf.examples.ProcessCounter;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.examples.ReadBytes;
import org.jbpf.maps.HashMap;
import org.jbpf.runtime.CStrings;
import org.jbpf.sim.junit.BpfSimExtension;
import org.jbpf.sim.junit.BpfSimulator;
import org.jbpf.sim.junit.SimProbe;
import org.jbpf.sim.junit.SimTypedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit simulator in the probe's own types: maps by declaration, typed keys and values, contexts and events. */
@ExtendWith(BpfSimExtension.class)
class TypedSimulatorTest {
    /** sys_exit_read's context: the 8-byte common header, the syscall number, the return value. */
    @Struct
    public static final class SysExit {
        public short commonType;
        public byte commonFlags;
        public byte commonPreemptCount;
        public int commonPid;
        public long syscallNr;
        public long ret;

        SysExit(long ret) {
            this.syscallNr = 0;
            this.ret = ret;
        }

        SysExit() {}
    }

    /** ProcessEvent with its @CString comm read as text. */
    @Struct
    public static final class ExecView {
        public long timestamp;
        public int pid;
        @Size(16) public String comm;
    }

    @Test void mapsAreReachedByTheirDeclarationWithTheProbesTypes(BpfSimulator sim) {
        SimProbe bpf = sim.load(ProcessCounter.class);
        SimTypedMap<Integer, Long> counts = bpf.map(ProcessCounter.processCount);
        bpf.helpers().pidTgid(42, 42);
        bpf.run("countProcesses", new byte[64]);
        assertEquals(1L, counts.get(42));
        counts.put(7, 40L);
        bpf.helpers().pidTgid(7, 7);
        bpf.run("countProcesses", new byte[64]);
        assertEquals(Map.of(42, 1L, 7, 41L), counts.entries());
        assertNull(counts.get(8));
        var e = assertThrows(IllegalArgumentException.class, () -> bpf.map(new HashMap<>(Integer.class, Long.class, 1)));
        assertEquals(true, e.getMessage().endsWith("is not held by a static field of org.jbpf.examples.ProcessCounter; "
                + "pass the declaration field itself, e.g. map(ProcessCounter.counts)"), e.getMessage());
    }

    @Test void contextsAreBuiltFromTypedRecords(BpfSimulator sim) {
        SimProbe bpf = sim.load(ReadBytes.class);
        bpf.helpers().pidTgid(9, 9);
        bpf.run("exitRead", new SysExit(100));
        bpf.run("exitRead", new SysExit(28));
        bpf.run("exitRead", new SysExit(-11));  // EAGAIN: not a read
        assertEquals(2L, bpf.map(ReadBytes.reads).get(9));
        assertEquals(128L, bpf.map(ReadBytes.bytes).get(9));
    }

    @Test void eventRecordsDecodeAsTheProbesStructOrAJavaSideView(BpfSimulator sim) {
        SimProbe bpf = sim.load(ExecRingEvents.class);
        bpf.helpers().pidTgid(77, 77).comm("bash").ktime(5000, 10);
        bpf.run("logExec", new byte[64]);
        List<ProcessEvent> events = bpf.events(ExecRingEvents.events, ProcessEvent.class);
        assertEquals(1, events.size());
        assertEquals(77, events.get(0).pid);
        assertEquals("bash", CStrings.text(events.get(0).comm));
        ExecView view = bpf.events(ExecRingEvents.events, ExecView.class).get(0);
        assertEquals("bash", view.comm);
        assertEquals(5000, view.timestamp);
    }
}
