package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each helper a probe can call returns, in the kernel, what Java knows independently about the calling thread. */
class HelperValuesKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
        long syscall(long number);
        int prctl(int option, String arg2, long arg3, long arg4, long arg5);
    }

    static final long SYS_GETTID = 186;
    static final int PR_SET_NAME = 15;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void helpersSeeTheCallingThread(Backend backend) throws Exception {
        KernelCheck.require();
        OnOwnThread.run(() -> check(backend));
    }

    private void check(Backend backend) throws Exception {
        LibC.INSTANCE.prctl(PR_SET_NAME, "jbpf-helpers", 0, 0, 0);
        int tid = (int) LibC.INSTANCE.syscall(SYS_GETTID);
        int pid = (int) ProcessHandle.current().pid();
        try (BPF bpf = backend.loadAndAttach(HelperValues.class)) {
            BpfMap<Integer, Integer> watch = bpf.map(HelperValues.watchTid);
            BpfMap<Integer, HelperValues.Seen> seen = bpf.map(HelperValues.seen);
            watch.put(0, tid);
            long before = System.nanoTime();   // CLOCK_MONOTONIC, the clock of ktime()
            LibC.INSTANCE.getppid();
            long after = System.nanoTime();
            HelperValues.Seen s = seen.get(0);
            assertEquals(pid, s.pid, "pid()");
            assertEquals(pid, s.tgid, "tgid()");
            assertEquals(tid, s.tid, "tid()");
            assertEquals(((long) pid << 32) | tid, s.pidTgid, "pidTgid()");
            com.sun.security.auth.module.UnixSystem user = new com.sun.security.auth.module.UnixSystem();
            long uid = user.getUid(), gid = user.getGid();
            assertEquals(uid, s.uid, "uid()");
            assertEquals(gid, s.gid, "gid()");
            assertEquals((gid << 32) | uid, s.uidGid, "uidGid()");
            assertTrue(s.cpu >= 0 && s.cpu < Runtime.getRuntime().availableProcessors() * 64, "cpu() " + s.cpu);
            assertTrue(s.ktime >= before && s.ktime <= after, "ktime() " + s.ktime + " within [" + before + ", " + after + "]");
            assertTrue(s.ktimeBoot >= s.ktime, "boot time includes suspend, so it is not below monotonic time");
            assertNotEquals(s.random1, s.random2, "two random() calls");
            assertEquals(110, s.syscallNr, "syscall number of getppid on x86_64");
            String comm = new String(s.comm, StandardCharsets.US_ASCII);
            assertEquals("jbpf-helpers", comm.substring(0, comm.indexOf('\0')), "comm()");
        }
    }
}
