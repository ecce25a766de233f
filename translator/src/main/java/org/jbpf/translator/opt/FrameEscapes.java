package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.mir.Mir;

/**
 * The bytes of the BPF frame that code other than direct {@code r10} loads and stores may reach: an address taken as
 * {@code rX = r10; rX += K} lets helpers and pointer accesses reach the whole frame area that holds K (a struct, key,
 * array or scratch area the lowering allocated), or everything from K up to the frame's top where no area is known.
 */
public final class FrameEscapes {
    private static final int FRAME = StackFrameLayout.MAX_STACK;

    private FrameEscapes() {}

    /** Escaped bytes: bit i stands for frame offset i - 512. */
    static BitSet of(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        BitSet escaped = new BitSet(FRAME);
        for (int p = 0; p < code.size(); p++) {
            Mir.MInsn m = code.get(p);
            if (m.isLabel()) continue;
            int c = cls(m.opcode);
            if ((c == LDX && m.src != R10 || (c == ST || c == STX) && m.dst != R10) && m.off < 0)
                return everything();   // a pointer reaching below itself: assume it may be a frame address
            if (m.opcode != (ALU64 | MOV | X) || m.src != R10) continue;
            Mir.MInsn next = p + 1 < code.size() ? code.get(p + 1) : null;
            if (next == null || next.isLabel() || next.opcode != (ALU64 | ADD | K) || next.dst != m.dst || next.imm >= 0
                    || next.imm < -FRAME)
                return everything();
            int k = (int) next.imm, from = k, to = 0;
            for (Map.Entry<Integer, Integer> a : mir.frameAreas.entrySet())
                if (a.getKey() <= k && k < a.getKey() + a.getValue()) { from = a.getKey(); to = a.getKey() + a.getValue(); }
            escaped.set(Math.max(0, from + FRAME), to + FRAME);   // below the 512 bytes: see StackLoadForwarding.forgetEscaped
        }
        return escaped;
    }

    private static BitSet everything() {
        BitSet all = new BitSet(FRAME);
        all.set(0, FRAME);
        return all;
    }

    /** Whether a call may write memory the program passes it (which may be a frame address). */
    public static boolean callWritesMemory(Mir.MInsn call) {
        if (call.src != 0) return true;   // a BPF function or a kernel function: anything its pointers reach
        switch ((int) call.imm) {
            case HelperTable.MAP_LOOKUP_ELEM:
            case HelperTable.MAP_UPDATE_ELEM:
            case HelperTable.MAP_DELETE_ELEM:
            case HelperTable.KTIME_GET_NS:
            case HelperTable.KTIME_GET_BOOT_NS:
            case HelperTable.TRACE_PRINTK:
            case HelperTable.GET_PRANDOM_U32:
            case HelperTable.GET_SMP_PROCESSOR_ID:
            case HelperTable.GET_CURRENT_PID_TGID:
            case HelperTable.GET_CURRENT_UID_GID:
            case HelperTable.PERF_EVENT_OUTPUT:
            case HelperTable.GET_STACKID:
            case HelperTable.RINGBUF_OUTPUT:
            case HelperTable.RINGBUF_RESERVE:
            case HelperTable.RINGBUF_SUBMIT:
            case HelperTable.RINGBUF_DISCARD:
                return false;
            default:
                return true;
        }
    }
}
