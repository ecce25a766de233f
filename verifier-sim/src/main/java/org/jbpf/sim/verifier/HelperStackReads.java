package org.jbpf.sim.verifier;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.ArgKind;
import org.jbpf.core.helper.HelperSpec;
import org.jbpf.core.helper.HelperTable;

/**
 * The slots of its caller's stack a helper call reads, as the kernel's stack liveness marks them when it checks the
 * call's arguments: a map key or value the bytes of the map's key or value size, a buffer the helper reads the bytes
 * of the size in the next argument, and a buffer it only fills (the kernel's uninitialized memory arguments) none. A
 * pointer into the stack in any other argument, at an unknown offset, or beside a map or size the forward pass of
 * {@link StackLiveness} does not know, reads every slot from it on.
 */
final class HelperStackReads {
    /** Helpers whose buffer, though written, the kernel also requires written before (ARG_PTR_TO_MEM without MEM_UNINIT). */
    private static final int FIB_LOOKUP = HelperTable.FIB_LOOKUP;

    private HelperStackReads() {}

    /** What a helper reads through a pointer: nothing, an unknown number of bytes from it on, or anything it reaches. */
    static final long NOTHING = 0, UNKNOWN_SIZE = -1, ANYWHERE = -2;

    /** What a call's analysis knows of its argument registers: the map in one, a constant in another. */
    interface Arguments {
        /** The map (key size {@code << 10 |} value size) in register {@code r}, or -1 when not known. */
        long map(int r);

        /** The non-negative constant in register {@code r}, or -1 when not known. */
        long constant(int r);
    }

    /**
     * The bytes helper {@code in} reads through the pointer it is given in register {@code r}: a count, or
     * {@link #UNKNOWN_SIZE} or {@link #ANYWHERE}.
     */
    static long bytesRead(Insn in, int r, Arguments a, VerifierContext cx) {
        HelperSpec p = HelperTable.prototype((int) in.imm(), cx.kind.programType);
        if (p == null) return ANYWHERE;
        List<ArgKind> args = p.args();
        ArgKind arg = r <= args.size() ? args.get(r - 1) : ArgKind.ANYTHING;
        switch (arg) {
            case MAP_KEY: case MAP_VALUE: {
                long map = mapBefore(args, a, r);
                return map < 0 ? UNKNOWN_SIZE : arg == ArgKind.MAP_KEY ? map >> 10 : map & StackLiveness.CAP;
            }
            case MEM_WRITE:
                return p.id() != FIB_LOOKUP ? NOTHING : size(a, r + 1);
            case MEM_READ: case MEM_READ_OR_NULL:
                return size(a, r + 1);
            default:
                return ANYWHERE;
        }
    }

    /** @param k the register kinds before the call ({@link StackLiveness}'s encoding) */
    static long of(Insn in, long[] k, VerifierContext cx) {
        Arguments a = new Arguments() {   // a class, not a lambda: see Liveness
            @Override public long map(int r) { return StackLiveness.isMap(k[r]) ? k[r] - StackLiveness.MAP : -1; }
            @Override public long constant(int r) { return StackLiveness.isConstant(k[r]) ? k[r] - StackLiveness.CONST : -1; }
        };
        long used = 0;
        for (int r = 1; r <= 5; r++) {
            if (!StackLiveness.isStack(k[r])) continue;
            long bytes = bytesRead(in, r, a, cx);
            if (bytes == ANYWHERE) return StackLiveness.ALL;
            used |= span(k[r], bytes);
        }
        return used;
    }

    /** The map in the map argument before {@code r}, or -1 when not known. */
    private static long mapBefore(List<ArgKind> args, Arguments a, int r) {
        for (int m = r - 1; m >= 1; m--) if (args.get(m - 1) == ArgKind.MAP_PTR) return a.map(m);
        return -1;
    }

    /** The constant in register {@code r}, or {@link #UNKNOWN_SIZE}. */
    private static long size(Arguments a, int r) { return r <= 5 ? a.constant(r) : UNKNOWN_SIZE; }

    /** The slots of {@code size} bytes from a stack pointer of kind {@code base}; an unknown size reaches the frame's top. */
    private static long span(long base, long size) {
        if (!StackLiveness.isOffset(base)) return StackLiveness.ALL;
        if (base >= 0 || base < -StackState.SIZE) return 0;
        long bytes = size < 0 ? -base : Math.min(size, -base);
        return bytes == 0 ? 0 : StackLiveness.slots(base, (int) bytes);
    }
}
