package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.lower.BodyLowering;
import org.jbpf.translator.lower.Emitter;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * {@code Math.multiplyHigh(x, y)}: the upper 64 bits of the signed 128-bit product, which BPF has no instruction for.
 * It is built from 32-bit halves as schoolbook multiplication: the low halves' product carries into the cross
 * products, and the sum of the high halves' product, the cross products' upper parts and that carry is the answer, in
 * straight-line code of four multiplications.
 */
final class WideMultiply {
    private WideMultiply() {}

    static boolean handles(MethodInsnNode mi) {
        return mi.owner.equals("java/lang/Math") && mi.name.equals("multiplyHigh") && mi.desc.equals("(JJ)J");
    }

    static Value type(TypingCall c) {
        Long[] k = new Long[2];
        for (int i = 0; i < 2; i++) {
            if (!(c.args().get(i) instanceof Value.Scalar s)) throw c.error("multiplyHigh needs numbers");
            k[i] = s.constant();
        }
        return new Value.Scalar(true, k[0] != null && k[1] != null ? Math.multiplyHigh(k[0], k[1]) : null);
    }

    static void lower(LoweringCall c) {
        if (c.result() instanceof Value.Scalar s && s.constant() != null) {
            c.body().push(new org.jbpf.translator.lower.Operand.Imm(s.constant()));
            return;
        }
        BodyLowering body = c.body();
        Emitter out = c.out();
        int xHigh = body.ownedCopy(c.args().get(0), true), yHigh = body.ownedCopy(c.args().get(1), true);
        int xLow = copy(out, xHigh), yLow = copy(out, yHigh);
        out.emit(ALU64 | ARSH | K, xHigh, 0, 0, 32);
        out.emit(ALU64 | ARSH | K, yHigh, 0, 0, 32);
        out.emit(ALU | MOV | X, xLow, xLow, 0, 0);   // a 32-bit move clears the upper half
        out.emit(ALU | MOV | X, yLow, yLow, 0, 0);
        int lowProduct = copy(out, xLow);
        out.emit(ALU64 | MUL | X, lowProduct, yLow, 0, 0);
        out.emit(ALU64 | RSH | K, lowProduct, 0, 0, 32);
        int t = copy(out, xHigh);                          // t = xHigh * yLow + (xLow * yLow >>> 32)
        out.emit(ALU64 | MUL | X, t, yLow, 0, 0);
        out.emit(ALU64 | ADD | X, t, lowProduct, 0, 0);
        int middle = copy(out, t);                         // middle = (t & 0xffffffff) + xLow * yHigh
        out.emit(ALU | MOV | X, middle, middle, 0, 0);
        out.emit(ALU64 | MUL | X, xLow, yHigh, 0, 0);
        out.emit(ALU64 | ADD | X, middle, xLow, 0, 0);
        out.emit(ALU64 | ARSH | K, t, 0, 0, 32);            // result = xHigh * yHigh + (t >> 32) + (middle >> 32)
        out.emit(ALU64 | ARSH | K, middle, 0, 0, 32);
        out.emit(ALU64 | MUL | X, xHigh, yHigh, 0, 0);
        out.emit(ALU64 | ADD | X, xHigh, t, 0, 0);
        out.emit(ALU64 | ADD | X, xHigh, middle, 0, 0);
        c.pushResult(xHigh);
    }

    private static int copy(Emitter out, int reg) {
        int t = out.newVreg();
        out.mov64(t, reg);
        return t;
    }
}
