package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * Which 8-byte stack slots of a function's own frame may still be read, at every instruction, as the kernel's stack
 * liveness knows them: a slot written whole before any read is dead, and kept states that differ only in dead slots
 * are the same. A forward pass first finds the registers that hold the frame pointer plus a known offset; an access
 * through a register that may point into the stack at an unknown place may read every slot. A call given a pointer
 * into the stack reads what the callee reads through it ({@link CalleeStackReads}): a BPF function or bpf_loop body
 * the bytes it loads, an iterator kfunc its iterator's slot, a helper what its prototype says it reads (a map's key or
 * value, a buffer of the size in the next argument; nothing of a buffer it only writes), and any call, once some stack
 * pointer is stored to memory, where a callee could load it back, every slot. The forward pass also follows the maps
 * loaded into registers and small constants moved into them, for those sizes.
 */
final class StackLiveness {
    /** Register kinds in the forward pass: not into this frame's stack, or unknown; otherwise {@code FP + off}. */
    private static final long NOT_STACK = Long.MIN_VALUE, UNKNOWN = Long.MIN_VALUE + 1, UNSET = Long.MIN_VALUE + 2;
    /** A function's address ({@code FUNCTION + start}), as a bpf_loop body is handed over in r2. */
    private static final long FUNCTION = Long.MIN_VALUE + 16;
    /** A map ({@code MAP + key size << 10 | value size}, each capped at {@link #CAP}), and a small constant ({@code CONST + value}). */
    static final long MAP = Long.MIN_VALUE + (1L << 32), CONST = Long.MIN_VALUE + (2L << 32), CAP = 1023, SPAN = 1L << 20;
    /** Every slot of the frame, as a set of slots. */
    static final long ALL = -1L;

    private final List<Insn> insns;
    private final Successors flow;
    /** Per instruction, what each register holds before it ({@link #NOT_STACK}, {@link #UNKNOWN} or an offset). */
    private final long[][] kinds;
    /** Slots (bit k: frame offset 8k - 512) live before each instruction. */
    private final long[] liveIn;
    private final VerifierContext cx;
    private final CalleeStackReads callees;
    /** Some path stores a pointer into the stack to memory: a callee could load it back, so calls read every slot. */
    private boolean pointerStored;

    StackLiveness(List<Insn> insns, VerifierContext cx, Successors flow) {
        this.insns = insns;
        this.flow = flow;
        this.cx = cx;
        int n = insns.size();
        kinds = new long[n][];
        java.util.Set<Integer> starts = new java.util.TreeSet<>(List.of(0));
        for (int pc = 0; pc < n; pc++) {
            Insn in = insns.get(pc);
            if (in.isLocalCall() || in.isLdImm64() && in.src() == PSEUDO_FUNC) starts.add(cx.targetIndex(pc, (int) in.imm(), true));
        }
        // first as if no stack pointer were ever stored, so that a load never gives one back; when some path does
        // store one, again with every value loaded from the stack possibly a pointer into it
        forward(starts);
        if (pointerStored) {
            Arrays.fill(kinds, null);
            forward(starts);
        }
        callees = new CalleeStackReads(insns, cx, flow, starts);
        liveIn = flow.liveBefore(new Successors.Transfer() {   // a class: see Liveness
            @Override public long before(int pc, long out) { return uses(pc, insns.get(pc)) | (out & ~defs(pc, insns.get(pc))); }
        }, 0);
    }

    /** Slots of the top frame live before instruction {@code pc}. */
    long before(int pc) { return liveIn[pc]; }

