package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * A counted loop with a bound the verifier does not know around a {@code Loops.numbers} loop left by {@code break}:
 * the shape whose outer counter the kernel widened at the iterator's next until two passes round the outer loop
 * looked the same and it refused the program as an "infinite loop" ({@link CountedAroundNumbersKernelTest}). One
 * counter stays in a register, the other is spilled among many live values.
 */
@Bpf(license = "GPL")
public final class CountedAroundNumbers {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);
    static long gl;

    /** The outer counter kept in a register. */
    static long inRegister(long a, long b) {
        long x1 = b, x0 = a * 3;
        for (int i = 0; i < (int) (a & 3); i++) {
            Loops.Numbers it = Loops.numbers((int) (b & 1), (int) (b & 6));
            while (it.next()) {
                if (x0 > 888L) break;
                x1 += 791L + it.value() * Long.divideUnsigned(gl, x1 | 1);
            }
            it.close();
            if (gl == x1) return 1;
            x1 += i * (long) Long.compare(x0, gl);
        }
        return x1;
    }

    /** The outer counter among more live values than r6–r9 hold, so some are kept on the stack. */
    static long spilled(long a, long b) {
        long v0 = a, v1 = b, v2 = a ^ b, v3 = a * 5, v4 = b - 7, v5 = ~a;
        for (int i = 0; i < (int) (b & 3); i++) {
            Loops.Numbers it = Loops.numbers(0, (int) (a & 7));
            while (it.next()) {
                int n = it.value();
                if (v3 > 999L && n > 2) break;
                v0 += n * v1;
                v4 ^= v2 + n;
            }
            it.close();
            v5 += i * v3;
            v1 ^= v0 + i;
        }
        return v0 * 31 + v1 * 17 + v2 * 13 + v3 * 11 + v4 * 7 + v5;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, inRegister(a, b));
        out.update(1, spilled(a, b));
        return XdpContext.XDP_PASS;
    }
}
