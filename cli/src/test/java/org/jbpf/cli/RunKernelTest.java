package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.BPF;
import org.jbpf.examples.ProcessCounter;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Workload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jbpf run, map dump and maps against the running kernel. */
class RunKernelTest {
    static final String TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

    @BeforeEach void needsKernel() {
        Kernel.requireTracefs();
    }

    @Test void runPrintsTheHistogramAndStructValuesOfReadLatency() throws Exception {
        Cli r = Cli.runWhileAttached(reader(), "run", "org.jbpf.examples.ReadLatency", "-cp", CommandLineTest.EXAMPLES, "--duration", "1s");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("attached 2 program(s) of ReadLatency"), r.out());
        assertTrue(r.out().contains("map histogram (array, log2 histogram)"), r.out());
        assertTrue(Pattern.compile("\\[\\d+K?, \\d+K?\\) +[1-9]\\d* \\|@+ *\\|").matcher(r.out()).find(), "a bar:\n" + r.out());
        long pid = ProcessHandle.current().pid();
        Matcher stats = Pattern.compile(" " + pid + "  \\{count=(\\d+), totalTime=(\\d+), maxTime=(\\d+)\\}").matcher(r.out());
        assertTrue(stats.find(), "this JVM's read stats:\n" + r.out());
        assertTrue(Long.parseLong(stats.group(1)) >= 10, stats.group());
        assertFalse(r.out().contains("map start "), "the @Scratch start-time map is left out:\n" + r.out());
    }

    @Test void arraysPrintTheirSlotsThatAreNotZero() throws Exception {
        Cli r = Cli.runWhileAttached(spawner("slotspawner"), "run", "org.jbpf.cli.probes.ExecSlots", "-cp", TEST_CLASSES,
                "-d", "1500ms");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("map slots (array, 64 slots, 1 not zero)"), r.out());
        Matcher slot = Pattern.compile("\n +5  (\\d+)\n").matcher(r.out());
        assertTrue(slot.find() && Long.parseLong(slot.group(1)) > 0, "slot 5 counted the spawns:\n" + r.out());
        assertFalse(Pattern.compile("\n +\\d+  0\n").matcher(r.out()).find(), "no zero slot is printed:\n" + r.out());

        Cli apart = Cli.runWhileAttached(spawner("slotspawner"), "run", "org.jbpf.cli.probes.ExecSlots", "-cp", TEST_CLASSES,
                "-d", "1500ms", "--per-cpu");
        assertEquals(0, apart.status(), apart.err());
        assertTrue(apart.out().contains("map cpuSlots (percpu_array, 64 slots, 1 not zero, per CPU)"), apart.out());
        assertTrue(Pattern.compile("\n +5   all  [1-9]\\d*\n").matcher(apart.out()).find(), "slot 5's combined count:\n" + apart.out());
    }

    @Test void intervalShowsChangesAndClearEmptiesTheMaps() throws Exception {
        // prints at 0.5, 1 and 1.5 s and a final one at 2 s: three whole intervals of spawning even when the prints run
        // late, where 1.6 s needed the third print within 100 ms of its time or a spawn in the last 100 ms
        Cli deltas = Cli.runWhileAttached(spawner("deltaspawner"), "run", "org.jbpf.cli.probes.CommCounter", "-cp", TEST_CLASSES,
                "-d", "2s", "-i", "500ms");
        assertEquals(0, deltas.status(), deltas.err());
        List<Long> changes = counts(deltas.out(), "deltaspawner");
        assertTrue(changes.size() >= 3, "a change in each print while spawning:\n" + deltas.out());
        for (long c : changes) assertTrue(c > 0 && c < 40, "a change of one interval, not a running total: " + changes);
        assertTrue(deltas.out().contains("changed entries)"), deltas.out());

        Cli cleared = Cli.runWhileAttached(spawner("clearspawner"), "run", "org.jbpf.cli.probes.CommCounter", "-cp", TEST_CLASSES,
                "-d", "2s", "-i", "500ms", "--clear");
        assertEquals(0, cleared.status(), cleared.err());
        List<Long> perPrint = counts(cleared.out(), "clearspawner");
        assertTrue(perPrint.size() >= 3, cleared.out());
        for (long c : perPrint) assertTrue(c > 0 && c < 40, "counts since the previous print: " + perPrint);
    }

    /** The values printed for command {@code comm}, one per print. */
    private static List<Long> counts(String out, String comm) {
        List<Long> values = new ArrayList<>();
        Matcher m = Pattern.compile("\\{name=" + comm + "\\}  (\\d+)").matcher(out);
        while (m.find()) values.add(Long.parseLong(m.group(1)));
        return values;
    }

    @Test void runPrintsRingBufferEventsAsTheyArrive() throws Exception {
        Cli r = Cli.runWhileAttached(spawner("execspawner"), "run", "org.jbpf.examples.ExecRingEvents", "-cp", CommandLineTest.EXAMPLES,
                "--duration", "2s");
        assertEquals(0, r.status(), r.err());
        assertTrue(Pattern.compile("\nevent events: \\{timestamp=[1-9]\\d*, pid=[1-9]\\d*, comm=execspawner\\}\n").matcher(r.out()).find(),
                "an exec from the spawning thread (the comm before exec), field by field:\n" + r.out());
        assertFalse(r.out().contains("bytes):"), "records of a known struct are not hex dumps:\n" + r.out());
    }

    @Test void runSaysHowManyRecordsAFullRingBufferDropped() throws Exception {
        Cli r = Cli.runWhileAttached(reader(), "run", "org.jbpf.cli.probes.ReadFlood", "-cp", TEST_CLASSES, "--duration", "1s");
        assertEquals(0, r.status(), r.err());
        Matcher dropped = Pattern.compile("event events: (\\d+) records? dropped because the ring buffer was full").matcher(r.out());
        assertTrue(dropped.find(), "a one-page ring overflows under every read() of the machine:\n" + tail(r.out()));
        long n = Long.parseLong(dropped.group(1));
        // the final map print comes after the readers stop, while the probe still runs: its count is at least as large
        Matcher refused = Pattern.compile("\\n +1  (\\d+)\\n").matcher(r.out().substring(dropped.end()));
        assertTrue(refused.find(), "outcomes[1], the refusals the probe saw:\n" + tail(r.out()));
        assertTrue(n > 0 && n <= Long.parseLong(refused.group(1)), n + " dropped, probe saw " + refused.group(1));
        assertFalse(r.out().contains("jbpf_rb_drops"), "the counters themselves are not printed as a map");
    }

    private static String tail(String out) { return out.substring(Math.max(0, out.length() - 2000)); }

    /** Spawns /bin/true every 50 ms from a thread named {@code name}, so execve() sees that command name. */
    static Workload spawner(String name) {
        return Workload.repeating(name, () -> {
            new ProcessBuilder("/bin/true").start().waitFor();
            Thread.sleep(50);
        });
    }

    /** Reads /proc/self/stat again and again: read() calls of this JVM. */
    static Workload reader() {
        return Workload.repeating("statreader", () -> Files.readAllBytes(Path.of("/proc/self/stat")));
    }

    @Test void cStringKeysPrintAsText() throws Exception {
        Cli r = Cli.runWhileAttached(spawner("commspawner"), "run", "org.jbpf.cli.probes.CommCounter", "-cp", TEST_CLASSES,
                "--duration", "1500ms");
        assertEquals(0, r.status(), r.err());
        Matcher row = Pattern.compile(" \\{name=commspawner\\}  (\\d+)").matcher(r.out());
        assertTrue(row.find(), "the spawning thread's name as text:\n" + r.out());
        assertTrue(Long.parseLong(row.group(1)) >= 2, row.group());
        assertFalse(r.out().contains("name=0x"), r.out());
    }

    @Test void stackMapsPrintKernelFramesByName() throws Exception {
        Workload opener = Workload.repeating("statopener", () -> {
            Files.readAllBytes(Path.of("/proc/self/stat"));
            Thread.sleep(5);
        });
        Cli r = Cli.runWhileAttached(opener, "run", "org.jbpf.cli.probes.KernelStacks", "-cp", TEST_CLASSES, "-d", "1500ms");
        assertEquals(0, r.status(), r.err());
        assertTrue(Pattern.compile("map stacks \\(stack_trace, [1-9]\\d* stacks\\)").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("\n {8}do_syscall_64\\+0x[0-9a-f]+\n").matcher(r.out()).find(),
                "a syscall's kernel path, named from /proc/kallsyms:\n" + r.out());
    }

    @Test void intervalPrintsTheMapsRepeatedly() {
        // prints at 1 s and 2 s, then the final one at 3 s: with a duration of whole intervals the prints may run late
        // by up to an interval in all before one falls past the end (at 500 ms, a loaded machine lost the second)
        Cli r = Cli.run("run", "org.jbpf.examples.ProcessCounter", "-cp", CommandLineTest.EXAMPLES, "-d", "3s", "-i", "1s");
        assertEquals(0, r.status(), r.err());
        assertEquals(3, r.out().split("map processCount \\(hash").length - 1, r.out());
    }

    @Test void mapsListsAndDumpShowsAPinnedMap(@TempDir Path unused) throws Exception {
        Path pin = Path.of("/sys/fs/bpf/jbpf-cli-test-" + ProcessHandle.current().pid());
        try (BPF bpf = BPF.load(org.jbpf.translator.Translator.translate(ProcessCounter.class), ProcessCounter.class)) {
            var counts = bpf.map(ProcessCounter.processCount);
            counts.put(4242, 17L);
            counts.put(7, 3L);
            counts.pin(pin);
            Cli list = Cli.run("maps");
            assertEquals(0, list.status(), list.err());
            assertTrue(Pattern.compile(Pattern.quote(pin.toString()) + " +hash +4 +8 +4096").matcher(list.out()).find(), list.out());
            Cli dump = Cli.run("map", "dump", pin.toString());
            assertEquals(0, dump.status(), dump.err());
            assertTrue(dump.out().contains("(hash, 2 entries)"), dump.out());
            assertTrue(dump.out().indexOf("4242  17") < dump.out().indexOf("7  3"), "largest first:\n" + dump.out());
        } finally {
            Files.deleteIfExists(pin);
        }
        Cli gone = Cli.run("map", "dump", pin.toString());
        assertEquals(ExitCodes.FAILED, gone.status());
        assertTrue(gone.err().startsWith("jbpf: no pinned map at " + pin), gone.err());
    }
}
