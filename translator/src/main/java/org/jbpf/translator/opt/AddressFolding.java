package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.translator.mir.Mir;

/**
 * Folds an address made as {@code rX = rY; rX += K} into the offsets of the loads and stores that use it: a field of
 * a nested struct, an array element at a constant index or a struct method's {@code this} then costs no
 * instruction. Only where every use of rX is the base of a load or store in the same block, before rY changes, or,
 * when rY never changes while rX lives (the frame pointer, or a register set once in the block that makes rX), in
 * any block: a local struct's {@code this} across the branches of its method.
 */
final class AddressFolding implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        int[] defs = new int[mir.vregCount()], uses = new int[mir.vregCount()];
        for (Mir.MInsn m : code) {
            int d = Mir.def(m);
            if (d >= 0 && d < defs.length) defs[d]++;
            for (int u : Mir.uses(m)) if (u < uses.length) uses[u]++;
        }
        for (int i = 0; i + 1 < code.size(); i++) {
            Mir.MInsn mov = code.get(i), add = code.get(i + 1);
            if (mov.isLabel() || add.isLabel() || mov.opcode != (ALU64 | MOV | X) || mov.off != 0 || add.opcode != (ALU64 | ADD | K)) continue;
            int x = mov.dst, y = mov.src;
            if (!Mir.isVirtual(x) || add.dst != x || x == y || defs[x] != 2) continue;
            List<Mir.MInsn> bases = basesOf(code, i + 2, x, y, uses[x] - 1, add.imm);   // the add itself reads x once
            if (bases == null && fixedBase(code, i, y, defs)) bases = basesAnywhere(code, i + 1, x, add.imm);
            if (bases == null) continue;
            for (Mir.MInsn m : bases) {
                if (cls(m.opcode) == LDX) m.src = y; else m.dst = y;
                m.off += (int) add.imm;
            }
            code.remove(i + 1);
            code.remove(i);
            i--;
        }
    }

    /**
     * Whether rY holds the same value wherever rX = rY + K is used: the frame pointer always does; a virtual register
     * set once does in a program without loops, or when that one definition is in the block of the mov, before it
     * (so no loop can redefine it in between).
     */
    private static boolean fixedBase(List<Mir.MInsn> code, int mov, int y, int[] defs) {
        if (y == R10) return true;
        if (!Mir.isVirtual(y) || defs[y] != 1) return false;
        if (!MirQueries.hasLoop(code)) return true;
        for (int p = mov - 1; p >= 0; p--) {
            Mir.MInsn m = code.get(p);
            if (m.isLabel() || m.isJump() || m.isExit()) return false;
            if (Mir.def(m) == y) return true;
        }
        return false;
    }

    /** Every instruction but the add at {@code add} that reads x, if each uses it only as the base of a load or store. */
    private static List<Mir.MInsn> basesAnywhere(List<Mir.MInsn> code, int add, int x, long k) {
        List<Mir.MInsn> found = new ArrayList<>();
        for (int j = 0; j < code.size(); j++) {
            Mir.MInsn m = code.get(j);
            if (j == add || m.isLabel()) continue;
            boolean reads = false;
            for (int u : Mir.uses(m)) reads |= u == x;
            if (!reads) continue;
            int cls = cls(m.opcode);
            boolean base = cls == LDX && m.src == x || (cls == ST || cls == STX) && m.dst == x && !(cls == STX && m.src == x);
            long off = m.off + k;
            if (!base || off != (short) off) return null;
            found.add(m);
        }
        return found;
    }

    /** The loads and stores from {@code from} on that use x as their base, if they are all its uses; otherwise null. */
    private static List<Mir.MInsn> basesOf(List<Mir.MInsn> code, int from, int x, int y, int useCount, long k) {
        List<Mir.MInsn> found = new ArrayList<>();
        int seen = 0;
        for (int j = from; j < code.size() && seen < useCount; j++) {
            Mir.MInsn m = code.get(j);
            if (m.isLabel()) return null;
            int cls = cls(m.opcode);
            for (int u : Mir.uses(m)) {
                if (u != x) continue;
                seen++;
                boolean base = cls == LDX && m.src == x || (cls == ST || cls == STX) && m.dst == x && !(cls == STX && m.src == x);
                long off = m.off + k;
                if (!base || off != (short) off) return null;
                if (!found.contains(m)) found.add(m);
            }
            if (Mir.def(m) == x || Mir.def(m) == y || m.isCall() && !Mir.isVirtual(y) && y != R10) return seen == useCount ? found : null;
            if (m.isJump() || m.isExit()) return seen == useCount ? found : null;
        }
        return seen == useCount ? found : null;
    }
}
