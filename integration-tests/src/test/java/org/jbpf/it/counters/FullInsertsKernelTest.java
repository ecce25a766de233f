package org.jbpf.it.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.MapFullException;
import org.jbpf.runtime.UpdateMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An insert-if-absent into a full hash map, from Java and from a probe: Java gets false for a present key and a
 * MapFullException naming the map for a new one; the probe gets -EEXIST and -E2BIG (from update and from increment's
 * insert). The user is told the map refused keys only once the probe's inserts were refused (a map Java filled to its
 * size has lost nothing), once, naming its Java field and how many keys it refused.
 */
class FullInsertsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFullMapAnswersJavaAndTheProbeAndTheUserIsToldOfTheRefusedKeys(Backend backend) throws Exception {
        KernelCheck.require();
        ByteArrayOutputStream told = new ByteArrayOutputStream();
        try (BPF bpf = backend.loadAndAttach(FullInserts.class)) {
            bpf.lossNotices(new PrintStream(told, true, StandardCharsets.UTF_8));
            BpfMap<Integer, Long> small = bpf.map(FullInserts.small);
            for (int k = 0; k < 4; k++) small.put(k, 1L);
            assertFalse(small.put(0, 9L, UpdateMode.NOEXIST), "a present key: nothing written");
            assertEquals(1L, small.get(0));
            MapFullException e = assertThrows(MapFullException.class, () -> small.put(100, 9L, UpdateMode.NOEXIST));
            assertEquals("BPF_MAP_UPDATE_ELEM of map \"small\" failed: E2BIG: the map is full (max_entries 4); declare it with a "
                    + "bigger max_entries, or as an LruHashMap to evict the least recently used entry", e.getMessage());
            assertEquals(4, small.size());
            bpf.checkFullMaps();
            assertEquals("", told.toString(StandardCharsets.UTF_8), "full, but no program lost a key yet");
            assertEquals(OptionalLong.of(0), small.refusedInserts());

            bpf.map(FullInserts.watchPid).put(0, (int) ProcessHandle.current().pid());
            CountersKernelTest.LibC.INSTANCE.getppid();
            bpf.map(FullInserts.watchPid).put(0, 0);
            assertEquals(-17L, bpf.map(FullInserts.results).get(0), "the probe's insert of a present key: -EEXIST");
            assertEquals(-7L, bpf.map(FullInserts.results).get(1), "the probe's insert of a new key into the full map: -E2BIG");
            assertEquals(-7L, bpf.map(FullInserts.results).get(2), "the probe's increment of a new key: -E2BIG");
            assertEquals(OptionalLong.of(2), small.refusedInserts(), "both refusals counted by the probe, the -EEXIST not");
            assertEquals(4, small.size());
            bpf.checkFullMaps();
            bpf.checkFullMaps();
        }
        assertEquals("jbpf: map small (FullInserts.java field small) was full and refused 2 new keys so far (max_entries 4); "
                + "declare it with more entries or as an LruHashMap\n", told.toString(StandardCharsets.UTF_8), "told once");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFullLpmTrieRefusesWithEnospcAndIsCountedToo(Backend backend) throws Exception {
        KernelCheck.require();
        ByteArrayOutputStream told = new ByteArrayOutputStream();
        try (BPF bpf = BPF.load(backend.translate(FullTrie.class), FullTrie.class)) {
            bpf.lossNotices(new PrintStream(told, true, StandardCharsets.UTF_8));
            bpf.program("insert").testRun(new byte[64], 2);
            assertEquals(OptionalLong.of(0), bpf.map(FullTrie.prefixes).refusedInserts(), "two prefixes fit");
            bpf.checkFullMaps();
            assertEquals("", told.toString(StandardCharsets.UTF_8));
            bpf.program("insert").testRun(new byte[64], 3);
            assertEquals(0L, bpf.map(FullTrie.results).get(1));
            assertEquals(-28L, bpf.map(FullTrie.results).get(3), "the third prefix: -ENOSPC");
            assertEquals(OptionalLong.of(3), bpf.map(FullTrie.prefixes).refusedInserts());
        }
        assertEquals("jbpf: map prefixes (FullTrie.java field prefixes) refused 3 new keys in all because it was full "
                + "(max_entries 2); declare it with more entries\n", told.toString(StandardCharsets.UTF_8));
    }
}
