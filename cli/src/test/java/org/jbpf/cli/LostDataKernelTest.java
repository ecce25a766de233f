package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.BPF;
import org.jbpf.cli.probes.KeyFlood;
import org.jbpf.cli.probes.ReadFlood;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.MapFill;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Workload;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data a running probe loses without a word from the kernel. A hash map filled past its size by a real probe: the
 * kernel refuses the new keys and the probe goes on; the probe counts each refusal (jbpf adds the count), so jbpf says
 * once, on standard error, which map refused keys, how many and what to do; an LRU map of the same size evicts and is
 * never reported. A pinned map has no such count and is never reported. A ring buffer nobody reads: closing says how
 * many records the probe could not write.
 */
class LostDataKernelTest {
    /** The notice at a read while the probe runs: the count it gives is the probe's at that moment. */
    static final Pattern FULL = Pattern.compile("jbpf: map stamps \\(KeyFlood\\.java field stamps\\) was full and refused (\\d+) "
            + "new keys? so far \\(max_entries 64\\); declare it with more entries or as an LruHashMap\n");
    /** The notice at close of a map no read reported: the final count. */
    static final Pattern FULL_AT_CLOSE = Pattern.compile("jbpf: map stamps \\(KeyFlood\\.java field stamps\\) refused (\\d+) "
            + "new keys? in all because it was full \\(max_entries 64\\); declare it with more entries or as an LruHashMap\n");

    @BeforeEach void needsKernel() {
        Kernel.requireTracefs();
    }

