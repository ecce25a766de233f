package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;

/**
 * Which bytes of its caller's stack a BPF function (or bpf_loop body) may read through the pointers it is given in
 * r1-r5: per argument, the offsets from the pointer it loads from, its callees' reads included. The kernel's stack
 * liveness records a read through such a pointer against the caller's slot it reaches, so at the call only those
 * slots are read, not the whole frame ({@link StackLiveness}). A pointer handed to a helper is read as far as the
 * helper's prototype says ({@link HelperStackReads}: a map's key or value, the constant size in the next argument,
 * nothing of a buffer it only fills), for which the maps and small constants moved into registers are followed. A
 * pointer the function stores, combines, or hands to a helper that reads an unknown extent may be read anywhere:
 * that argument reads all.
 */
final class CalleeStackReads {
    /**
     * Register kinds: nothing of interest, an argument's pointer plus an offset, a function's address, a map (its
     * key size {@code << 10 |} value size, as {@link StackLiveness} encodes it), a small constant, or unknown.
     */
    private static final long NONE = Long.MIN_VALUE, ANY = Long.MIN_VALUE + 1;
    private static final int FUNC = 6, MAP = 7, CONST = 8, RANGE = 1024, BIAS = 512;

    private final List<Insn> insns;
    private final Successors flow;
    private final VerifierContext cx;
    private final Map<Integer, Reads> byFunction = new HashMap<>();

    /** Per argument register r1-r5: bytes read at offsets -512..511 from the pointer (bit i: i - 512), or all. */
    static final class Reads {
        final BitSet[] bytes = new BitSet[6];
        final boolean[] all = new boolean[6];

        Reads() { for (int r = 1; r <= 5; r++) bytes[r] = new BitSet(RANGE); }

        void read(int arg, long from, int size) {
            for (long b = from; b < from + size; b++) {
                if (b < -BIAS || b >= RANGE - BIAS) { all[arg] = true; return; }
                bytes[arg].set((int) (b + BIAS));
            }
        }

        @Override public boolean equals(Object o) {
            return o instanceof Reads r && Arrays.equals(bytes, r.bytes) && Arrays.equals(all, r.all);
        }

        @Override public int hashCode() { return Arrays.hashCode(all); }
    }