    private void forward(Iterable<Integer> starts) {
        Deque<Integer> work = new ArrayDeque<>();
        for (int s : starts) {
            long[] entry = new long[11];
            Arrays.fill(entry, NOT_STACK);
            entry[10] = 0;
            merge(s, entry, work);
        }
        while (!work.isEmpty()) {
            int pc = work.pop();
            Insn in = insns.get(pc);
            long[] out = kinds[pc].clone();
            if (cls(in.opcode()) == STX && in.src() <= 10 && isStack(out[in.src()])) pointerStored = true;
            transfer(in, out, pointerStored);
            if (in.isLdImm64() && in.src() == PSEUDO_FUNC && in.dst() <= 10) out[in.dst()] = FUNCTION + cx.targetIndex(pc, (int) in.imm(), true);
            for (int s : flow.of(pc)) if (s < insns.size()) merge(s, out, work);
        }
    }

    private void merge(int pc, long[] in, Deque<Integer> work) {
        if (kinds[pc] == null) { kinds[pc] = in.clone(); work.push(pc); return; }
        boolean changed = false;
        for (int r = 0; r < 11; r++) {
            long a = kinds[pc][r], b = in[r];
            if (a == b) continue;
            long m = notStack(a) && notStack(b) ? NOT_STACK : UNKNOWN;
            if (m != a) { kinds[pc][r] = m; changed = true; }
        }
        if (changed) work.push(pc);
    }

    private void transfer(Insn in, long[] k, boolean loadsPointers) {
        int opc = in.opcode(), op = op(opc), dst = in.dst(), src = in.src();
        if (dst > 10) return;
        switch (cls(opc)) {
            case ALU64:
                if (op == MOV) { k[dst] = source(opc) == X ? (in.off() == 0 ? k[src] : NOT_STACK) : constant(in.imm()); return; }
                if ((op == ADD || op == SUB) && source(opc) == K && isOffset(k[dst])) {
                    k[dst] = op == ADD ? k[dst] + in.imm() : k[dst] - in.imm();
                    return;
                }
                k[dst] = notStack(k[dst]) && (source(opc) == K || notStack(k[src])) ? NOT_STACK : UNKNOWN;
                return;
            case ALU: k[dst] = op == MOV && source(opc) == K ? constant(in.imm()) : NOT_STACK; return;
            case LDX: k[dst] = !loadsPointers || notStack(k[src]) ? NOT_STACK : UNKNOWN; return;
            case LD:
                if (in.isLdImm64()) k[dst] = map(in);
                else for (int r = 0; r <= 5; r++) k[r] = NOT_STACK;
                return;
            case STX:
                // a fetching atomic loads into src (cmpxchg into r0) what the slot held
                if (mode(opc) == ATOMIC && (in.imm() & FETCH) != 0) {
                    int to = in.imm() == CMPXCHG ? 0 : src;
                    k[to] = !loadsPointers || notStack(k[dst]) ? NOT_STACK : UNKNOWN;
                }
                return;
            default:
                if (in.isCall()) for (int r = 0; r <= 5; r++) k[r] = NOT_STACK;
        }
    }

    static boolean isOffset(long kind) { return kind > Long.MIN_VALUE / 2; }

    private static boolean isFunction(long kind) { return kind >= FUNCTION && kind < MAP; }

    static boolean isMap(long kind) { return kind >= MAP && kind < MAP + SPAN; }

    static boolean isConstant(long kind) { return kind >= CONST && kind < CONST + SPAN; }

    /** Certainly no pointer into the stack: a scalar, a map or nothing of interest. */
    private static boolean notStack(long kind) { return kind == NOT_STACK || isMap(kind) || isConstant(kind); }

    /** May point into this frame's stack. */
    static boolean isStack(long kind) { return !notStack(kind) && !isFunction(kind); }

    private static long constant(long value) { return value >= 0 && value < SPAN ? CONST + value : NOT_STACK; }

    /** The kind of the register an ld_imm64 of {@code in} sets: a map it names, or no pointer into the stack. */
    private long map(Insn in) {
        long sizes = mapSizes(in, cx);
        return sizes < 0 ? NOT_STACK : MAP + sizes;
    }

