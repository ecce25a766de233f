package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * Which registers may still be read before being written, at every instruction: a backward pass over each
 * function's control flow, as the kernel computes its live registers before exploring paths. A register dead at a
 * prune point cannot affect what follows, so states that differ only there are the same to the kernel, which
 * forgets dead registers in the states it keeps. Unsure cases count as reads (more live registers only cost pruning).
 */
final class Liveness {
    private static final int ARGS = 0x3e, CALLER_SAVED = 0x3f, ALL = (1 << 10) - 1;

    /** Registers r0-r9 (bit r) live before each instruction. */
    private final long[] liveIn;

    Liveness(List<Insn> insns, Successors flow) {
        liveIn = flow.liveBefore(new Step(insns), ALL);
    }

    /** Registers live before an instruction from those live after it; a class, not a lambda: translate links no method handle. */
    private static final class Step implements Successors.Transfer {
        private final List<Insn> insns;

        Step(List<Insn> insns) { this.insns = insns; }

        @Override public long before(int pc, long after) { return uses(insns.get(pc)) | (after & ~defs(insns.get(pc))); }
    }

    private int at(int pc) { return pc < liveIn.length ? (int) liveIn[pc] : ALL; }

    /** Registers live before instruction {@code pc}. */
    int before(int pc) { return (int) liveIn[pc]; }

    /** Registers of a caller frame live while the function it called at {@code callSite} runs: r6-r9 after the call. */
    int duringCall(int callSite) { return at(callSite + 1) & ~CALLER_SAVED; }

    private static int bit(int r) { return r < 10 ? 1 << r : 0; }

    private static int uses(Insn in) {
        int opc = in.opcode(), op = op(opc), dst = in.dst(), src = in.src();
        switch (cls(opc)) {
            case ALU: case ALU64: {
                int u = op == MOV ? 0 : bit(dst);
                return source(opc) == X && op != NEG && op != END ? u | bit(src) : u;
            }
            case LDX: return bit(src);
            case ST: return bit(dst);
            case STX: return mode(opc) == ATOMIC ? bit(dst) | bit(src) | 1 : bit(dst) | bit(src);
            case LD:
                if (in.isLdImm64()) return 0;
                // a legacy packet load reads the context from r6
                return bit(6) | (mode(opc) == IND ? bit(src) : 0);
            default:
                if (in.isExit()) return 1;
                if (in.isCall()) return ARGS;
                if (op == JA || MayGoto.is(in)) return 0;
                return source(opc) == X ? bit(dst) | bit(src) : bit(dst);
        }
    }

    private static int defs(Insn in) {
        int opc = in.opcode();
        switch (cls(opc)) {
            case ALU: case ALU64: case LDX: return bit(in.dst());
            case LD: return in.isLdImm64() ? bit(in.dst()) : CALLER_SAVED;
            default: return in.isCall() ? CALLER_SAVED : 0;
        }
    }
}
