package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.maps.HashMap;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.MapFullException;
import org.jbpf.runtime.UpdateMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every userspace map operation on real hash, array and per-CPU maps. */
class MapOpsTest {

    @Struct
    public static class Event {
        public int pid;
        public long bytes;
        @Size(16) public byte[] comm;
        public short flags;
    }

    /** Stands in for a probe class: the static field's name is the map's name. */
    static final class Probe {
        static final HashMap<Integer, Long> counts = new HashMap<>(Integer.class, Long.class, 16);
        static final HashMap<Integer, Long> undeclared = new HashMap<>(Integer.class, Long.class, 16);
    }

    private static BpfObject maps() {
        return new BpfObject("maps", "GPL", List.of(
                Programs.hash("counts", 4, 8, 16),
                new MapSpec("arr", MapTypes.ARRAY, 4, 8, 8, 0, 0, 0),
                new MapSpec("pc_hash", MapTypes.PERCPU_HASH, 4, 4, 8, 0, 0, 0),
                Programs.hash("events", 8, 40, 8),
                Programs.hash("small", 4, 8, 4)), List.of(), null);
    }

    @BeforeEach
    void kernel() { Kernel.require(); }

    @Test
    void hashMapOperations() {
        try (BPF bpf = BPF.load(maps())) {
            BpfMap<Integer, Long> m = bpf.map("counts", Integer.class, Long.class);
            assertEquals(0, m.size());
            assertTrue(m.entries().isEmpty());
            for (int i = 1; i <= 10; i++) m.put(i, i * 100L);
            assertEquals(10, m.size());
            assertEquals(700L, m.get(7));
            assertNull(m.get(11));
            assertTrue(m.containsKey(3));
            assertFalse(m.containsKey(42));
            assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), new HashSet<>(m.keys()));
            assertEquals(5500L, m.values().stream().mapToLong(Long::longValue).sum());
            Map<Integer, Long> entries = new TreeMap<>();
            for (var e : m.entries()) entries.put(e.getKey(), e.getValue());
            assertEquals(10, entries.size());
            assertEquals(1000L, entries.get(10));
            long[] seen = {0};
            m.forEach((k, v) -> seen[0] += k * v);
            assertEquals(38500L, seen[0]);

            assertFalse(m.put(3, 1L, UpdateMode.NOEXIST), "NOEXIST on a present key writes nothing");
            assertEquals(300L, m.get(3));
            assertTrue(m.put(3, 1L, UpdateMode.EXIST));
            assertEquals(1L, m.get(3));
            assertFalse(m.put(99, 1L, UpdateMode.EXIST), "EXIST on an absent key writes nothing");
            assertNull(m.get(99));
            assertTrue(m.put(99, 5L, UpdateMode.NOEXIST));
            assertEquals(5L, m.get(99));

