package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;
import org.jbpf.runtime.UpdateMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole-map reads of real maps through the dump program (a program the kernel runs once to copy every entry into an
 * array Java reads in place) and through the batch lookup it falls back to, compared entry by entry with what was
 * written: hash, LRU hash and array maps with keys and values of sizes that are not multiples of 8, an empty map, one
 * entry, full maps, and per-CPU maps, whose callback looks each CPU's value up.
 */
class MapDumpKernelTest {
    private static final HexFormat HEX = HexFormat.of();

    @BeforeEach
    void kernel() { Kernel.require(); }

    /** The key of entry {@code i}: its index in the first bytes, then bytes that differ from key to key. */
    private static byte[] key(int i, int size) {
        byte[] k = new byte[size];
        for (int b = 0; b < size; b++) k[b] = b < 4 ? (byte) (i >>> (8 * b)) : (byte) (i * 31 + b * 7);
        return k;
    }

    private static byte[] value(Random r, int size) {
        byte[] v = new byte[size];
        r.nextBytes(v);
        return v;
    }

    private static Map<String, String> asMap(List<Map.Entry<byte[], byte[]>> entries) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<byte[], byte[]> e : entries)
            assertNull(out.put(HEX.formatHex(e.getKey()), HEX.formatHex(e.getValue())), "key reported twice: " + HEX.formatHex(e.getKey()));
        return out;
    }

    /** A map with {@code count} entries (all of an array's), read whole by program and by batch. */
    private void dumpsExactly(int type, int keySize, int valueSize, int maxEntries, int count) {
        MapSpec spec = new MapSpec("dumped", type, keySize, valueSize, maxEntries, 0, 0, 0);
        String before = kernelHeld();
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<byte[], byte[]> m = BpfMap.of(o.map("dumped"), Codecs.bytes(keySize), Codecs.bytes(valueSize), false);
            Random r = new Random(keySize * 1000L + valueSize);
            Map<String, String> written = new HashMap<>();
            boolean array = type == MapTypes.ARRAY;
            for (int i = 0; i < (array ? maxEntries : count); i++) {
                byte[] k = key(i, keySize), v = array && i >= count ? new byte[valueSize] : value(r, valueSize);
                if (!array || i < count) m.put(k, v);
                written.put(HEX.formatHex(k), HEX.formatHex(v));
            }
            // a map sized below 16384 entries is walked by batch until a walk has seen 1024 entries or more
            String held = kernelHeld();
            assertEquals(written, asMap(m.entries()));
            List<Map.Entry<byte[], byte[]>> byProgram = m.entries();
            assertEquals("program", m.walkPath());
            assertEquals(written, asMap(byProgram));
            assertEquals(plus(held, 1, 1, 1), kernelHeld(), "the program, its array and the array's mapping stay for the next walk");
            BpfMap<byte[], byte[]> again = BpfMap.of(o.map("dumped"), Codecs.bytes(keySize), Codecs.bytes(valueSize), false);
            assertEquals(written, asMap(again.entries()), "another view of the same map");
            assertEquals("program", again.walkPath(), "a new view knows what the map's last walk saw");
            assertEquals(plus(held, 1, 1, 1), kernelHeld(), "and walks with the same program");

            System.setProperty("jbpf.map.dumpProgram", "false");
            try {
                BpfMap<byte[], byte[]> batch = BpfMap.of(o.map("dumped"), Codecs.bytes(keySize), Codecs.bytes(valueSize), false);
                assertEquals(written, asMap(batch.entries()));
                assertEquals("batch lookup (jbpf.map.dumpProgram=false)", batch.walkPath());
            } finally {
                System.clearProperty("jbpf.map.dumpProgram");
            }
        }
        assertEquals(before, kernelHeld(), "closing the map closes its program, array and mapping");
    }

    /**
     * What this process holds of the kernel's BPF objects: {@code maps=<fds> programs=<fds> mappings=<BPF map mappings>},
     * from /proc/self/fd and /proc/self/maps (plain fds are left out: the JVM opens and closes those on its own).
     */
    static String kernelHeld() {
        int maps = 0, programs = 0, mappings = 0;
        File[] fds = new File("/proc/self/fd").listFiles();
        for (File f : fds == null ? new File[0] : fds) {
            String target;
            try {
                target = Files.readSymbolicLink(f.toPath()).toString();
            } catch (IOException closedMeanwhile) {
                continue;
            }
            if (target.startsWith("anon_inode:bpf-map")) maps++;
            if (target.startsWith("anon_inode:bpf-prog")) programs++;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) if (line.contains("anon_inode:bpf-map")) mappings++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "maps=" + maps + " programs=" + programs + " mappings=" + mappings;
    }

    private static String plus(String held, int maps, int programs, int mappings) {
        String[] f = held.split("[ =]");
        return "maps=" + (Integer.parseInt(f[1]) + maps) + " programs=" + (Integer.parseInt(f[3]) + programs) + " mappings="
                + (Integer.parseInt(f[5]) + mappings);
    }

    @Test
    void hashOfU32ToU64() { dumpsExactly(MapTypes.HASH, 4, 8, 4096, 3000); }

    @Test
    void fullHashWithOddSizes() { dumpsExactly(MapTypes.HASH, 3, 5, 2048, 2048); }

    @Test
    void hashOfStructSizedKeysAndValues() { dumpsExactly(MapTypes.HASH, 12, 36, 2048, 1500); }

    @Test
    void lruHash() { dumpsExactly(MapTypes.LRU_HASH, 4, 20, 16384, 500); }

    @Test
    void emptyHash() { dumpsExactly(MapTypes.HASH, 4, 8, 16384, 0); }

    @Test
    void hashWithOneEntry() { dumpsExactly(MapTypes.HASH, 8, 1, 16384, 1); }

    @Test
    void arrayOfLongs() { dumpsExactly(MapTypes.ARRAY, 4, 8, 1024, 700); }

    @Test
    void arrayOfTwelveByteValues() { dumpsExactly(MapTypes.ARRAY, 4, 12, 3000, 3000); }

    @Test
    void typedEntriesOfALargeHash() {
        MapSpec spec = new MapSpec("counts", MapTypes.HASH, 4, 8, 100_000, 0, 0, 0);
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, Long> m = BpfMap.of(o.map("counts"), Codecs.INT, Codecs.LONG, false);
            for (int i = 0; i < 100_000; i++) m.put(i, i * 3L - 7);
            long[] sum = {0, 0};
            m.forEachRaw((k, v) -> {
                int key = k.getInt();
                assertEquals(key * 3L - 7, v.getLong(), "value of key " + key);
                sum[0] += key;
                sum[1]++;
            });
            assertEquals(100_000, sum[1]);
            assertEquals(99_999L * 100_000 / 2, sum[0]);
            assertEquals(100_000, m.size());
            Map<Integer, Long> all = new HashMap<>();
            for (Map.Entry<Integer, Long> e : m.entries()) assertNull(all.put(e.getKey(), e.getValue()));
            assertEquals(100_000, all.size());
            assertEquals(299_990L, all.get(99_999));
            assertEquals("program", m.walkPath());
        }
    }

    @Test
    void laterWalksRunTheKeptProgramOverTheMapAsItIsNow() {
        MapSpec spec = new MapSpec("kept", MapTypes.HASH, 4, 8, 32768, 0, 0, 0);
        String before = kernelHeld();
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, Long> m = BpfMap.of(o.map("kept"), Codecs.INT, Codecs.LONG, false);
            for (int i = 0; i < 5000; i++) m.put(i, i * 2L);
            assertEquals(5000, m.size());
            String held = kernelHeld();
            for (int i = 0; i < 5000; i += 2) m.remove(i);
            m.put(90_000, -1L);
            Map<Integer, Long> now = new HashMap<>();
            m.forEach((k, v) -> assertNull(now.put(k, v), "key " + k + " twice"));
            assertEquals(2501, now.size(), "only the entries the map holds now, none left from the longer copy before");
            for (int i = 1; i < 5000; i += 2) assertEquals(i * 2L, now.get(i), "key " + i);
            assertEquals(-1L, now.get(90_000));
            assertEquals(held, kernelHeld(), "the second walk made nothing new");

            // a visitor that walks the same map again gets a copy of its own, closed when its walk ends
            int[] inner = {0};
            String[] during = {null};
            m.forEachRaw((k, v) -> {
                if (during[0] != null) return;
                m.forEachRaw((k2, v2) -> {
                    if (inner[0]++ == 0) during[0] = kernelHeld();
                });
            });
            assertEquals(2501, inner[0]);
            assertEquals(plus(held, 1, 1, 1), during[0]);
            assertEquals(held, kernelHeld());
            assertEquals("program", m.walkPath());
        }
        assertEquals(before, kernelHeld(), "closing the map closes its program, array and mapping");
    }

    @Test
    void threadsWalkingAtOnceEachSeeTheWholeMap() throws Exception {
        MapSpec spec = new MapSpec("shared", MapTypes.HASH, 4, 8, 16384, 0, 0, 0);
        String before = kernelHeld();
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, Long> m = BpfMap.of(o.map("shared"), Codecs.INT, Codecs.LONG, false);
            for (int i = 0; i < 3000; i++) m.put(i, i * 5L + 1);
            List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> walkers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                // each thread its own view: views share the map's kept copy, and a walk that finds it busy makes its own
                BpfMap<Integer, Long> view = BpfMap.of(o.map("shared"), Codecs.INT, Codecs.LONG, false);
                Thread w = new Thread(() -> {
                    for (int r = 0; r < 40; r++) {
                        int round = r;
                        long[] sum = {0, 0};
                        view.forEachRaw((k, v) -> {
                            int key = k.getInt(k.position());
                            if (v.getLong(v.position()) != key * 5L + 1) wrong.add("key " + key + " round " + round);
                            sum[0] += key;
                            sum[1]++;
                        });
                        if (sum[1] != 3000 || sum[0] != 2999L * 3000 / 2) wrong.add(sum[1] + " entries, key sum " + sum[0]);
                    }
                });
                walkers.add(w);
                w.start();
            }
            for (Thread w : walkers) w.join();
            assertEquals(List.of(), wrong);
            assertEquals("program", m.walkPath());
            assertEquals(plus(before, 2, 1, 1), kernelHeld(), "the map, and the one copy kept after the walks");
        }
        assertEquals(before, kernelHeld());
    }

    @Test
    void perCpuHashOfOddValuesHasEachCpusValue() {
        int cpus = org.jbpf.loader.Cpus.possible();
        MapSpec spec = new MapSpec("pc_hash", MapTypes.PERCPU_HASH, 4, 3, 2048, 0, 0, 0);
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, byte[]> h = BpfMap.of(o.map("pc_hash"), Codecs.INT, Codecs.bytes(3), false);
            for (int k = 0; k < 1500; k++) {
                List<byte[]> perCpu = new ArrayList<>();
                for (int c = 0; c < cpus; c++) perCpu.add(key(k * 10 + c, 3));
                h.putPerCpu(k, perCpu, UpdateMode.ANY);
            }
            assertPerCpu(1500, cpus, 3, h.entriesPerCpu());
            assertEquals("program from the next walk, where the kernel lets it", h.walkPath());
            assertPerCpu(1500, cpus, 3, h.entriesPerCpu());
            assertEquals("program", h.walkPath());
            System.setProperty("jbpf.map.dumpProgram", "false");
            try {
                BpfMap<Integer, byte[]> batch = BpfMap.of(o.map("pc_hash"), Codecs.INT, Codecs.bytes(3), false);
                assertPerCpu(1500, cpus, 3, batch.entriesPerCpu());
                assertEquals("batch lookup (jbpf.map.dumpProgram=false)", batch.walkPath());
            } finally {
                System.clearProperty("jbpf.map.dumpProgram");
            }
        }
    }

    private static void assertPerCpu(int count, int cpus, int size, List<Map.Entry<Integer, List<byte[]>>> entries) {
        Map<Integer, List<byte[]>> seen = new HashMap<>();
        for (Map.Entry<Integer, List<byte[]>> e : entries) assertNull(seen.put(e.getKey(), e.getValue()), "key " + e.getKey() + " twice");
        assertEquals(count, seen.size());
        for (int k = 0; k < count; k++)
            for (int c = 0; c < cpus; c++) assertArrayEquals(key(k * 10 + c, size), seen.get(k).get(c), "key " + k + " CPU " + c);
    }

    @Test
    void perCpuArrayWithOneSlotSet() {
        int cpus = org.jbpf.loader.Cpus.possible();
        MapSpec spec = new MapSpec("pc_array", MapTypes.PERCPU_ARRAY, 4, 12, 1024, 0, 0, 0);
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, byte[]> a = BpfMap.of(o.map("pc_array"), Codecs.INT, Codecs.bytes(12), false);
            List<byte[]> values = new ArrayList<>();
            for (int c = 0; c < cpus; c++) values.add(key(c + 5, 12));
            a.putPerCpu(77, values, UpdateMode.ANY);
            assertEquals(1024, a.entriesPerCpu().size());
            List<Map.Entry<Integer, List<byte[]>>> all = a.entriesPerCpu();
            assertEquals(1024, all.size());
            for (int i = 0; i < 1024; i++) {
                assertEquals(i, all.get(i).getKey(), "an array is walked in index order");
                for (int c = 0; c < cpus; c++)
                    assertArrayEquals(i == 77 ? key(c + 5, 12) : new byte[12], all.get(i).getValue().get(c), "index " + i + " CPU " + c);
            }
            assertEquals("program", a.walkPath());
        }
    }

    @Test
    void smallMapsGoByBatch() {
        MapSpec spec = new MapSpec("small", MapTypes.HASH, 4, 8, 64, 0, 0, 0);
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, Long> m = BpfMap.of(o.map("small"), Codecs.INT, Codecs.LONG, false);
            m.put(1, 2L);
            assertEquals(List.of(Map.entry(1, 2L)), m.entries());
            assertEquals("batch lookup (fewer than 1024 entries)", m.walkPath());
        }
    }
}
