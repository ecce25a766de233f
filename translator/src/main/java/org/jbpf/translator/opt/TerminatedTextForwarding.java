package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * printk's {@code %s} gets a byte[] text as a copy one byte longer that ends with a NUL, since the kernel reads a C
 * string on to its first NUL, past the array's end when it has none. Where the text's bytes hold a NUL on every path
 * to the call, printk prints the same from the text itself: a helper that leaves a NUL within its buffer
 * ({@link HelperTable#terminatesBuffer}, e.g. bpf_get_current_comm) wrote a frame area covering at most those bytes,
 * and since then no store to them, no store through another pointer (which may reach the frame) and no call that may
 * write memory came on any path. printk is then given the text's address instead of the copy's, and
 * {@link UnreadStackStoreElimination} drops the copy nobody reads any more.
 *
 * <p>The copy is recognised in the form the lowering emits it, just before the call: loads of the text from the frame
 * (through r10 or a register holding a known frame address) and stores of them to the copy, piece after piece, the NUL after them, then the copy's address, handed to the call
 * alone. It runs before the other passes, which would change that form.
 */
final class TerminatedTextForwarding implements Pass {
    /** Frame bytes [from, to) (offsets from r10) known to hold a NUL. */
    private record Terminated(int from, int to) {}

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        MirBlocks blocks = new MirBlocks(code);
        Map<Mir.MInsn, Terminated> written = terminatingCalls(code, blocks);
        if (written.isEmpty()) return;
        List<Set<Terminated>> in = entryFacts(code, blocks, written);
        for (int b = 0; b < blocks.count; b++) {
            if (in.get(b) == null) continue;   // not reached
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                Mir.MInsn m = code.get(p);
                if (m.isCall() && m.src == 0 && m.imm == HelperTable.TRACE_PRINTK)
                    for (int r = R3; r <= m.callArgs; r++) forward(code, blocks.start[b], p, r, in.get(b), written);
            }
        }
    }

    /** The calls of terminating helpers whose frame buffer is known, with the bytes they leave a NUL in. */
    private static Map<Mir.MInsn, Terminated> terminatingCalls(List<Mir.MInsn> code, MirBlocks blocks) {
        Map<Mir.MInsn, Terminated> written = new IdentityHashMap<>();
        for (int b = 0; b < blocks.count; b++)
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                Mir.MInsn m = code.get(p);
                if (!m.isCall() || m.src != 0 || !HelperTable.terminatesBuffer((int) m.imm)) continue;
                int[] buffer = HelperBuffers.frameBuffer(code, blocks.start[b], p);
                if (buffer != null) written.put(m, new Terminated(buffer[0], buffer[0] + buffer[1]));
            }
        return written;
    }

    /** The facts holding on entry to each block on every path (null for a block no path reaches), to a fixpoint. */
    private static List<Set<Terminated>> entryFacts(List<Mir.MInsn> code, MirBlocks blocks, Map<Mir.MInsn, Terminated> written) {
        List<Set<Terminated>> in = new ArrayList<>(), out = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) { in.add(null); out.add(null); }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 0; b < blocks.count; b++) {
                Set<Terminated> facts = b == 0 ? new HashSet<>() : null;
                for (int p : blocks.pred.get(b)) {
                    if (out.get(p) == null) continue;
                    if (facts == null) facts = new HashSet<>(out.get(p));
                    else facts.retainAll(out.get(p));
                }
                if (facts == null) continue;
                in.set(b, new HashSet<>(facts));
                for (int p = blocks.start[b]; p <= blocks.end[b]; p++) step(code.get(p), facts, written);
                if (!facts.equals(out.get(b))) { out.set(b, facts); changed = true; }
            }
        }
        return in;
    }

    /** The facts after instruction m. */
    private static void step(Mir.MInsn m, Set<Terminated> facts, Map<Mir.MInsn, Terminated> written) {
        if (m.isLabel()) return;
        int c = cls(m.opcode);
        if (m.isCall()) {
            if (FrameEscapes.callWritesMemory(m)) facts.clear();
            Terminated t = written.get(m);
            if (t != null) facts.add(t);
        } else if ((c == ST || c == STX) && m.dst == R10) {
            int from = m.off, to = from + sizeBytes(m.opcode);
            for (var it = facts.iterator(); it.hasNext(); ) {
                Terminated t = it.next();
                if (t.from < to && from < t.to) it.remove();
            }
        } else if (c == ST || c == STX) {
            facts.clear();   // through a pointer that may hold a frame address
        }
    }

    /**
     * Gives printk argument register {@code reg} of the call at {@code call} the text's address when it holds the address of
     * a NUL-ended copy of a text that already holds a NUL.
     */
    private static void forward(List<Mir.MInsn> code, int blockStart, int call, int reg, Set<Terminated> entry,
                                Map<Mir.MInsn, Terminated> written) {
        // the argument: reg = v, where v = r10; v += copy, v read nowhere else
        int argMove = lastDefinition(code, blockStart, call, reg);
        if (argMove < 0 || code.get(argMove).opcode != (ALU64 | MOV | X)) return;
        int address = code.get(argMove).src;
        if (!Mir.isVirtual(address)) return;
        int add = lastDefinition(code, blockStart, argMove, address);
        if (add < 2 + blockStart) return;
        Mir.MInsn addInsn = code.get(add), base = code.get(add - 1), nul = code.get(add - 2);
        if (readsElsewhere(code, address, addInsn, code.get(argMove))) return;
        if (addInsn.opcode != (ALU64 | ADD | K) || addInsn.ref != null || base.opcode != (ALU64 | MOV | X) || base.dst != address
                || base.src != R10)
            return;
        int copy = (int) addInsn.imm;
        if (nul.opcode != (ST | MEM | B) || nul.dst != R10 || nul.imm != 0 || nul.off <= copy) return;
        int length = nul.off - copy;
        // the pieces, last first: load t from text + k, store t to copy + k
        Set<Mir.MInsn> copyStores = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        copyStores.add(nul);
        int end = length, p = add - 3;
        Integer text = null;
        while (end > 0) {
            if (p - 1 < blockStart) return;
            Mir.MInsn store = code.get(p), load = code.get(p - 1);
            if (store.isLabel() || load.isLabel() || cls(store.opcode) != STX || mode(store.opcode) != MEM || store.dst != R10
                    || load.opcode != (LDX | MEM | size(store.opcode)) || load.dst != store.src)
                return;
            // a text in a struct is read through a register holding the field's frame address
            Long from = HelperBuffers.frameOffset(code, blockStart, p - 1, load.src);
            int width = sizeBytes(store.opcode), k = store.off - copy;
            if (from == null || k + width != end || k < 0) return;
            long at = from + load.off - k;
            if (text == null) text = (int) at;
            else if (at != text) return;
            copyStores.add(store);
            end = k;
            p -= 2;
        }
        int copyStart = p + 1, textFrom = text, textTo = text + length;
        if (textFrom < copy + length + 1 && copy < textTo) return;   // the copy overlaps its text
        // from the copy to the call: nothing that may write the text or the copy
        for (int q = copyStart; q < call; q++) {
            Mir.MInsn m = code.get(q);
            if (m.isLabel() || m.isCall()) return;
            int c = cls(m.opcode);
            if ((c == ST || c == STX) && !copyStores.contains(m)) {
                if (m.dst != R10) return;
                int from = m.off, to = from + sizeBytes(m.opcode);
                if (from < textTo && textFrom < to || from < copy + length + 1 && copy < to) return;
            }
        }
        Set<Terminated> facts = new HashSet<>(entry);
        for (int q = blockStart; q < copyStart; q++) step(code.get(q), facts, written);
        for (Terminated t : facts)
            if (textFrom <= t.from && t.to <= textTo) {
                addInsn.imm = textFrom;
                return;
            }
    }

    /** The position of the last instruction before {@code pos} in its block that sets {@code reg}, or -1. */
    private static int lastDefinition(List<Mir.MInsn> code, int blockStart, int pos, int reg) {
        for (int p = pos - 1; p >= blockStart; p--) {
            Mir.MInsn m = code.get(p);
            if (m.isCall() && reg <= R5) return -1;
            if (Mir.def(m) == reg) return p;
        }
        return -1;
    }

    /** Whether an instruction other than the two given reads register reg. */
    private static boolean readsElsewhere(List<Mir.MInsn> code, int reg, Mir.MInsn add, Mir.MInsn argMove) {
        for (Mir.MInsn m : code) if (m != add && m != argMove && MirQueries.reads(m, reg)) return true;
        return false;
    }
}
