package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;

/**
 * Which registers may still be read before being written, at every instruction: a backward pass over each
 * function's control flow, as the kernel computes its live registers before exploring paths. A register dead at a
 * prune point cannot affect what follows, so states that differ only there are the same to the kernel, which
 * forgets dead registers in the states it keeps. Unsure cases count as reads (more live registers only cost pruning).
 */
public final class Liveness {
    private static final int ARGS = 0x3e, CALLER_SAVED = 0x3f, ALL = (1 << 10) - 1;

    /** Registers r0-r9 (bit r) live before each instruction. */
    private final long[] liveIn;

    Liveness(List<Insn> insns, Successors flow) { this(insns, flow, false); }

    /** With {@code callsReadAllArguments}, every call reads r1-r5, as a helper with variable arguments may. */
    private Liveness(List<Insn> insns, Successors flow, boolean callsReadAllArguments) {
        // a class, not a lambda: the simulation runs on every cold translate, where a lambda's first link costs
        liveIn = flow.liveBefore(new Successors.Transfer() {
            @Override public long before(int pc, long out) {
                Insn in = insns.get(pc);
                return (callsReadAllArguments && in.isCall() ? ARGS : uses(in)) | (out & ~defs(in));
            }
        }, ALL);
    }

    /**
     * The registers r0-r9 (bit r) live before each instruction of a program, its BPF functions included, where every
     * call reads r1-r5 (a helper's variable arguments, such as bpf_trace_printk's, are read though the kernel does not
     * track them): for tools that look for instructions whose result nobody reads.
     */
    public static int[] ofProgram(BpfObject obj, ProgramSpec prog) {
        Liveness l = new Liveness(prog.insns(), new Successors(prog.insns(), new VerifierContext(obj, prog, false)), true);
        int[] out = new int[l.liveIn.length];
        for (int pc = 0; pc < out.length; pc++) out[pc] = l.before(pc);
        return out;
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
                if (in.isCall()) return arguments(in);
                if (op == JA || MayGoto.is(in)) return 0;
                return source(opc) == X ? bit(dst) | bit(src) : bit(dst);
        }
    }

    /**
     * The registers a call reads: a helper's or the numeric iterator's arguments as their prototypes count them (as the
     * kernel's liveness does), r1-r5 for a BPF function or a call the simulation does not know.
     */
    private static int arguments(Insn in) {
        int count = -1;
        if (in.isHelperCall()) {
            org.jbpf.core.helper.HelperSpec h = org.jbpf.core.helper.HelperTable.byId((int) in.imm());
            if (h != null) count = h.args().size();
        } else if (IteratorKfuncs.handles(in)) {
            count = IteratorKfuncs.NEW.equals(in.reference()) ? 3 : 1;
        }
        return count < 0 || count > 5 ? ARGS : ARGS & ((1 << (count + 1)) - 1);
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
