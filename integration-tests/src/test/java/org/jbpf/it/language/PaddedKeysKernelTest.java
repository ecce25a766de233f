package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys with padding made by the program match keys made by Java with the same fields, both ways: a program's key
 * whose padding held stale stack bytes would miss Java's entry, and Java would not find the program's.
 */
class PaddedKeysKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void paddedKeysMatchJavasKeys(Backend backend) {
        var object = backend.translate(PaddedKeys.class);
        KernelCheck.require();
        int runs = 0;
        try (BPF bpf = BPF.load(object, PaddedKeys.class)) {
            var tagged = bpf.map(PaddedKeys.tagged);
            var mixed = bpf.map(PaddedKeys.mixed);
            var tails = bpf.map(PaddedKeys.tails);
            var outers = bpf.map(PaddedKeys.outers);
            for (long[] ab : ComputingProbesKernelTest.INPUTS.subList(0, 60)) {
                long a = ab[0], b = ab[1];
                tagged.put(new PaddedKeys.Tagged((byte) a, b), 1L);
                tagged.put(new PaddedKeys.Tagged((byte) b, a), 2L);
                PaddedKeys.Mixed m = new PaddedKeys.Mixed();
                m.s = (short) a;
                m.i = (int) b;
                m.b = (byte) (a >> 8);
                m.l = a ^ b;
                mixed.put(m, 3L);
                tails.put(new PaddedKeys.Tail((int) a, (short) b), 4L);
                PaddedKeys.Outer o = new PaddedKeys.Outer();
                o.tag = (byte) b;
                o.inner = new PaddedKeys.Tail((int) (a >> 3), (short) (b >> 5));
                outers.put(o, 5L);
                bpf.map(PaddedKeys.in).put(0, a);
                bpf.map(PaddedKeys.in).put(1, b);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(PaddedKeys.dirty(a) | 0x3f00, bpf.map(PaddedKeys.out).get(0), "a = " + a + ", b = " + b);
                assertEquals(7L, tails.get(new PaddedKeys.Tail((int) b, (short) a)), "the program's Tail key, a = " + a + ", b = " + b);
                assertEquals(9L, mixed.get(m), "the program's Mixed key, a = " + a + ", b = " + b);
                tagged.clear();
                mixed.clear();
                tails.clear();
                outers.clear();
                runs++;
            }
        }
        assertEquals(60, runs);
    }
}