    @Test void runSaysOnceThatAMapIsFull() throws Exception {
        Cli r = Cli.runWhileAttached(RunKernelTest.reader(), "run", "org.jbpf.cli.probes.KeyFlood", "-cp", RunKernelTest.TEST_CLASSES,
                "-d", "1500ms", "-i", "300ms");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().split("map stamps \\(hash").length - 1 >= 2, "several prints, each a walk of the full map:\n" + r.out());
        Matcher told = FULL.matcher(r.err());
        assertTrue(told.find() && Long.parseLong(told.group(1)) > 0, "said while the probe ran:\n" + r.err());
        assertFalse(told.find(), "once, however many prints found it full:\n" + r.err());
        assertFalse(r.err().contains("map recent"), "the LRU map evicts, so it loses nothing to report:\n" + r.err());
        Matcher refused = Pattern.compile("\n +1  ([1-9]\\d*)\n").matcher(r.out());
        assertTrue(refused.find(), "the probe saw refused inserts (refused[1]):\n" + r.out());
    }

    @Test void theJavaApiSaysItOnceAndAnswersFillAndIsFull() throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream notices = new PrintStream(said, true, StandardCharsets.UTF_8);
        Workload reads = RunKernelTest.reader();
        try (BPF bpf = BPF.load(Translator.translate(KeyFlood.class), KeyFlood.class).lossNotices(notices).attachAll()) {
            BpfMap<Long, Long> stamps = bpf.map(KeyFlood.stamps);
            BpfMap<Integer, Long> refused = bpf.map(KeyFlood.refused);
            reads.start();
            waitFor(refused);
            reads.stop();
            MapFill fill = stamps.fill();
            assertEquals(64, fill.entries());
            assertEquals(64, fill.maxEntries());
            assertTrue(fill.isFull() && stamps.isFull(), fill.toString());
            assertEquals(1.0, stamps.fillRatio());
            assertEquals(64, stamps.entries().size());
            assertEquals(64, stamps.size());
            MapFill lru = bpf.map(KeyFlood.recent).fill();
            // the kernel's LRU evicts a batch before it is quite full, so it holds up to 64 keys: never refused
            assertTrue(lru.entries() > 0 && lru.entries() <= 64, lru.toString());
            assertFalse(lru.isFull(), "an LRU map makes room for new keys: " + lru);
            assertFalse(bpf.map(KeyFlood.refused).isFull(), "an array's entries always exist");
            Matcher told = FULL.matcher(said.toString(StandardCharsets.UTF_8));
            assertTrue(told.matches(), "one line for four walks of the full map:\n" + said);
            bpf.detach();
            long probeCounted = refused.get(1);
            assertEquals(probeCounted, stamps.refusedInserts().getAsLong(), "jbpf's count of refused keys is the probe's own");
            assertTrue(Long.parseLong(told.group(1)) <= probeCounted, told.group(1) + " then, " + probeCounted + " now");
            said.reset();
            if (Long.parseLong(told.group(1)) == probeCounted) {
                bpf.close();
                assertEquals("", said.toString(StandardCharsets.UTF_8), "closing does not say it again: nothing more was refused");
            } else {
                bpf.close();
                Matcher last = FULL_AT_CLOSE.matcher(said.toString(StandardCharsets.UTF_8));
                assertTrue(last.matches(), said.toString());
                assertEquals(probeCounted, Long.parseLong(last.group(1)), "closing gives the final count");
            }
        }
    }

    @Test void closingSaysItForAMapNobodyRead() throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Workload reads = RunKernelTest.reader();
        try (BPF bpf = BPF.load(Translator.translate(KeyFlood.class), KeyFlood.class)
                .lossNotices(new PrintStream(said, true, StandardCharsets.UTF_8)).attachAll()) {
            reads.start();
            waitFor(bpf.map(KeyFlood.refused));
            reads.stop();
            assertEquals("", said.toString(StandardCharsets.UTF_8), "no whole-map read yet");
        }
        Matcher told = FULL_AT_CLOSE.matcher(said.toString(StandardCharsets.UTF_8));
        assertTrue(told.matches() && Long.parseLong(told.group(1)) > 0, said.toString(StandardCharsets.UTF_8));
    }

    @Test void dumpingAFullPinnedMapClaimsNoLoss() throws Exception {
        Path pin = Path.of("/sys/fs/bpf/jbpf-full-map-test-" + ProcessHandle.current().pid());
        Workload reads = RunKernelTest.reader();
        try (BPF bpf = BPF.load(Translator.translate(KeyFlood.class), KeyFlood.class).lossNotices(null).attachAll()) {
            reads.start();
            waitFor(bpf.map(KeyFlood.refused));
            reads.stop();
            bpf.map(KeyFlood.stamps).pin(pin);
            Cli dump = Cli.run("map", "dump", pin.toString(), "--top", "1");
            assertEquals(0, dump.status(), dump.err());
            assertTrue(dump.out().contains("(hash, 64 entries)"), dump.out());
            assertEquals("", dump.err(), "a pinned map carries no count of refused keys: nothing is claimed");
        } finally {
            Files.deleteIfExists(pin);
        }
    }

    @Test void closingSaysHowManyRecordsAFullRingDropped() throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Workload reads = RunKernelTest.reader();
        long seen;
        try (BPF bpf = BPF.load(Translator.translate(ReadFlood.class), ReadFlood.class)
                .lossNotices(new PrintStream(said, true, StandardCharsets.UTF_8)).attachAll()) {
            var ring = bpf.ringBufferView(ReadFlood.events, record -> { });  // never read: the one-page ring fills
            reads.start();
            for (int i = 0; i < 2000 && ring.dropped() == 0; i++) Thread.sleep(5);
            reads.stop();
            seen = ring.dropped();
            assertTrue(seen > 0, "the probe's outputs were refused");
        }
        Matcher line = Pattern.compile("jbpf: ring buffer events dropped (\\d+) records because it was full; read it faster "
                + "\\(ringBufferView reads in place\\) or declare the RingBuffer bigger\n").matcher(said.toString(StandardCharsets.UTF_8));
        assertTrue(line.matches(), said.toString(StandardCharsets.UTF_8));
        assertTrue(Long.parseLong(line.group(1)) >= seen, line.group(1) + " at close, " + seen + " before");
    }

    /** Reads until the probe has seen an insert refused (every read() inserts a new key; the map holds 64). */
    private static void waitFor(BpfMap<Integer, Long> refused) throws Exception {
        for (int i = 0; i < 2000; i++) {
            Long n = refused.get(1);
            if (n != null && n > 0) return;
            Files.readAllBytes(Path.of("/proc/self/stat"));
            Thread.sleep(5);
        }
        throw new AssertionError("the probe never saw its map refuse a key: " + refused.get(0) + " inserts taken");
    }
}
