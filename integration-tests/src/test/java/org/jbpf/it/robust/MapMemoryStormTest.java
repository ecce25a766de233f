package org.jbpf.it.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Map operations allocate no native memory per call: eight threads of put and get on a 100,000-entry hash map in a
 * child JVM with a 64 MiB heap run for the whole storm without an OutOfMemoryError, every get returns the value just
 * put, and the resident set stays flat once warmed up (JNA Memory per call used to grow it by gigabytes and end in
 * OutOfMemoryError within seconds). The heap is touched whole at start, so its growth, which takes longer the busier
 * the machine is, is not in the measure; the storm lasts a fixed number of samples rather than a fixed time.
 */
class MapMemoryStormTest {
    static final int THREADS = 8;
    /** Samples a second apart the storm lasts (longer on a busy machine, which wakes the sampler late). */
    static final int SECONDS = Integer.getInteger("jbpf.robust.stormSeconds", 30);
    /** Growth of the resident set allowed between the warmed-up start and the end of the storm. */
    static final long MAX_GROWTH_KB = 32 * 1024;

    @Test
    void eightThreadsOfPutAndGetKeepMemoryFlat() throws Exception {
        RobustKernel.require();
        Process child = new ProcessBuilder(RobustKernel.java(), "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch",
                "-XX:+ExitOnOutOfMemoryError", "-cp", RobustKernel.classPath(),
                MapStorm.class.getName(), String.valueOf(THREADS), String.valueOf(SECONDS)).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "storm did not end after its last sample:\n" + out);
        assertEquals(0, child.exitValue(), "the storm JVM failed:\n" + out);
        List<long[]> samples = new ArrayList<>();
        long wrong = -1;
        for (String line : out.split("\n")) {
            if (line.startsWith("rss=")) {
                String[] f = line.split("[ =]");
                samples.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[3])});
            } else if (line.startsWith("wrong=")) wrong = Long.parseLong(line.substring(6));
        }
        assertEquals(0, wrong, "gets that did not return the value just put:\n" + out);
        assertEquals(SECONDS, samples.size(), "one line per sample:\n" + out);
        long ops = samples.get(samples.size() - 1)[1];
        assertTrue(ops > 100_000, "the storm ran: " + ops + " operations");
        // warmed up after a third of the run: heap at its size, code compiled, every thread's buffers made
        int warm = samples.size() / 3;
        long startRss = 0, endRss = 0;
        for (int i = warm; i < warm + 3; i++) startRss = Math.max(startRss, samples.get(i)[0]);
        for (int i = samples.size() - 3; i < samples.size(); i++) endRss = Math.max(endRss, samples.get(i)[0]);
        System.out.printf("map storm: %d threads, %d s, %d operations (%.0f/s), RSS %d kB after warm-up, %d kB at the end%n",
                THREADS, SECONDS, ops, ops / (double) SECONDS, startRss, endRss);
        assertTrue(endRss - startRss < MAX_GROWTH_KB, "RSS grew from " + startRss + " kB to " + endRss + " kB:\n" + out);
    }
}
