package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link CommLoop} attached to a real tracepoint sees the thread name this test sets, byte by byte. */
class CommLoopKernelTest {
    static final String NAME = "jbpf-arrays";

    @ParameterizedTest
    @EnumSource(Backend.class)
    void loopOverCommSeesTheThreadName(Backend backend) throws Exception {
        KernelCheck.require();
        OnOwnThread.run(() -> check(backend));
    }

    private void check(Backend backend) {
        HelperValuesKernelTest.LibC.INSTANCE.prctl(HelperValuesKernelTest.PR_SET_NAME, NAME, 0, 0, 0);
        int tid = (int) HelperValuesKernelTest.LibC.INSTANCE.syscall(HelperValuesKernelTest.SYS_GETTID);
        try (BPF bpf = backend.loadAndAttach(CommLoop.class)) {
            BpfMap<Integer, Integer> watch = bpf.map(CommLoop.watchTid);
            BpfMap<Integer, Long> seen = bpf.map(CommLoop.seen);
            watch.put(0, tid);
            HelperValuesKernelTest.LibC.INSTANCE.getppid();
            byte[] comm = Arrays.copyOf(NAME.getBytes(StandardCharsets.US_ASCII), 16);
            assertEquals((long) NAME.length(), seen.get(0), "length of comm up to its NUL");
            assertEquals(CommLoop.hash(comm), seen.get(1), "hash of the 16 comm bytes");
        }
    }
}