    CalleeStackReads(List<Insn> insns, VerifierContext cx, Successors flow, Iterable<Integer> functions) {
        this.insns = insns;
        this.cx = cx;
        this.flow = flow;
        for (int f : functions) byFunction.put(f, new Reads());
        // callees are analysed again until no summary changes (BPF functions do not recurse, so this ends)
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int f : byFunction.keySet()) {
                Reads now = analyse(f);
                if (!now.equals(byFunction.get(f))) { byFunction.put(f, now); changed = true; }
            }
        }
    }

    /** The reads of the function starting at instruction {@code start}; all, for an unknown start. */
    Reads of(int start) {
        Reads r = byFunction.get(start);
        if (r != null) return r;
        Reads all = new Reads();
        Arrays.fill(all.all, true);
        return all;
    }

    private static long arg(int r, long off) { return (long) r << 32 | off & 0xffffffffL; }
    private static boolean isArg(long k) { return k != NONE && k != ANY && (k >>> 32) >= 1 && (k >>> 32) <= 5; }
    private static int argOf(long k) { return (int) (k >>> 32); }
    private static long offOf(long k) { return (int) k; }
    private static boolean isFunc(long k) { return k != NONE && k != ANY && (k >>> 32) == FUNC; }
    private static boolean is(long k, int kind) { return k != NONE && k != ANY && (k >>> 32) == kind; }

    private Reads analyse(int start) {
        Reads reads = new Reads();
        long[][] kinds = new long[insns.size()][];
        long[] entry = new long[11];
        Arrays.fill(entry, NONE);
        for (int r = 1; r <= 5; r++) entry[r] = arg(r, 0);
        Deque<Integer> work = new ArrayDeque<>();
        kinds[start] = entry;
        work.push(start);
        while (!work.isEmpty()) {
            int pc = work.pop();
            long[] k = kinds[pc].clone();
            transfer(pc, insns.get(pc), k, reads);
            for (int s : flow.of(pc)) {
                if (s >= insns.size()) continue;
                if (kinds[s] == null) { kinds[s] = k.clone(); work.push(s); continue; }
                boolean changed = false;
                for (int r = 0; r < 11; r++) {
                    long a = kinds[s][r], b = k[r];
                    if (a == b || a == ANY) continue;
                    escape(reads, a);
                    escape(reads, b);
                    kinds[s][r] = ANY;
                    changed = true;
                }
                if (changed) work.push(s);
            }
        }
        return reads;
    }

    private static void escape(Reads reads, long kind) { if (isArg(kind)) reads.all[argOf(kind)] = true; }

    private static void anyRead(Reads reads) { Arrays.fill(reads.all, true); }

    private void transfer(int pc, Insn in, long[] k, Reads reads) {
        int opc = in.opcode(), op = op(opc), dst = in.dst(), src = in.src();
        if (dst > 10 || src > 10) { anyRead(reads); return; }
        switch (cls(opc)) {
            case ALU64:
                if (op == MOV && source(opc) == X && in.off() == 0) { k[dst] = k[src]; return; }
                if (op == MOV && source(opc) == K) { k[dst] = constant(in.imm()); return; }
                if ((op == ADD || op == SUB) && source(opc) == K && isArg(k[dst])) {
                    k[dst] = arg(argOf(k[dst]), offOf(k[dst]) + (op == ADD ? in.imm() : -in.imm()));
                    return;
                }
                escape(reads, k[dst]);
                if (source(opc) == X) escape(reads, k[src]);
                k[dst] = NONE;
                return;
            case ALU:
                escape(reads, k[dst]);
                if (source(opc) == X) escape(reads, k[src]);
                k[dst] = op == MOV && source(opc) == K ? constant(in.imm()) : NONE;
                return;
            case LDX:
                load(reads, k[src], in.off(), sizeBytes(opc));
                k[dst] = NONE;
                return;
            case ST: return;
            case STX:
                escape(reads, k[src]);
                if (mode(opc) == ATOMIC) {
                    load(reads, k[dst], in.off(), sizeBytes(opc));
                    if ((in.imm() & FETCH) != 0) k[in.imm() == CMPXCHG ? 0 : src] = NONE;
                }
                return;
            case LD:
                if (in.isLdImm64()) k[dst] = in.src() == PSEUDO_FUNC ? (long) FUNC << 32 | cx.targetIndex(pc, (int) in.imm(), true) : map(in);
                else for (int r = 0; r <= 5; r++) k[r] = NONE;
                return;
            default:
                if (!in.isCall()) return;
                if (in.isLocalCall()) apply(reads, k, of(cx.targetIndex(pc, (int) in.imm(), true)), 1);
                else if (in.isHelperCall() && in.imm() == HelperTable.LOOP) {
                    // the body gets r3 as its r2; the helper itself reads none of it
                    if (isFunc(k[2])) applyOne(reads, k[3], of((int) k[2]), 2);
                    else escape(reads, k[3]);
                    escape(reads, k[1]);
                    escape(reads, k[4]);
                } else if (in.isHelperCall()) helperReads(in, k, reads);
                else for (int r = 1; r <= 5; r++) escape(reads, k[r]);
                for (int r = 0; r <= 5; r++) k[r] = NONE;
        }
    }

    /** A helper call: it reads through each argument's pointer what its prototype says, or anything it reaches. */
    private void helperReads(Insn in, long[] k, Reads reads) {
        HelperStackReads.Arguments a = new HelperStackReads.Arguments() {   // a class, not a lambda: see Liveness
            @Override public long map(int r) { return is(k[r], MAP) ? (int) k[r] : -1; }
            @Override public long constant(int r) { return is(k[r], CONST) ? (int) k[r] : -1; }
        };
        for (int r = 1; r <= 5; r++) {
            if (!isArg(k[r])) continue;
            long bytes = HelperStackReads.bytesRead(in, r, a, cx);
            if (bytes >= 0) reads.read(argOf(k[r]), offOf(k[r]), (int) bytes);
            else if (bytes != HelperStackReads.NOTHING) escape(reads, k[r]);
        }
    }

    private static long constant(long value) { return value >= 0 && value < StackLiveness.SPAN ? (long) CONST << 32 | value : NONE; }

    /** The kind an ld_imm64 sets: a map it names, or nothing of interest. */
    private long map(Insn in) {
        long sizes = StackLiveness.mapSizes(in, cx);
        return sizes < 0 ? NONE : (long) MAP << 32 | sizes;
    }

    /** A load through a register of kind {@code base}. */
    private static void load(Reads reads, long base, int off, int size) {
        if (isArg(base)) reads.read(argOf(base), offOf(base) + off, size);
        else if (base == ANY) anyRead(reads);
    }

    /** A call handing r1-r5 on: what the callee reads through each is read through what they point at here. */
    private static void apply(Reads reads, long[] k, Reads callee, int first) {
        for (int r = first; r <= 5; r++) applyOne(reads, k[r], callee, r);
    }

    private static void applyOne(Reads reads, long kind, Reads callee, int calleeArg) {
        if (kind == ANY && (callee.all[calleeArg] || !callee.bytes[calleeArg].isEmpty())) { anyRead(reads); return; }
        if (!isArg(kind)) return;
        if (callee.all[calleeArg]) { reads.all[argOf(kind)] = true; return; }
        BitSet b = callee.bytes[calleeArg];
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) reads.read(argOf(kind), offOf(kind) + i - BIAS, 1);
    }
}
