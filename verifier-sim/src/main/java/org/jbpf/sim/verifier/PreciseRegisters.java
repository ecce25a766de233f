package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;

/**
 * Which registers must be compared exactly when pruning, at each instruction: those whose value may still reach a
 * branch condition, pointer arithmetic, a memory address, a store, a helper argument or the return value. A
 * static, path-insensitive over-approximation of the kernel's precision marks: a scalar that only feeds other
 * imprecise scalars (a counter or a sum) does not keep otherwise equal states apart, so loops such as counting bits
 * converge. The same holds for registers spilled to 8-byte stack slots. Over-approximating means pruning less than
 * the kernel, never more.
 */
final class PreciseRegisters {
    private final int[] regs;
    private final long[] slots;

    private PreciseRegisters(int[] regs, long[] slots) {
        this.regs = regs;
        this.slots = slots;
    }

    /** Bit r set: register r must match exactly on entry to instruction i. */
    int regs(int i) { return regs[i]; }

    /** Bit k set: the register spilled at stack slot k (frame offset 8k - 512) must match exactly at instruction i. */
    long slots(int i) { return slots[i]; }

    private static final int ALL = (1 << 11) - 1;

    static PreciseRegisters compute(List<Insn> insns, int[] slotOf) {
        int n = insns.size();
        Map<Integer, Integer> indexOfSlot = new HashMap<>();
        for (int i = 0; i < n; i++) indexOfSlot.put(slotOf[i], i);
        int[] in = new int[n];
        long[] inSlots = new long[n];
        // the program types modelled here do not range-check the return value, so r0 at exit needs no precision,
        // unless a subprogram's r0 flows back into its caller
        boolean subprograms = false;
        for (Insn insn : insns) if (insn.isLocalCall()) subprograms = true;
        int atExit = subprograms ? bit(R0) | bit(R10) : bit(R10);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                Insn insn = insns.get(i);
                int out = 0;
                long outSlots = 0;
                if (insn.isExit()) { out = 0; outSlots = 0; }
                else if (insn.isJump()) {
                    Integer t = indexOfSlot.get(slotOf[i] + insn.slots() + insn.jumpOffset());
                    out |= t == null ? ALL : in[t];
                    outSlots |= t == null ? -1L : inSlots[t];
                    if (insn.isConditionalJump() && i + 1 < n) { out |= in[i + 1]; outSlots |= inSlots[i + 1]; }
                } else if (i + 1 < n) { out = in[i + 1]; outSlots = inSlots[i + 1]; }
                long[] slotsNow = {outSlots};
                int now = insn.isExit() ? atExit : transfer(insn, out, slotsNow);
                if (now != in[i] || slotsNow[0] != inSlots[i]) { in[i] = now; inSlots[i] = slotsNow[0]; changed = true; }
            }
        }
        return new PreciseRegisters(in, inSlots);
    }

    /** The 8-byte stack slot a full, aligned r10-relative access names, or -1. */
    private static int slot(Insn in) {
        int base = cls(in.opcode()) == LDX ? in.src() : in.dst();
        if (base != R10 || size(in.opcode()) != DW || in.off() % 8 != 0 || in.off() < -512 || in.off() >= 0) return -1;
        return (in.off() + 512) / 8;
    }

    private static int bit(int r) { return r >= 0 && r <= 10 ? 1 << r : 0; }

    private static int transfer(Insn in, int out, long[] slotsBox) {
        int opc = in.opcode(), cls = cls(opc), op = op(opc);
        int dst = in.dst(), src = in.src();
        switch (cls) {
            case ALU:
            case ALU64: {
                boolean dstNeeded = (out & bit(dst)) != 0;
                int p = out & ~bit(dst);
                boolean x = source(opc) == X;
                // ADD/SUB of a register may be pointer arithmetic: the offset must be exact
                if (x && (op == ADD || op == SUB)) p |= bit(src);
                if (dstNeeded) {
                    if (op != MOV) p |= bit(dst);
                    if (x) p |= bit(src);
                }
                // the kernel needs exact shift amounts and divisors
                if (x && (op == LSH || op == RSH || op == ARSH || op == DIV || op == MOD)) p |= bit(src);
                return p;
            }
            case LDX: {
                int k = slot(in);
                if (k >= 0 && (out & bit(dst)) != 0) slotsBox[0] |= 1L << k;
                return (out & ~bit(dst)) | bit(src);
            }
            case LD: return in.isLdImm64() ? out & ~bit(dst) : ALL;
            case ST: {
                int k = slot(in);
                if (k >= 0) slotsBox[0] &= ~(1L << k);
                return out | bit(dst);
            }
            case STX: {
                if (mode(opc) == ATOMIC) return out | bit(dst) | bit(src) | bit(R0);
                int k = slot(in);
                boolean spillNeeded = k >= 0 && (slotsBox[0] & (1L << k)) != 0;
                if (k >= 0) slotsBox[0] &= ~(1L << k);
                // a value stored to a map or a partial stack slot is not tracked by the verifier: no precision needed
                return out | bit(dst) | (spillNeeded ? bit(src) : 0);
            }
            case JMP:
            case JMP32: {
                if (op == EXIT) return bit(R0) | bit(R10);
                if (op == CALL) {
                    if (in.src() != 0) return ALL;   // BPF-to-BPF call: keep everything
                    return (out & ~(bit(R0) | bit(R1) | bit(R2) | bit(R3) | bit(R4) | bit(R5)))
                            | bit(R1) | bit(R2) | bit(R3) | bit(R4) | bit(R5);
                }
                if (op == JA) return out;
                return out | bit(dst) | (source(opc) == X ? bit(src) : 0);
            }
            default: return ALL;
        }
    }
}
