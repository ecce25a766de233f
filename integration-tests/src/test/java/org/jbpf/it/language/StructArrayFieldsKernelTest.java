package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.events.RingBufferReader;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.language.StructArrayMapValue.Event;
import org.jbpf.it.language.StructArrayMapValue.Slot;
import org.jbpf.it.language.StructArrayMapValue.Table;
import org.jbpf.it.language.StructArrayMapValue.Totals;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Tools;
import org.jbpf.toolchain.MapText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Arrays of structs as {@code @Size(n)} fields of a map value and of a ring record: the kernel's counts by any index
 * (out of range, a store does nothing and a read gives 0), read back from Java as typed values and records, equal to
 * the same steps on Java objects; the object's BTF describes the field as an array of the struct, and libbpf loads it.
 */
class StructArrayFieldsKernelTest {
    static final long[] INDEXES = {0, 1, 2, 3, -1, 4, 100, Integer.MIN_VALUE, Integer.MAX_VALUE, 1L << 32, 3, 1, 1, 0, 2, -5};

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mapValueAndRingRecordsHoldStructArrays(Backend backend) {
        BpfObject object = backend.translate(StructArrayMapValue.class);
        KernelCheck.require();
        Table model = emptyTable();
        List<Event> got = new ArrayList<>(), sent = new ArrayList<>();
        int runs = 0;
        try (BPF bpf = BPF.load(object, StructArrayMapValue.class);
             RingBufferReader<Event> reader = bpf.ringBuffer(StructArrayMapValue.events, Event.class, got::add)) {
            var in = bpf.map(StructArrayMapValue.in);
            var tables = bpf.map(StructArrayMapValue.tables);
            tables.put(0, emptyTable());
            for (long a : INDEXES) {
                for (long b : new long[] {0, 1, 3, 4, -1}) {
                    in.put(0, a);
                    in.put(1, b);
                    assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                    long expected = step(model, a, b, sent);
                    assertEquals(expected, bpf.map(StructArrayMapValue.out).get(0), "a " + a + ", b " + b);
                    runs++;
                }
            }
            Table kernel = tables.get(0);
            assertEquals(model.used, kernel.used);
            assertEquals(model.totals.runs, kernel.totals.runs);
            assertEquals(model.totals.missed, kernel.totals.missed);
            assertEquals(4, kernel.slots.length);
            for (int k = 0; k < 4; k++) assertSlot(model.slots[k], kernel.slots[k], "slots[" + k + "]");
            // what jbpf run and map dump print: each element of the array field by field, from the object's BTF
            var rows = MapText.entries(bpf.map("tables"), object.btf());
            assertEquals(1, rows.size());
            StringBuilder want = new StringBuilder("{used=" + model.used + ", slots=[");
            for (int k = 0; k < 4; k++)
                want.append(k > 0 ? ", " : "").append("{sum=").append(model.slots[k].sum).append(", hits=").append(model.slots[k].hits)
                        .append(", last=").append(model.slots[k].last).append('}');
            want.append("], totals={runs=").append(model.totals.runs).append(", missed=").append(model.totals.missed).append("}}");
            assertEquals(want.toString(), rows.get(0).value());
            while (got.size() < sent.size() && reader.poll(100) >= 0) { }
        }
        assertEquals(INDEXES.length * 5, runs);
        assertEquals(runs, model.totals.runs);
        assertEquals(sent.size(), got.size());
        for (int n = 0; n < sent.size(); n++) {
            assertEquals(sent.get(n).index, got.get(n).index, "event " + n);
            assertEquals(2, got.get(n).first.length);
            for (int k = 0; k < 2; k++) assertSlot(sent.get(n).first[k], got.get(n).first[k], "event " + n + " first[" + k + "]");
        }
    }

    /** The BTF of the map value names the field an array of 4 struct Slot, and bpftool (libbpf) loads the object. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void btfDescribesTheArrayAndLibbpfLoadsIt(Backend backend) throws Exception {
        BpfObject object = backend.translate(StructArrayMapValue.class);
        var btf = object.btf();
        BtfType.Struct table = (BtfType.Struct) btf.type(btf.find(BtfType.KIND_STRUCT, "Table"));
        BtfType.Member slots = table.members().get(1);
        assertEquals("slots", slots.name());
        assertEquals(64, slots.bitOffset());
        BtfType.Array array = (BtfType.Array) btf.type(slots.type());
        assertEquals(4, array.nelems());
        BtfType.Struct slot = (BtfType.Struct) btf.type(array.elemType());
        assertEquals("Slot", slot.name());
        assertEquals(16, slot.size());
        assertEquals(8 + 64 + 16, table.size());

        Kernel.requireBpffs();
        Tools.require("bpftool");
        Path o = Files.createTempFile("jbpf-struct-arrays", ".o");
        Path pins = Path.of("/sys/fs/bpf", "jbpf_it_struct_arrays_" + ProcessHandle.current().pid() + "_" + System.nanoTime());
        try {
            Files.write(o, ObjectWriter.write(object));
            String dump = Tools.check("bpftool", "btf", "dump", "file", o.toString(), "format", "c");
            assertTrue(dump.contains("struct Table {\n\tint used;\n\tstruct Slot slots[4];\n\tstruct Totals totals;\n};"), dump);
            Tools.check("bpftool", "prog", "loadall", o.toString(), pins.toString());
            assertTrue(Files.exists(pins.resolve("run")), "pinned program run");
        } finally {
            Files.deleteIfExists(o);
            if (Files.exists(pins)) try (var s = Files.walk(pins)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** One run of the program on Java objects: returns what it stores in out, and adds the record it sends. */
    static long step(Table t, long a, long b, List<Event> events) {
        int i = (int) a, j = (int) b;
        t.totals.runs++;
        boolean inRange = i >= 0 && i < 4;
        if (!inRange) t.totals.missed++;
        if (inRange) {
            t.slots[i].hits++;
            t.slots[i].sum += a;
            t.slots[i].last = (short) j;
        }
        int used = 0;
        for (Slot s : t.slots) if (s.hits > 0) used++;
        t.used = used;
        Event e = new Event();
        e.index = i;
        e.first = new Slot[] {new Slot(), new Slot()};
        e.first[0].sum = t.slots[0].sum;
        e.first[0].hits = t.slots[0].hits;
        e.first[1].sum = t.slots[1].sum;
        e.first[1].last = t.slots[1].last;
        events.add(e);
        return j >= 0 && j < 4 ? t.slots[j].sum * 100 + t.slots[j].hits : 0;
    }

    static Table emptyTable() {
        Table t = new Table();
        t.slots = new Slot[] {new Slot(), new Slot(), new Slot(), new Slot()};
        t.totals = new Totals();
        return t;
    }

    static void assertSlot(Slot want, Slot got, String what) {
        assertEquals(want.sum, got.sum, what + ".sum");
        assertEquals(want.hits, got.hits, what + ".hits");
        assertEquals(want.last, got.last, what + ".last");
    }
}
