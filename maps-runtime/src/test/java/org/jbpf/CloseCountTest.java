package org.jbpf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapInsertDrops;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.BtfEncoder;
import org.jbpf.loader.Loader;
import org.jbpf.loader.fake.FakeBpf;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;
import org.jbpf.runtime.UpdateMode;
import org.junit.jupiter.api.Test;

/**
 * The notice of a full map speaks when a map really refused keys, as the probe's own counts say
 * ({@link MapInsertDrops}), never for a map that merely holds max_entries entries: once at the first read that finds
 * a refusal, and at close with the final count when more were refused since. Against a fake kernel, with the counts
 * written as a probe's programs would (one slot per hash map, one value per CPU).
 */
class CloseCountTest {
    private final FakeBpf kernel = new FakeBpf();
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();

    private BPF load(boolean counted) {
        MapSpec counts = new MapSpec("counts", MapTypes.HASH, 4, 8, 4, 0, 0, 0);
        MapSpec lru = new MapSpec("recent", MapTypes.LRU_HASH, 4, 8, 4, 0, 0, 0);
        MapSpec other = new MapSpec("other", MapTypes.HASH, 4, 8, 64, 0, 0, 0);
        List<MapSpec> maps = new ArrayList<>(List.of(counts, lru, other));
        if (counted) maps.add(MapInsertDrops.spec(2, 0, 0));
        BpfObject object = new BpfObject("fake", "GPL", maps, List.of(), null);
        return new BPF(new Loader(BtfEncoder.core(), kernel).load(object), null)
                .lossNotices(new PrintStream(said, true, StandardCharsets.UTF_8));
    }

    private String said() { return said.toString(StandardCharsets.UTF_8); }

    /** What a probe's programs do when the kernel refuses their inserts: add to the map's slot on the CPU they run on. */
    private static void refuse(BPF bpf, int slot, long... perCpu) {
        BpfMap<Integer, Long> c = bpf.map(MapInsertDrops.MAP_NAME, Codecs.INT, Codecs.LONG);
        List<Long> values = new ArrayList<>();
        for (int cpu = 0; cpu < c.getPerCpu(slot).size(); cpu++) values.add(cpu < perCpu.length ? perCpu[cpu] : 0L);
        c.putPerCpu(slot, values, UpdateMode.ANY);
    }

    @Test
    void aMapFilledToItsSizeWithNothingRefusedIsNeverReported() {
        try (BPF bpf = load(true)) {
            BpfMap<Integer, Long> counts = bpf.map("counts", Codecs.INT, Codecs.LONG);
            for (int i = 0; i < 4; i++) counts.put(i, (long) i);
            assertTrue(counts.fill().isFull(), "the map holds max_entries entries: the next new key would be refused");
            assertEquals(4, counts.entries().size());
            assertEquals(OptionalLong.of(0), counts.refusedInserts());
        }
        assertEquals("", said(), "no key was refused: nothing was lost");
    }

    @Test
    void aRefusalIsReportedOnceAtTheReadThatFindsItAndItsFinalCountAtClose() {
        try (BPF bpf = load(true)) {
            BpfMap<Integer, Long> other = bpf.map("other", Codecs.INT, Codecs.LONG);
            refuse(bpf, 1, 2, 1);
            assertEquals(OptionalLong.of(3), other.refusedInserts(), "summed over the CPUs");
            assertEquals(0, other.size());
            assertEquals(0, other.entries().size());
            assertEquals("jbpf: map other (object fake) was full and refused 3 new keys so far (max_entries 64); raise its "
                    + "max_entries or make it an LRU hash map\n", said(), "once, however many reads");
            refuse(bpf, 1, 5, 1);
            bpf.checkFullMaps();
            assertEquals(1, said().split("\n").length, "a map reported is not reported again before close");
        }
        assertEquals("jbpf: map other (object fake) refused 6 new keys in all because it was full (max_entries 64); raise "
                + "its max_entries or make it an LRU hash map", said().split("\n")[1], "its final count at close");
        assertFalse(said().contains("map counts"), "the map whose slot stayed 0 lost nothing:\n" + said());
    }

    @Test
    void aRefusalNoReadFoundIsReportedAtClose() {
        try (BPF bpf = load(true)) {
            refuse(bpf, 0, 0, 1);
        }
        assertEquals("jbpf: map counts (object fake) refused 1 new key in all because it was full (max_entries 4); raise its "
                + "max_entries or make it an LRU hash map\n", said());
    }

    @Test
    void mapsOfAnObjectThatKeepsNoCountAreNotReportedButTellTheirFill() {
        try (BPF bpf = load(false)) {
            BpfMap<Integer, Long> counts = bpf.map("counts", Codecs.INT, Codecs.LONG);
            for (int i = 0; i < 4; i++) counts.put(i, (long) i);
            assertTrue(counts.isFull());
            assertEquals(OptionalLong.empty(), counts.refusedInserts(), "no count: a .o built elsewhere");
            assertEquals(OptionalLong.empty(), bpf.map("recent", Codecs.INT, Codecs.LONG).refusedInserts());
        }
        assertEquals("", said());
    }
}
