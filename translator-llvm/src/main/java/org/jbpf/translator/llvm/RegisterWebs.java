package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.translator.mir.MirInstruction;
import org.jbpf.translator.mir.MirProgram;

/**
 * Gives each web of a virtual register a register of its own: the definitions that reach a common use, with the uses
 * they reach. The MIR reuses a virtual register for unrelated values (a frame address on one line, a loaded scalar on
 * the next); {@link AddressRegisters} decides without regard to order, so a register that held an address anywhere
 * would count as an address everywhere, and an index added to it would go unprotected. Split into webs, each register
 * holds one kind of value. Physical registers keep their numbers; the code's meaning is unchanged.
 */
final class RegisterWebs {
    private final List<MirInstruction> code;
    private final int[] parent;
    /** Per register, the positions that define it. */
    private final Map<Integer, BitSet> definitions = new HashMap<>();

    private RegisterWebs(List<MirInstruction> code) {
        this.code = code;
        this.parent = new int[code.size()];
        for (int k = 0; k < parent.length; k++) parent[k] = k;
    }

    /** The code with every virtual register's webs renamed apart; the same list when nothing needs renaming. */
    static List<MirInstruction> split(List<MirInstruction> code) {
        return new RegisterWebs(code).renamed();
    }

    private List<MirInstruction> renamed() {
        int n = code.size();
        int[] defined = new int[n];
        int highest = MirProgram.FIRST_VIRTUAL;
        for (int p = 0; p < n; p++) {
            defined[p] = virtualDef(code.get(p));
            if (defined[p] >= 0) {
                BitSet defs = definitions.get(defined[p]);
                if (defs == null) definitions.put(defined[p], defs = new BitSet());
                defs.set(p);
            }
            for (int r : uses(code.get(p))) highest = Math.max(highest, r);
            highest = Math.max(highest, defined[p]);
        }
        Blocks blocks = new Blocks(code);
        BitSet[] in = reachingIn(blocks, defined);
        // each use joins the definitions reaching it; a two-address instruction's definition joins its use's
        Map<Long, Integer> useWeb = new HashMap<>();
        int[] defWeb = new int[n];
        for (int b = 0; b < blocks.count; b++) {
            BitSet live = (BitSet) in[b].clone();
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                MirInstruction insn = code.get(p);
                for (int r : uses(insn)) useWeb.put(key(p, r), join(live, r));
                if (defined[p] >= 0) {
                    int r = defined[p];
                    if (twoAddress(insn)) union(p, useWeb.get(key(p, r)));
                    live.andNot(definitions.get(r));
                    live.set(p);
                }
            }
        }
        for (int p = 0; p < n; p++) defWeb[p] = defined[p] >= 0 ? find(p) : -1;
        // the first web met of each register keeps its number, the others get new ones
        Map<Integer, Integer> names = new HashMap<>();
        Map<Integer, Integer> firstWebOf = new HashMap<>();
        int[] next = {highest + 1};
        List<MirInstruction> out = new ArrayList<>(n);
        boolean changed = false;
        for (int p = 0; p < n; p++) {
            MirInstruction insn = code.get(p);
            if (insn.isLabel()) { out.add(insn); continue; }
            int dst = insn.dst(), src = insn.src();
            // a fetching atomic's source is read and written: its use and definition are one web
            int newDst = rename(dst, defined[p] == dst ? defWeb[p] : webOfUse(useWeb, p, dst), names, firstWebOf, next);
            int newSrc = rename(src, webOfUse(useWeb, p, src), names, firstWebOf, next);
            if (newDst != dst || newSrc != src) changed = true;
            out.add(newDst == dst && newSrc == src ? insn : new Renamed(insn, newDst, newSrc));
        }
        return changed ? out : code;
    }

    private static int rename(int reg, int web, Map<Integer, Integer> names, Map<Integer, Integer> firstWebOf, int[] next) {
        if (reg < MirProgram.FIRST_VIRTUAL || web < 0) return reg;
        Integer name = names.get(web);
        if (name != null) return name;
        int chosen = firstWebOf.putIfAbsent(reg, web) == null ? reg : next[0]++;
        names.put(web, chosen);
        return chosen;
    }

    private int webOfUse(Map<Long, Integer> useWeb, int p, int reg) {
        Integer w = useWeb.get(key(p, reg));
        return w == null ? -1 : find(w);
    }

    /** The web of a use of {@code r}: the union of the definitions in {@code live} that define it. */
    private int join(BitSet live, int r) {
        BitSet defs = definitions.get(r);
        int web = -1;
        if (defs != null)
            for (int d = defs.nextSetBit(0); d >= 0; d = defs.nextSetBit(d + 1))
                if (live.get(d)) web = web < 0 ? find(d) : union(web, d);
        // a use no definition reaches reads the register's value on entry: one web per register for those
        return web >= 0 ? web : entryNode(r);
    }

    private final Map<Integer, Integer> entryNodes = new HashMap<>();
    private final List<Integer> extraParents = new ArrayList<>();

    /** A node standing for register r's value on entry, numbered after the code's positions. */
    private int entryNode(int r) {
        Integer node = entryNodes.get(r);
        if (node == null) {
            node = parent.length + extraParents.size();
            extraParents.add(node);
            entryNodes.put(r, node);
        }
        return node;
    }

    private int find(int x) {
        while (true) {
            int p = parentOf(x);
            if (p == x) return x;
            int gp = parentOf(p);
            setParent(x, gp);
            x = gp;
        }
    }

    private int union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) setParent(rb, ra);
        return ra;
    }

    private int parentOf(int x) { return x < parent.length ? parent[x] : extraParents.get(x - parent.length); }

    private void setParent(int x, int p) {
        if (x < parent.length) parent[x] = p;
        else extraParents.set(x - parent.length, p);
    }

    private static long key(int p, int r) { return (long) p << 32 | r; }

    /** The definitions reaching each block's start. */
    private BitSet[] reachingIn(Blocks blocks, int[] defined) {
        BitSet[] in = new BitSet[blocks.count], out = new BitSet[blocks.count];
        for (int b = 0; b < blocks.count; b++) { in[b] = new BitSet(); out[b] = new BitSet(); }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 0; b < blocks.count; b++) {
                BitSet now = new BitSet();
                for (int pred : blocks.pred.get(b)) now.or(out[pred]);
                in[b] = now;
                BitSet o = (BitSet) now.clone();
                for (int p = blocks.start[b]; p <= blocks.end[b]; p++)
                    if (defined[p] >= 0) { o.andNot(definitions.get(defined[p])); o.set(p); }
                if (!o.equals(out[b])) { out[b] = o; changed = true; }
            }
        }
        return in;
    }

    /** The virtual register an instruction writes, or -1 (a fetching atomic writes its source register). */
    static int virtualDef(MirInstruction in) {
        if (in.isLabel()) return -1;
        int opc = in.opcode(), c = cls(opc), reg = -1;
        if (c == ALU || c == ALU64 || c == LDX || c == LD) reg = in.dst();
        else if (c == STX && mode(opc) == ATOMIC && ((int) in.imm() & FETCH) != 0 && (int) in.imm() != CMPXCHG) reg = in.src();
        return reg >= MirProgram.FIRST_VIRTUAL ? reg : -1;
    }

    /** Whether the instruction reads the register it writes (BPF's two-address ALU operations, fetching atomics). */
    private static boolean twoAddress(MirInstruction in) {
        int c = cls(in.opcode());
        if (c == ALU || c == ALU64) return op(in.opcode()) != MOV;
        return c == STX;
    }

    /** The virtual registers an instruction reads. */
    static int[] uses(MirInstruction in) {
        if (in.isLabel()) return new int[0];
        int opc = in.opcode(), c = cls(opc);
        int[] regs = switch (c) {
            case ALU, ALU64 -> op(opc) == MOV ? (source(opc) == X ? new int[] {in.src()} : new int[0])
                    : op(opc) == NEG || op(opc) == END || source(opc) != X ? new int[] {in.dst()} : new int[] {in.dst(), in.src()};
            case LDX -> new int[] {in.src()};
            case ST -> new int[] {in.dst()};
            case STX -> new int[] {in.dst(), in.src()};
            case JMP, JMP32 -> op(opc) == CALL || op(opc) == EXIT || op(opc) == JA ? new int[0]
                    : source(opc) == X ? new int[] {in.dst(), in.src()} : new int[] {in.dst()};
            default -> new int[0];
        };
        int kept = 0;
        for (int r : regs) if (r >= MirProgram.FIRST_VIRTUAL) regs[kept++] = r;
        return java.util.Arrays.copyOf(regs, kept);
    }

    /** Basic blocks by label id: a block starts at a label and after a jump or exit. */
    private static final class Blocks {
        final int count;
        final int[] start, end;
        final List<List<Integer>> pred = new ArrayList<>();

        Blocks(List<MirInstruction> code) {
            int n = code.size();
            List<Integer> starts = new ArrayList<>();
            Map<Integer, Integer> blockOfLabel = new HashMap<>();
            for (int p = 0; p < n; p++) {
                MirInstruction in = code.get(p);
                boolean leader = p == 0 || in.isLabel() || endsBlock(code.get(p - 1));
                if (leader && (starts.isEmpty() || starts.get(starts.size() - 1) != p)) starts.add(p);
                if (in.isLabel()) blockOfLabel.put(in.labelId(), starts.size() - 1);
            }
            count = starts.size();
            start = new int[count];
            end = new int[count];
            for (int b = 0; b < count; b++) {
                start[b] = starts.get(b);
                end[b] = b + 1 < count ? starts.get(b + 1) - 1 : n - 1;
                pred.add(new ArrayList<>());
            }
            for (int b = 0; b < count; b++) {
                MirInstruction last = code.get(end[b]);
                boolean jump = !last.isLabel() && last.targetId() >= 0;
                if (jump) pred.get(blockOfLabel.get(last.targetId())).add(b);
                boolean falls = last.isLabel() || !(jump && op(last.opcode()) == JA) && !(cls(last.opcode()) == JMP && op(last.opcode()) == EXIT);
                if (falls && b + 1 < count) pred.get(b + 1).add(b);
            }
        }

        private static boolean endsBlock(MirInstruction in) {
            if (in.isLabel()) return false;
            return in.targetId() >= 0 || cls(in.opcode()) == JMP && op(in.opcode()) == EXIT;
        }
    }

    /** An instruction with other register numbers. */
    private record Renamed(MirInstruction in, int dst, int src) implements MirInstruction {
        @Override public int opcode() { return in.opcode(); }
        @Override public int off() { return in.off(); }
        @Override public long imm() { return in.imm(); }
        @Override public String reference() { return in.reference(); }
        @Override public int targetId() { return in.targetId(); }
        @Override public int labelId() { return in.labelId(); }
        @Override public int callArgs() { return in.callArgs(); }
        @Override public SourceLine line() { return in.line(); }
    }
}