    /** The map an ld_imm64 names, as its key size {@code << 10 |} value size (each capped at {@link #CAP}); -1 for none. */
    static long mapSizes(Insn in, VerifierContext cx) {
        if (in.src() != PSEUDO_MAP_FD || in.reference() == null) return -1;
        org.jbpf.core.obj.MapSpec m = cx.obj.map(in.reference()).orElse(null);
        if (m == null) return -1;
        return Math.min(m.keySize(), CAP) << 10 | Math.min(m.valueSize(), CAP);
    }

    /** The slots {@code size} bytes at {@code off} from the frame pointer touch; none when outside the frame. */
    static long slots(long off, int size) {
        long first = off + StackState.SIZE, last = first + size - 1;
        if (first < 0 || last >= StackState.SIZE) return 0;
        long bits = 0;
        for (long s = first / 8; s <= last / 8; s++) bits |= 1L << s;
        return bits;
    }

    private long uses(int pc, Insn in) {
        long[] k = kinds[pc];
        int opc = in.opcode();
        switch (cls(opc)) {
            case LDX: return access(k[in.src()], in.off(), sizeBytes(opc));
            case STX:
                return mode(opc) == ATOMIC ? access(k[in.dst()], in.off(), sizeBytes(opc)) : 0;
            default:
                return in.isCall() ? callReads(pc, in, k) : 0;
        }
    }

    /** The slots of this frame a call reads through the pointers it is given. */
    private long callReads(int pc, Insn in, long[] k) {
        boolean any = false;
        for (int r = 1; r <= 5; r++) any |= isStack(k[r]);
        if (!any) return 0;
        if (IteratorKfuncs.handles(in)) {
            // the numeric iterator's kfuncs read the 8-byte iterator r1 points at; the others are numbers
            for (int r = 2; r <= 5; r++) if (isStack(k[r])) return ALL;
            return isOffset(k[1]) ? slots(k[1], 8) : ALL;
        }
        if (pointerStored) return ALL;
        if (in.isLocalCall()) {
            CalleeStackReads.Reads callee = callees.of(cx.targetIndex(pc, (int) in.imm(), true));
            long used = 0;
            for (int r = 1; r <= 5; r++) used |= through(k[r], callee, r);
            return used;
        }
        if (in.isHelperCall() && in.imm() == org.jbpf.core.helper.HelperTable.LOOP) {
            // bpf_loop hands r3 to its body as r2 and reads none of it itself
            if (isStack(k[1]) || isStack(k[4]) || isStack(k[5]) || !isFunction(k[2])) return ALL;
            return through(k[3], callees.of((int) (k[2] - FUNCTION)), 2);
        }
        return in.isHelperCall() ? HelperStackReads.of(in, k, cx) : ALL;
    }

    /** The slots a callee reads through its argument {@code calleeArg}, handed {@code kind}. */
    private static long through(long kind, CalleeStackReads.Reads callee, int calleeArg) {
        if (!isStack(kind)) return 0;
        if (callee.all[calleeArg]) return ALL;
        if (callee.bytes[calleeArg].isEmpty()) return 0;
        if (!isOffset(kind)) return ALL;
        long used = 0;
        java.util.BitSet b = callee.bytes[calleeArg];
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
            long bits = slots(kind + i - 512, 1);
            if (bits == 0) return ALL;
            used |= bits;
        }
        return used;
    }

    private static long access(long base, int off, int size) {
        if (base == NOT_STACK || isFunction(base)) return 0;
        if (base == UNKNOWN) return ALL;
        return slots(base + off, size);
    }

    private long defs(int pc, Insn in) {
        int opc = in.opcode();
        if ((cls(opc) != STX && cls(opc) != ST) || mode(opc) != MEM || size(opc) != DW) return 0;
        long base = kinds[pc][in.dst()];
        if (!isOffset(base) || (base + in.off()) % 8 != 0) return 0;
        return slots(base + in.off(), 8);
    }
}
