package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.comm;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.pollUntil;
import static org.jbpf.it.tools.ClassicToolsKernelTest.records;
import static org.jbpf.it.tools.ClassicToolsKernelTest.start;
import static org.jbpf.it.tools.ClassicToolsKernelTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.examples.tools.SigSnoop;
import org.jbpf.it.Backend;
import org.jbpf.runtime.CStrings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Process tools: exitsnoop (exit codes as wait(2) reports them, and lifetimes, of the processes the test starts) and
 * sigsnoop (the signals the test sends a process, as generated and as taken by it, with results and handlers). Each
 * is translated on both backends, simulated, loaded and attached before the test starts its workload.
 */
class ProcessToolsKernelTest {
    static final int SIGKILL = 9, SIGUSR1 = 10, SIGUSR2 = 12, SIGCONT = 18, SIGSTOP = 19, SIGWINCH = 28;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void exitSnoopReportsExitCodesSignalsAndLifetimes(Backend backend) {
        try (BPF bpf = load(backend, ExitSnoop.class, "targetPid", PID)) {
            Process ok = start("/bin/true");
            Process three = start("/bin/sh", "-c", "exit 3");
            Process slow = start("/bin/sleep", "0.2");
            Process killed = start("/bin/sleep", "30");
            pollUntil(() -> comm((int) killed.pid()).equals("sleep"));
            killed.destroyForcibly();
            assertEquals(List.of(0, 3, 0, 128 + SIGKILL), List.of(waitFor(ok), waitFor(three), waitFor(slow), waitFor(killed)));
            Set<Integer> ours = Set.of((int) ok.pid(), (int) three.pid(), (int) slow.pid(), (int) killed.pid());
            Map<Integer, ExitSnoop.Exit> byPid = new TreeMap<>();
            for (ExitSnoop.Exit e : records(bpf, ExitSnoop.exits, ExitSnoop.Exit.class, 4, e -> ours.contains(e.pid))) {
                assertEquals(null, byPid.put(e.pid, e), "one record per process");
                assertEquals(PID, e.parent);
            }
            assertEquals(List.of("true 0", "sh " + (3 << 8), "sleep 0", "sleep " + SIGKILL), List.of(line(byPid.get((int) ok.pid())),
                    line(byPid.get((int) three.pid())), line(byPid.get((int) slow.pid())), line(byPid.get((int) killed.pid()))),
                    "exit status in bits 8-15, the killing signal in the low bits");
            long slowLife = byPid.get((int) slow.pid()).lifeNanos;
            assertTrue(slowLife >= 200_000_000L && slowLife < 10_000_000_000L, "sleep 0.2 lived " + slowLife + " ns");
            long quick = byPid.get((int) ok.pid()).lifeNanos;
            assertTrue(quick > 0 && quick < slowLife, "true lived " + quick + " ns");
        }
    }

    /** The state letter of process {@code pid} (R, S, T...), '?' when it is gone. */
    static char processState(int pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (java.io.IOException e) {
            return '?';
        }
    }

    static String line(ExitSnoop.Exit e) { return e == null ? "missing" : CStrings.text(e.comm) + " " + e.exitCode; }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sigSnoopSeesEachSignalGeneratedAndTaken(Backend backend) {
        // SIGUSR2 ignored by the shell stays ignored across its exec of sleep
        Process sleeper = start("/bin/sh", "-c", "trap '' USR2; exec /bin/sleep 30");
        int child = (int) sleeper.pid();
        try {
            pollUntil(() -> comm(child).equals("sleep"));
            assertEquals("sleep", comm(child), "the shell has exec'd sleep");
            try (BPF bpf = load(backend, SigSnoop.class, "targetPid", child)) {
                assertEquals(0, Libc.C.kill(child, SIGWINCH));
                assertEquals(0, Libc.C.kill(child, SIGUSR2));
                assertEquals(0, Libc.C.kill(child, SIGSTOP));
                pollUntil(() -> processState(child) == 'T');
                assertEquals('T', processState(child), "stopped");
                assertEquals(0, Libc.C.kill(child, SIGCONT));
                pollUntil(() -> processState(child) != 'T');
                assertEquals(0, Libc.C.kill(child, SIGUSR1));
                assertEquals(128 + SIGUSR1, waitFor(sleeper), "killed by SIGUSR1");
                List<String> seen = new ArrayList<>();
                for (SigSnoop.Event e : records(bpf, SigSnoop.events, SigSnoop.Event.class, 7, e -> true)) {
                    assertEquals(List.of(0, child), List.of(e.code, e.thread), "sent by kill(2) (SI_USER), to or in the sleeping thread");
                    seen.add(e.kind == SigSnoop.GENERATED ? "sent " + e.signal + " by " + (e.sender == PID ? "us" : e.sender) + " result " + e.result
                            : "taken " + e.signal + " handler " + e.handler);
                }
                assertEquals(List.of("sent 28 by us result 1", "sent 12 by us result 1", "sent 19 by us result 0", "taken 19 handler 0",
                        "sent 18 by us result 1", "sent 10 by us result 0", "taken 9 handler 0"), seen,
                        "SIGWINCH ignored by default, SIGUSR2 by the inherited SIG_IGN; SIGSTOP taken with its default action;"
                        + " SIGCONT resumes the process as it is sent and is then ignored; SIGUSR1, fatal without a handler, is"
                        + " queued as SIGKILL for the whole process as it is sent (the exit status still names SIGUSR1)");
            }
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
