package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;

/**
 * A byte[] given to printk's {@code %s}: the kernel reads a C string at the address it is given, up to a NUL however far
 * that is, where Java's meaning is the array's bytes up to its first NUL or its end. So the array is copied into a
 * stack area one byte longer that ends with a NUL, and printk is given that area: a text that fills its array prints
 * whole and stops there, as in Java.
 */
final class PrintkTextArguments {
    private PrintkTextArguments() {}

    /** True when printk argument v is text: a local byte[] or one in a struct or map value, known not to be null. */
    static boolean isText(TypingCall c, Value v) {
        if (v instanceof Value.Ptr p && p.target() instanceof ValueType.Bytes && p.nullable())
            throw c.error(p.origin() + " may be null here; test it against null before printing it");
        return isText(v);
    }

    static boolean isText(Value v) {
        return v instanceof Value.StackObj so && so.type() instanceof ValueType.Bytes
                || v instanceof Value.Ptr p && p.target() instanceof ValueType.Bytes;
    }

    /** Copies text argument k into a NUL-ended stack area; returns the register holding the area's address. */
    static Operand terminated(LoweringCall c, int k) {
        Emitter out = c.out();
        int length = ((ValueType.Bytes) (c.values().get(k) instanceof Value.StackObj so ? so.type() : ((Value.Ptr) c.values().get(k)).target())).length();
        Addr from = c.address(k);
        int area = out.allocate((length + 1 + 7) / 8 * 8, 8);
        // a text in a register may be a byte[] field at any offset of a struct on the stack, where wider pieces
        // could be misaligned: it is copied a byte at a time
        out.copyBytes(from, from.reg() == R10 ? 8 : 1, new Addr(R10, area), length);
        out.emit(ST | MEM | B, R10, 0, area + length, 0);
        int address = out.newVreg();
        out.mov64(address, R10);
        out.emit(ALU64 | ADD | K, address, 0, 0, area);
        return new Operand.Reg(address, true);
    }
}
