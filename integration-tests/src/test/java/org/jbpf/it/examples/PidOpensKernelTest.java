package org.jbpf.it.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.examples.PidOpens;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.ProgramInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pid-filtered tracer: only the process named by the load-time constant is counted, exactly, while others open
 * files too; a global Java sets pauses it; and with the constant left at 0 the verifier drops the filter.
 */
class PidOpensKernelTest {
    /** perl waits for a line, opens a file 50 times, waits again, opens it 30 more times. */
    static final String CHILD = "$| = 1; <STDIN>; open(my $f, '<', '/etc/hostname') or die for 1..50; print \"a\\n\"; "
            + "<STDIN>; open(my $g, '<', '/etc/hostname') or die for 1..30; print \"b\\n\";";

    @ParameterizedTest
    @EnumSource(Backend.class)
    void countsOnlyTheTargetProcessAndStopsWhenPaused(Backend backend) throws Exception {
        KernelCheck.require();
        Process child = new ProcessBuilder("perl", "-e", CHILD).start();
        int pid = (int) child.pid();
        try (BPF bpf = BPF.builder(backend.translate(PidOpens.class), PidOpens.class).constant("targetPid", pid).loadAndAttach()) {
            OutputStream in = child.getOutputStream();
            in.write('\n');
            in.flush();
            assertEquals('a', child.getInputStream().read());
            // this JVM opens files too; none of them are counted
            for (int i = 0; i < 20; i++) java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/etc/hostname"));
            assertEquals(50L, bpf.map(PidOpens.opens).get(pid), "perl's single thread is the process's thread " + pid);
            assertEquals(1, bpf.map(PidOpens.opens).size());

            bpf.global("paused").set(true);
            in.write('\n');
            in.flush();
            in.close();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
            assertEquals(50L, bpf.map(PidOpens.opens).get(pid), "paused: the last 30 opens are not counted");
        } finally {
            child.destroy();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutATargetTheVerifierDropsTheFilter(Backend backend) {
        KernelCheck.require();
        int all, one;
        try (BPF bpf = BPF.builder(backend.translate(PidOpens.class), PidOpens.class).load()) {
            all = ProgramInfo.of(bpf.program("enterOpenat").fd()).verifiedInsns();
        }
        try (BPF bpf = BPF.builder(backend.translate(PidOpens.class), PidOpens.class).constant("targetPid", 1).load()) {
            one = ProgramInfo.of(bpf.program("enterOpenat").fd()).verifiedInsns();
        }
        assertTrue(all < one, "verified instructions: " + all + " for every process, " + one + " with a target");
    }
}