            assertTrue(m.remove(99));
            assertFalse(m.remove(99));
            assertEquals(10, m.size());
            m.clear();
            assertEquals(0, m.size());
            assertTrue(m.keys().isEmpty());
        }
    }

    @Test
    void arrayMapOperations() {
        try (BPF bpf = BPF.load(maps())) {
            BpfMap<Integer, Long> a = bpf.map("arr", Integer.class, Long.class);
            assertEquals(8, a.size());
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), a.keys());
            assertEquals(0L, a.get(5), "array entries start zeroed");
            a.put(5, -9L);
            a.put(0, Long.MAX_VALUE);
            assertEquals(-9L, a.get(5));
            assertEquals(Long.MAX_VALUE, a.values().get(0));
            assertEquals(8, a.entries().size());
            assertFalse(a.put(6, 1L, UpdateMode.NOEXIST), "array entries always exist");
            assertNull(a.get(8), "index past max_entries");
            var e = assertThrows(org.jbpf.loader.sys.BpfException.class, () -> a.put(8, 1L));
            assertTrue(e.getMessage().contains("out of range (max_entries 8)"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> a.remove(5));
            a.clear();
            assertEquals(0L, a.get(5));
            assertEquals(0L, a.get(0));
        }
    }

    @Test
    void perCpuHashHoldsOneValuePerCpu() {
        try (BPF bpf = BPF.load(maps())) {
            BpfMap<Integer, Integer> m = bpf.map("pc_hash", Integer.class, Integer.class);
            int cpus = org.jbpf.loader.Cpus.possible();
            List<Integer> values = new java.util.ArrayList<>();
            for (int c = 0; c < cpus; c++) values.add(10 + c);
            assertTrue(m.putPerCpu(1, values, UpdateMode.ANY));
            assertEquals(values, m.getPerCpu(1));
            m.put(2, 7);
            assertEquals(java.util.Collections.nCopies(cpus, 7), m.getPerCpu(2));
            var all = m.entriesPerCpu();
            assertEquals(2, all.size());
            assertEquals(2, m.size());
            assertNull(m.getPerCpu(3));
        }
    }

    @Test
    void structValuesRoundTrip() {
        try (BPF bpf = BPF.load(maps())) {
            BpfMap<Long, Event> m = bpf.map("events", Long.class, Event.class);
            Event e = new Event();
            e.pid = 4321;
            e.bytes = 1L << 40;
            e.comm = "java".getBytes();
            e.flags = (short) 0xbeef;
            m.put(9L, e);
            Event back = m.get(9L);
            assertEquals(4321, back.pid);
            assertEquals(1L << 40, back.bytes);
            assertEquals("java", new String(back.comm, 0, 4));
            assertEquals(0, back.comm[4]);
            assertEquals(16, back.comm.length);
            assertEquals((short) 0xbeef, back.flags);
            byte[] raw = bpf.map("events").get(new byte[] {9, 0, 0, 0, 0, 0, 0, 0});
            assertEquals(40, raw.length);
            assertEquals(0xe1, raw[0] & 0xff, "pid little-endian at offset 0");
            assertEquals(1, raw[8 + 5], "bytes at offset 8");
            assertEquals((byte) 0xef, raw[32], "flags after the 16-byte comm at offset 32");
        }
    }

    @Test
    void entriesOfMapsLargerThanOneBatch() {
        BpfObject big = new BpfObject("big", "GPL", List.of(Programs.hash("big_hash", 4, 8, 2000),
                new MapSpec("big_arr", MapTypes.ARRAY, 4, 8, 700, 0, 0, 0)), List.of(), null);
        try (BPF bpf = BPF.load(big)) {
            BpfMap<Integer, Long> h = bpf.map("big_hash", Integer.class, Long.class);
            for (int i = 0; i < 1500; i++) h.put(i * 7, (long) i);
            Map<Integer, Long> seen = new TreeMap<>();
            for (var e : h.entries()) assertNull(seen.put(e.getKey(), e.getValue()), "key " + e.getKey() + " reported twice");
            assertEquals(1500, seen.size());
            for (int i = 0; i < 1500; i++) assertEquals((long) i, seen.get(i * 7));
            BpfMap<Integer, Long> a = bpf.map("big_arr", Integer.class, Long.class);
            for (int i = 0; i < 700; i += 3) a.put(i, i + 1L);
            var entries = a.entries();
            assertEquals(700, entries.size());
            for (int i = 0; i < 700; i++) assertEquals(i % 3 == 0 ? i + 1L : 0L, entries.get(i).getValue(), "index " + i);
        }
    }

    @Test
    void fullMapErrorNamesTheMapAndItsLimit() {
        try (BPF bpf = BPF.load(maps())) {
            BpfMap<Integer, Long> m = bpf.map("small", Integer.class, Long.class);
            for (int i = 0; i < 4; i++) m.put(i, 1L);
            MapFullException e = assertThrows(MapFullException.class, () -> m.put(4, 1L));
            assertTrue(e.getMessage().contains("map \"small\""), e.getMessage());
            assertTrue(e.getMessage().contains("max_entries 4"), e.getMessage());
            assertTrue(e.getMessage().contains("LruHashMap"), e.getMessage());
            assertEquals(4, m.size());
            m.put(3, 2L);  // replacing needs no new slot
            assertEquals(2L, m.get(3));
        }
    }

    @Test
    void wrongKeyOrValueSizeFailsBeforeAnySyscall() {
        try (BPF bpf = BPF.load(maps())) {
            var e = assertThrows(IllegalArgumentException.class, () -> bpf.map("counts", Long.class, Long.class));
            assertEquals("map \"counts\" has 4-byte keys but the key type Long is 8 bytes", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> bpf.map("counts", Integer.class, Event.class));
            assertTrue(e.getMessage().contains("8-byte values but the value type struct Event is 40 bytes"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> bpf.map("nope", Integer.class, Long.class));
            assertTrue(e.getMessage().contains("has no map \"nope\""), e.getMessage());
        }
    }

    @Test
    void mapByDeclarationFindsTheStaticFieldName() {
        try (BPF bpf = BPF.load(maps(), Probe.class)) {
            BpfMap<Integer, Long> m = bpf.map(Probe.counts);
            assertEquals("counts", m.name());
            m.put(1, 2L);
            assertEquals(2L, bpf.map("counts", Integer.class, Long.class).get(1));
            var e = assertThrows(IllegalArgumentException.class, () -> bpf.map(new HashMap<>(Integer.class, Long.class, 1)));
            assertTrue(e.getMessage().contains("is not held by a static field of"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> bpf.map(Probe.undeclared));
            assertTrue(e.getMessage().contains("has no map \"undeclared\""), e.getMessage());
        }
    }
}
