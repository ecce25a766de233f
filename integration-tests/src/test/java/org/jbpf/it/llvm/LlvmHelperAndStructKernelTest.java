package org.jbpf.it.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.jbpf.BPF;
import org.jbpf.it.semantics.HelperValues;
import org.jbpf.it.semantics.StructOrMapValue;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.Test;

/**
 * The helper and struct probes of the semantics tests, translated through LLVM: helpers see the calling thread, and a
 * variable holding a map value on one path and a new struct on the other counts every call.
 */
class LlvmHelperAndStructKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
        long syscall(long number);
        int prctl(int option, String arg2, long arg3, long arg4, long arg5);
    }

    static final long SYS_GETTID = 186;
    static final int PR_SET_NAME = 15;

    @Test
    void helpersSeeTheCallingThread() throws Exception {
        LlvmObjects.require();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                checkHelpers();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
    }

    private void checkHelpers() throws Exception {
        LibC.INSTANCE.prctl(PR_SET_NAME, "jbpf-llvm-help", 0, 0, 0);
        int tid = (int) LibC.INSTANCE.syscall(SYS_GETTID);
        int pid = (int) ProcessHandle.current().pid();
        try (BPF bpf = LlvmObjects.loadAndAttach(HelperValues.class)) {
            BpfMap<Integer, Integer> watch = bpf.map(HelperValues.watchTid);
            BpfMap<Integer, HelperValues.Seen> seen = bpf.map(HelperValues.seen);
            watch.put(0, tid);
            long before = System.nanoTime();
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
            assertTrue(s.ktime >= before && s.ktime <= after, "ktime() " + s.ktime + " within [" + before + ", " + after + "]");
            assertTrue(s.ktimeBoot >= s.ktime, "boot time is not below monotonic time");
            assertNotEquals(s.random1, s.random2, "two random() calls");
            assertEquals(110, s.syscallNr, "syscall number of getppid on x86_64");
            String comm = new String(s.comm, StandardCharsets.US_ASCII);
            assertEquals("jbpf-llvm-help", comm.substring(0, comm.indexOf('\0')), "comm()");
        }
    }

    @Test
    void lookupOrNewCountsEveryCall() throws Exception {
        LlvmObjects.require();
        try (BPF bpf = LlvmObjects.loadAndAttach(StructOrMapValue.class)) {
            for (int i = 0; i < 5; i++) LibC.INSTANCE.getppid();
            StructOrMapValue.Counter c = bpf.map(StructOrMapValue.counters).get((int) ProcessHandle.current().pid());
            assertEquals(5L, c.n);
        }
    }
}
