package org.jbpf.it.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.examples.ReadBytes;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ReadBytes example counts each process's read() calls and bytes with increment and add. Two dd runs that differ
 * only in their block count start up alike, so their counts differ by exactly the extra blocks.
 */
class ReadBytesKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void countsReadsAndBytesPerProcess(Backend backend) throws Exception {
        KernelCheck.require();
        try (BPF bpf = backend.loadAndAttach(ReadBytes.class)) {
            int few = dd(10), many = dd(20);   // equal-length arguments: startup reads alike
            BpfMap<Integer, Long> reads = bpf.map(ReadBytes.reads), bytes = bpf.map(ReadBytes.bytes);
            assertTrue(reads.get(few) >= 10, "reads of dd count=10: " + reads.get(few));
            assertEquals(10L, reads.get(many) - reads.get(few));
            assertEquals(10 * 1000L, bytes.get(many) - bytes.get(few));
        }
    }

    /** Runs dd copying {@code blocks} blocks of 1000 bytes from /dev/zero; returns its pid. */
    static int dd(int blocks) throws Exception {
        Process p = new ProcessBuilder("dd", "if=/dev/zero", "of=/dev/null", "bs=1000", "count=" + blocks, "status=none").start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return (int) p.pid();
    }
}
