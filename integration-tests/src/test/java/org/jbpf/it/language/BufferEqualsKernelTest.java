package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Strings.equals of two byte buffers in the kernel gives what it gives on the JVM, for random texts drawn so that
 * equal texts, NULs at every place and texts that fill their buffer are all common.
 */
class BufferEqualsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void kernelComparesBuffersAsTheJvm(Backend backend) {
        var object = backend.translate(BufferEquals.class);
        KernelCheck.require();
        Random random = new Random(backend.ordinal() * 31L + 5);
        int[] seen = new int[7];
        try (BPF bpf = BPF.load(object, BufferEquals.class)) {
            for (int run = 0; run < 400; run++) {
                BufferEquals.Texts t = new BufferEquals.Texts();
                byte[] base = text(random, 16);
                fill(random, base, t.a);
                fill(random, base, t.b);
                fill(random, base, t.c);
                fill(random, base, t.d);
                bpf.map(BufferEquals.texts).put(0, t);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                long expected = BufferEquals.compare(t);
                assertEquals(expected, bpf.map(BufferEquals.out).get(0), Arrays.toString(t.a) + " " + Arrays.toString(t.b) + " "
                        + Arrays.toString(t.c) + " " + Arrays.toString(t.d));
                for (int k = 0; k < 7; k++) if ((expected & (1L << k)) != 0) seen[k]++;
            }
        }
        // each comparison was true in some runs and false in others (a buffer always equals itself)
        for (int k = 0; k < 6; k++) assertTrue(seen[k] > 0 && seen[k] < 400, "comparison " + k + " true in " + seen[k] + " of 400 runs");
        assertEquals(400, seen[6]);
    }

    /** Letters from a small alphabet, a NUL at a random place or none, and random bytes after it. */
    private static byte[] text(Random random, int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) b[k] = (byte) ("ab".charAt(random.nextInt(2)));
        int nul = random.nextInt(n + 4);
        if (nul < n) b[nul] = 0;
        for (int k = nul + 1; k < n; k++) b[k] = (byte) random.nextInt(256);
        return b;
    }

    /** The shared text cut to the buffer, often with its own NUL, sometimes with one byte changed. */
    private static void fill(Random random, byte[] base, byte[] into) {
        System.arraycopy(base, 0, into, 0, into.length);
        switch (random.nextInt(4)) {
            case 0 -> into[random.nextInt(into.length)] = 0;
            case 1 -> into[random.nextInt(into.length)] = (byte) ("abc".charAt(random.nextInt(3)));
            default -> { }
        }
    }
}
