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

    /** @param k the register kinds before the call ({@link StackLiveness}'s encoding) */
    static long of(Insn in, long[] k, VerifierContext cx) {
        HelperSpec p = HelperTable.prototype((int) in.imm(), cx.kind.programType);
        if (p == null) return StackLiveness.ALL;
        List<ArgKind> args = p.args();
        long used = 0;
        for (int r = 1; r <= 5; r++) {
            if (!StackLiveness.isStack(k[r])) continue;
            ArgKind arg = r <= args.size() ? args.get(r - 1) : ArgKind.ANYTHING;
            switch (arg) {
                case MAP_KEY: case MAP_VALUE: {
                    long map = mapBefore(args, k, r);
                    long size = map < 0 ? -1 : arg == ArgKind.MAP_KEY ? map >> 10 : map & StackLiveness.CAP;
                    used |= span(k[r], size);
                    break;
                }
                case MEM_WRITE:
                    if (p.id() != FIB_LOOKUP) break;
                    used |= span(k[r], size(k, r + 1));
                    break;
                case MEM_READ: case MEM_READ_OR_NULL:
                    used |= span(k[r], size(k, r + 1));
                    break;
                default:
                    return StackLiveness.ALL;
            }
        }
        return used;
    }

    /** The map (key size {@code << 10 |} value size) in the map argument before {@code r}, or -1 when not known. */
    private static long mapBefore(List<ArgKind> args, long[] k, int r) {
        for (int m = r - 1; m >= 1; m--)
            if (args.get(m - 1) == ArgKind.MAP_PTR) return StackLiveness.isMap(k[m]) ? k[m] - StackLiveness.MAP : -1;
        return -1;
    }

    /** The constant in register {@code r}, or -1 when not known. */
    private static long size(long[] k, int r) {
        return r <= 5 && StackLiveness.isConstant(k[r]) ? k[r] - StackLiveness.CONST : -1;
    }

    /** The slots of {@code size} bytes from a stack pointer of kind {@code base}; an unknown size reaches the frame's top. */
    private static long span(long base, long size) {
        if (!StackLiveness.isOffset(base)) return StackLiveness.ALL;
        if (base >= 0 || base < -StackState.SIZE) return 0;
        long bytes = size < 0 ? -base : Math.min(size, -base);
        return bytes == 0 ? 0 : StackLiveness.slots(base, (int) bytes);
    }
}
