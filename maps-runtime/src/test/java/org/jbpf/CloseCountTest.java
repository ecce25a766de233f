package org.jbpf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.BtfEncoder;
import org.jbpf.loader.Loader;
import org.jbpf.loader.attach.Link;
import org.jbpf.loader.fake.FakeBpf;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;
import org.junit.jupiter.api.Test;

/**
 * Closing a {@code BPF} counts each hash map not reported full, to report one that filled up unread; a map read after
 * {@link BPF#detach}, when no program can add to it any more, is not walked again for that, unless a program of the
 * object was attached or run since. Against a fake kernel, counting its batch lookups.
 */
class CloseCountTest {
    private final FakeBpf kernel = new FakeBpf();
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();

    private BPF load() {
        MapSpec counts = new MapSpec("counts", MapTypes.HASH, 4, 8, 4, 0, 0, 0);
        MapSpec other = new MapSpec("other", MapTypes.HASH, 4, 8, 64, 0, 0, 0);
        BpfObject object = new BpfObject("fake", "GPL", List.of(counts, other), List.of(), null);
        return new BPF(new Loader(BtfEncoder.core(), kernel).load(object), null)
                .lossNotices(new PrintStream(said, true, StandardCharsets.UTF_8));
    }

    private long walks() { return kernel.count("BPF_MAP_LOOKUP_BATCH"); }

    @Test
    void closeWalksEachHashMapOnceWhenNothingReadItAfterDetaching() {
        try (BPF bpf = load()) {
            bpf.map("counts", Codecs.INT, Codecs.LONG).put(1, 1L);
            assertEquals(1, bpf.map("counts", Codecs.INT, Codecs.LONG).size(), "read while attached");
            assertEquals(1, walks());
        }
        assertEquals(3, walks(), "a read before detaching may be out of date: both maps are walked at close");
        assertEquals("", said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aReadAfterDetachingIsTheFinalCountAndFindsTheMapFull() {
        try (BPF bpf = load()) {
            BpfMap<Integer, Long> counts = bpf.map("counts", Codecs.INT, Codecs.LONG);
            for (int i = 0; i < 4; i++) counts.put(i, (long) i);
            bpf.detach();
            assertEquals(4, bpf.map("counts", Codecs.INT, Codecs.LONG).entries().size());
            assertEquals(0, bpf.map("other", Codecs.INT, Codecs.LONG).size());
            assertEquals(2, walks());
        }
        assertEquals(2, walks(), "both maps were counted after detaching: close walks neither again");
        assertEquals("jbpf: map counts (object fake) is full: 4 of 4 entries; new keys are dropped by the kernel; raise "
                + "its max_entries or make it an LRU hash map\n", said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aProgramAttachedAgainAfterDetachingMakesCloseWalkAgain() {
        try (BPF bpf = load()) {
            bpf.detach();
            assertEquals(0, bpf.map("counts", Codecs.INT, Codecs.LONG).size());
            assertEquals(0, bpf.map("other", Codecs.INT, Codecs.LONG).size());
            bpf.loaded().register(new Link() {
                @Override public String description() { return "a fake attachment"; }
                @Override public void close() {}
            });
            bpf.map("counts", Codecs.INT, Codecs.LONG).put(7, 7L);
            assertEquals(2, walks());
        }
        assertEquals(4, walks(), "the counts before the new attachment may be out of date");
    }
}
