package org.jbpf.it.loader;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.Struct;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.MapInfo;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Objects with BTF: the kernel gets the types, the map's key/value types, func_info and line_info. */
class BtfLoadTest {

    @Struct
    public static class Event {
        public int pid;
        public long bytes;
    }

    @Struct
    public static class Swapped {
        public long bytes;
        public int pid;
    }

    @BeforeEach
    void kernel() { Kernel.require(); }

    static BpfObject withBtf() {
        Btf btf = new Btf();
        int intId = btf.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
        int longId = btf.add(new BtfType.IntType("long", 8, BtfType.INT_SIGNED));
        int event = btf.add(new BtfType.Struct("Event", 16, List.of(
                new BtfType.Member("pid", intId, 0), new BtfType.Member("bytes", longId, 64))));
        int voidPtr = btf.add(new BtfType.Ptr(0));
        int proto = btf.add(new BtfType.FuncProto(intId, List.of(new BtfType.Param("ctx", voidPtr))));
        int func = btf.add(new BtfType.Func("count_calls", proto, BtfType.LINKAGE_GLOBAL));
        List<Insn> insns = new ArrayList<>();
        int line = 20;
        for (Insn i : Programs.countByPid("counts", Kernel.pid(), List.of()))
            insns.add(i.withSource(new SourceLine("Counter.java", line++, 9, "statement " + line + ";")));
        return new BpfObject("btf", "GPL", List.of(
                new MapSpec("counts", MapTypes.HASH, 4, 8, 64, 0, intId, longId),
                new MapSpec("events", MapTypes.HASH, 4, 16, 8, 0, intId, event)),
                List.of(new ProgramSpec("count_calls", "tracepoint/syscalls/sys_enter_getppid", insns,
                        List.of(new ProgramSpec.FuncInfo(0, func)))), btf);
    }

    @Test
    void btfFuncAndLineInfoAreAcceptedByTheKernel() throws Exception {
        try (BPF bpf = BPF.load(withBtf()).attachAll()) {
            assertEquals(List.of(), bpf.warnings(), "nothing fell back to loading without BTF");
            assertNotNull(bpf.loaded().btf());
            for (int i = 0; i < 4; i++) Kernel.getppid();
            assertEquals(4L, bpf.map("counts", Integer.class, Long.class).get(Kernel.pid()));

            BpfMap<Integer, Event> events = bpf.map("events", Integer.class, Event.class);
            Event e = new Event();
            e.pid = 77;
            e.bytes = 123456789L;
            events.put(1, e);
            // by id: other programs on the machine may have maps named "events" too
            int id = MapInfo.of(bpf.loaded().map("events").fd()).id();
            String dump = org.jbpf.testsupport.Tools.bpftool("map", "dump", "id", String.valueOf(id)).output();
            assertTrue(dump.contains("\"pid\": 77") && dump.contains("\"bytes\": 123456789"),
                    "bpftool prints the value through the map's BTF: " + dump + " (map id " + id + ")");
        }
    }

    @Test
    void javaStructDisagreeingWithTheMapsBtfIsRefused() {
        try (BPF bpf = BPF.load(withBtf())) {
            var e = assertThrows(IllegalArgumentException.class, () -> bpf.map("events", Integer.class, Swapped.class));
            assertTrue(e.getMessage().contains("map \"events\" value: Java struct Swapped does not match the map's BTF struct Event"), e.getMessage());
            assertTrue(e.getMessage().contains("bytes at offset 0 in Java but pid at offset 0 in BTF"), e.getMessage());
        }
    }
}
