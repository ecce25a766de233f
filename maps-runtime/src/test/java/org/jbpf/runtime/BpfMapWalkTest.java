package org.jbpf.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.fake.FakeBpf;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls.ObjectKind;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;
import org.junit.jupiter.api.Test;

/** BpfMap's walks (batch, and get-next-key where the kernel has no batch lookup) against a fake kernel. */
class BpfMapWalkTest {
    private final FakeBpf kernel = new FakeBpf();

    private BpfMap<Integer, Long> hashMap(int maxEntries) {
        Fd fd = kernel.mapCreate(MapTypes.HASH, 4, 8, maxEntries, 0, "counts", 0, 0, 0);
        return BpfMap.of(new LoadedMap(new MapSpec("counts", MapTypes.HASH, 4, 8, maxEntries, 0, 0, 0), fd, null),
                Codecs.INT, Codecs.LONG, true);
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(i);
        return out;
    }

    @Test
    void entriesComeInBatchesOfAChunkEach() {
        try (BpfMap<Integer, Long> m = hashMap(1000)) {
            for (int i = 0; i < 1000; i++) m.put(i, i * 10L);
            List<Map.Entry<Integer, Long>> all = m.entries();
            assertEquals(1000, all.size());
            for (int i = 0; i < 1000; i++) assertEquals(Map.entry(i, i * 10L), all.get(i));
            assertEquals(1000, m.size());
            assertEquals(range(1000), m.keys());
            assertEquals(3, kernel.count("BPF_MAP_LOOKUP_BATCH"), "1000 entries of 12 bytes fit one chunk: one call per walk");
            assertEquals(0, kernel.count("BPF_MAP_GET_NEXT_KEY"));
        }
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void aWalkThatSawManyEntriesMakesTheNextOneByProgramAndARefusalIsRemembered() {
        try (BpfMap<Integer, Long> m = hashMap(4096)) {
            for (int i = 0; i < 3000; i++) m.put(i, i * 7L);
            assertEquals("batch lookup (no walk yet)", m.walkPath());
            assertEquals(3000, m.entries().size());
            assertEquals(0, kernel.count("mmap"), "a map of 4096 entries is walked by batch first");
            assertEquals("program from the next walk, where the kernel lets it", m.walkPath());
            List<Map.Entry<Integer, Long>> all = m.entries();
            assertEquals(3000, all.size());
            assertEquals(Map.entry(2999, 2999 * 7L), all.get(2999));
            assertEquals("batch lookup (not by program: mmap of map fd 1001 failed: ENODEV: no such device)", m.walkPath());
            assertEquals(3000, m.size());
            assertEquals(1, kernel.count("mmap"), "refused once, then remembered");
            assertEquals(0, kernel.count("BPF_PROG_LOAD"), "nothing loaded once the array cannot be mapped");
            assertEquals(List.of(m.fd().value()), kernel.openFds(), "the walk's array is closed");
        }
        assertEquals(List.of(), kernel.openFds());
        assertEquals(List.of(), kernel.problems());
    }

    @Test
    void aRefusedDumpProgramIsToldByTheVerifiersLastLineAndLeavesNothingOpen() {
        kernel.mapsMaps = true;
        kernel.progLoadErrno = attr -> "jbpf_dump".equals(attr.name()) ? Errno.EACCES : 0;
        kernel.verifierLog = "0: (85) call bpf_for_each_map_elem#164\nR2 invalid mem access 'scalar'\n"
                + "processed 14 insns (limit 1000000) max_states_per_insn 0\n";
        try (BpfMap<Integer, Long> m = hashMap(16384)) {
            m.put(3, 4L);
            assertEquals(List.of(Map.entry(3, 4L)), m.entries());
            assertEquals("batch lookup (not by program: the kernel refused the dump program (EACCES: R2 invalid mem access "
                    + "'scalar'))", m.walkPath());
            assertEquals(List.of("BPF_PROG_LOAD+btf", "BPF_PROG_LOAD+btf+log65536"), loads());
            assertEquals(List.of(m.fd().value()), kernel.openFds(), "the array and BTF are closed");
            assertEquals(0, kernel.mappings(), "the array is unmapped");
            m.entries();
            assertEquals(1, kernel.count("mmap"), "refused once, then remembered");
        }
        assertEquals(List.of(), kernel.problems());
    }

    @Test
    void aKernelThatCannotRunTheProgramFallsBackAndTheKeptCopyIsReleased() {
        kernel.mapsMaps = true;
        try (BpfMap<Integer, Long> m = hashMap(16384)) {
            m.put(3, 4L);
            assertEquals(List.of(Map.entry(3, 4L)), m.entries());
            assertTrue(m.walkPath().startsWith("batch lookup (not by program: BPF_PROG_TEST_RUN"), m.walkPath());
            assertEquals(List.of(m.fd().value()), kernel.openFds());
            assertEquals(0, kernel.mappings());
        }
        assertEquals(List.of(), kernel.problems());
    }

    private List<String> loads() {
        List<String> out = new ArrayList<>();
        for (String c : kernel.calls()) if (c.startsWith("BPF_PROG_LOAD")) out.add(c);
        return out;
    }

    @Test
    void aWalkThatSawFewEntriesKeepsTheNextOneByBatch() {
        try (BpfMap<Integer, Long> m = hashMap(8192)) {
            for (int i = 0; i < 1023; i++) m.put(i, 1L);
            assertEquals(1023, m.size());
            assertEquals(1023, m.size());
            assertEquals("batch lookup (the last walk saw 1023 entries)", m.walkPath());
            assertEquals(0, kernel.count("mmap"));
            assertEquals(2, kernel.count("BPF_MAP_LOOKUP_BATCH"));
        }
        try (BpfMap<Integer, Long> m = hashMap(16384)) {
            m.put(1, 1L);
            assertEquals(1, m.size());
            assertEquals(1, kernel.count("mmap"), "a map of 16384 entries is walked by program from the first walk");
        }
    }

    @Test
    void withoutBatchLookupTheWalkFallsBackToGetNextKeyAndRemembersThat() {
        kernel.batchErrno = Errno.EINVAL;
        try (BpfMap<Integer, Long> m = hashMap(64)) {
            for (int i = 0; i < 20; i++) m.put(i, (long) -i);
            assertEquals(20, m.entries().size());
            assertEquals(Map.entry(7, -7L), m.entries().get(7));
            assertEquals(1, kernel.count("BPF_MAP_LOOKUP_BATCH"), "asked once, then remembered as unsupported");
            assertEquals(21 * 2, kernel.count("BPF_MAP_GET_NEXT_KEY"), "20 keys and the end, per walk");
        }
    }

    @Test
    void aBatchErrorAfterTheFirstChunkIsAnErrorNotAFallback() {
        kernel.batchErrno = Errno.EFAULT;
        try (BpfMap<Integer, Long> m = hashMap(8)) {
            m.put(1, 1L);
            BpfException e = assertThrows(BpfException.class, m::entries);
            assertEquals("BPF_MAP_LOOKUP_BATCH of map \"counts\" failed: EFAULT: the kernel could not read or write a buffer it was given",
                    e.getMessage());
        }
    }

    @Test
    void aBucketLargerThanTheChunkGrowsTheBuffersAndTheWalkGoesOn() {
        kernel.batchMinChunk = 100_000;
        try (BpfMap<Integer, Long> m = hashMap(50_000)) {
            for (int i = 0; i < 50_000; i++) m.put(i, 1L);
            assertEquals(50_000, m.size());
            assertTrue(kernel.count("BPF_MAP_LOOKUP_BATCH") > 2, "ENOSPC answers, then the grown chunk");
        }
    }

    @Test
    void keysDeletedUnderAGetNextKeyWalkNeverMakeItReportAKeyTwice() {
        kernel.batchErrno = Errno.EINVAL;
        try (BpfMap<Integer, Long> m = hashMap(64)) {
            for (int i = 0; i < 30; i++) m.put(i, 1L);
            FakeBpf.FakeMap state = kernel.map(m.fd().value());
            // like a probe deleting the key the walk stands on: the kernel's next GET_NEXT_KEY restarts from the first key
            int[] calls = {0};
            kernel.afterNextKey = () -> {
                if (++calls[0] % 7 == 0 && kernel.lastNextKey != null) state.entries.remove(kernel.lastNextKey);
            };
            List<Integer> keys = m.keys();
            assertEquals(keys.size(), new HashSet<>(keys).size(), "each key once: " + keys);
            assertTrue(kernel.count("BPF_MAP_GET_NEXT_KEY") > 31, "the walk restarted at least once");
            for (ByteBuffer k : state.entries.keySet())
                assertTrue(keys.contains(k.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt()), "a key never deleted is reported");
            kernel.afterNextKey = () -> {};
            assertEquals(state.entries.size(), m.size());
        }
    }

    @Test
    void forEachRawHandsOutViewsWithoutDecoding() {
        try (BpfMap<Integer, Long> m = hashMap(300)) {
            for (int i = 0; i < 300; i++) m.put(i, i * 2L);
            long[] sum = {0};
            int[] n = {0};
            m.forEachRaw((k, v) -> {
                assertEquals(4, k.remaining());
                assertEquals(8, v.remaining());
                int key = k.getInt();
                assertEquals(key * 2L, v.getLong());
                sum[0] += key;
                n[0]++;
            });
            assertEquals(300, n[0]);
            assertEquals(299 * 300 / 2, sum[0]);
        }
    }

    @Test
    void aVisitorMayUseTheSameMapWhileItWalks() {
        try (BpfMap<Integer, Long> m = hashMap(50)) {
            for (int i = 0; i < 50; i++) m.put(i, (long) i);
            List<Long> seen = new ArrayList<>();
            m.forEach((k, v) -> {
                seen.add(m.get(k));
                assertEquals(50, m.entries().size(), "a nested walk has buffers of its own");
            });
            assertEquals(50, seen.size());
            assertEquals(49L, seen.get(49));
        }
    }

    @Test
    void singleEntryOperationsUseTheThreadsBuffers() {
        try (BpfMap<Integer, Long> m = hashMap(2)) {
            assertNull(m.get(5));
            m.put(5, 50L);
            assertEquals(50L, m.get(5));
            assertFalse(m.put(5, 51L, UpdateMode.NOEXIST));
            assertFalse(m.put(6, 60L, UpdateMode.EXIST));
            m.put(6, 60L);
            assertThrows(MapFullException.class, () -> m.put(7, 70L));
            assertTrue(m.remove(5));
            assertFalse(m.remove(5));
            assertTrue(m.containsKey(6));
            m.clear();
            assertEquals(0, m.size());
        }
    }

    @Test
    void perCpuValuesGoOnePerCpuWithPaddingZeroed() {
        int cpus = org.jbpf.loader.Cpus.possible();
        Fd fd = kernel.mapCreate(MapTypes.PERCPU_HASH, 4, 4, 8, 0, "pc", 0, 0, 0);
        try (BpfMap<Integer, Integer> m = BpfMap.of(new LoadedMap(new MapSpec("pc", MapTypes.PERCPU_HASH, 4, 4, 8, 0, 0, 0), fd, null),
                Codecs.INT, Codecs.INT, true)) {
            List<Integer> values = new ArrayList<>();
            for (int c = 0; c < cpus; c++) values.add(c + 100);
            m.putPerCpu(1, values, UpdateMode.ANY);
            assertEquals(values, m.getPerCpu(1));
            assertEquals(values, m.entriesPerCpu().get(0).getValue());
            byte[] raw = kernel.map(fd.value()).entries.values().iterator().next();
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < cpus; c++) assertEquals(0, b.getInt(c * 8 + 4), "padding of CPU " + c);
        }
    }

    @Test
    void openPinnedRawRefusesAProgramWithoutReadingItsInfo() {
        kernel.pinned("/sys/fs/bpf/prog", ObjectKind.PROGRAM, null);
        BpfException e = assertThrows(BpfException.class, () -> BpfMap.openPinnedRaw(Path.of("/sys/fs/bpf/prog"), kernel));
        assertEquals("/sys/fs/bpf/prog is a pinned program, not a map", e.getMessage());
        kernel.pinned("/sys/fs/bpf/m", ObjectKind.MAP, kernel.newMap(MapTypes.ARRAY, 4, 16, 4, "m"));
        try (BpfMap<byte[], byte[]> m = BpfMap.openPinnedRaw(Path.of("/sys/fs/bpf/m"), kernel)) {
            assertEquals(16, m.spec().valueSize());
            assertEquals(4, m.size());
        }
        assertEquals(List.of(), kernel.openFds());
    }
}
