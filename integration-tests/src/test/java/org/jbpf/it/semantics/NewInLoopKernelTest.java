package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Objects made by new inside loops ({@link NewInLoop}) give in the kernel the numbers the same methods give on the JVM. */
class NewInLoopKernelTest {
    private static final long[] STARTS = {0, 1, -1, 50, 7_000_003, -123_456_789_012L, Long.MAX_VALUE, Long.MIN_VALUE};

    @ParameterizedTest
    @EnumSource(Backend.class)
    void objectsMadeInLoopsGiveJavasNumbers(Backend backend) {
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(NewInLoop.class), NewInLoop.class)) {
            BpfMap<Integer, Long> in = bpf.map(NewInLoop.in), out = bpf.map(NewInLoop.out);
            BpfMap<Integer, NewInLoop.Pair> sent = bpf.map(NewInLoop.sent);
            for (long x : STARTS) {
                in.put(0, x);
                for (String program : new String[] {"runCopied", "runArguments", "runLast", "runSent"})
                    assertEquals(2, bpf.program(program).testRun(new byte[64], 1).retval(), program + " from " + x);
                assertEquals(NewInLoop.copiedFirst(x), out.get(0), "copiedFirst(" + x + ")");
                assertEquals(NewInLoop.argumentsFirst(x), out.get(1), "argumentsFirst(" + x + ")");
                assertEquals(NewInLoop.lastAfterLoop(x), out.get(2), "lastAfterLoop(" + x + ")");
                for (int i = 0; i < 4; i++) {
                    assertEquals(x + i, sent.get(i).a, "sent[" + i + "].a from " + x);
                    assertEquals((x + i) * 10, sent.get(i).b, "sent[" + i + "].b from " + x);
                }
                runs++;
            }
        }
        assertEquals(STARTS.length, runs);
    }
}
