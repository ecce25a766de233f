package org.jbpf.sim.verifier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;

/**
 * What every check family shares while one program is verified: the program, where exploration is, pointer ids
 * handed out so far, and the stack depth and calls seen per function.
 */
final class VerifierContext {
    static final int MAX_FRAMES = 8, MAX_VAR_OFF = 1 << 29;

    final BpfObject obj;
    final ProgramSpec prog;
    final List<Insn> insns;
    /** Slot of each instruction, plus the total at index {@code insns.size()}. */
    final int[] slotOf;
    private final Map<Integer, Integer> indexOfSlot = new HashMap<>();
    ProgramKind kind;
    /** Index of the instruction being checked: where a rejection is reported. */
    int pc;
    private int nextId = 1;
    /** Deepest stack offset (as a positive byte count) each function touches, by its first instruction. */
    final Map<Integer, Integer> maxDepth = new HashMap<>();
    /** Functions each function calls, by first instruction. */
    final Map<Integer, Set<Integer>> callees = new HashMap<>();

    /**
     * Told each register whose exact value a check at {@code pc} depends on, so that states differing in them are
     * not pruned together ({@link Precision}).
     */
    PrecisionSink precision = PrecisionSink.NONE;

    /** Members of the links the branch being checked narrowed, for the path's history; null when none. */
    int[] branchLinks;

    /**
     * Where {@link #needPrecise} reports to. (Its implementations are classes, not lambdas: each lambda links method
     * handles at its first call, a share of a cold translate.)
     */
    interface PrecisionSink {
        void need(int r, int frame);

        /** The check depends on the scalar spilled in 8-byte stack slot {@code slot} (0 at fp-512, 63 at fp-8) of {@code frame}. */
        void needSlot(int slot, int frame);

        /** Tells no one. */
        PrecisionSink NONE = new PrecisionSink() {
            @Override public void need(int r, int frame) {}
            @Override public void needSlot(int slot, int frame) {}
        };
    }

    /** Pointer type each load or store instruction was first reached with: the kernel rewrites ctx accesses per insn. */
    private final RegType[] baseTypeAt;

    /** Whether the read-only global sections hold their final, frozen values (else only string sections do). */
    final boolean rodataFinal;

    VerifierContext(BpfObject obj, ProgramSpec prog, boolean rodataFinal) {
        this.obj = obj;
        this.rodataFinal = rodataFinal;
        this.prog = prog;
        this.insns = prog.insns();
        this.baseTypeAt = new RegType[insns.size()];
        this.slotOf = Insn.slotOffsets(insns);
        for (int i = 0; i < insns.size(); i++) indexOfSlot.put(slotOf[i], i);
    }

    int newId() { return nextId++; }

    /** The check at {@code pc} depends on the exact value of register {@code r}. */
    void needPrecise(VerifierState st, int r) { precision.need(r, st.frames.size() - 1); }

    RegState read(VerifierState st, int r) {
        RegState v = st.reg(r);
        if (!v.isInit())
            throw new Reject("R" + r + " !read_ok", "a value is used before it is assigned (register r" + r
                    + (r >= 1 && r <= 5 ? "; helper and function calls clobber r1-r5" : "") + ")");
        return v;
    }

    static void checkWritable(int r) {
        if (r == 10) throw new Reject("frame pointer is read only", "the frame pointer r10 cannot be assigned");
    }

    /** Index of the instruction a jump or call at {@code i} reaches, {@code slotDelta} slots after the next one. */
    int targetIndex(int i, int slotDelta, boolean call) {
        int from = slotOf[i], to = from + 1 + slotDelta;
        if (to < 0 || to >= slotOf[insns.size()])
            throw new Reject((call ? "call to invalid destination" : "jump out of range from insn " + from + " to " + to),
                    "a " + (call ? "call" : "jump") + " leaves the program (target slot " + to + ")");
        Integer idx = indexOfSlot.get(to);
        if (idx == null)
            throw new Reject("jump into the middle of ldimm64 insn " + (to - 1),
                    "a jump lands in the middle of a 64-bit constant load");
        return idx;
    }

    /**
     * Remembers the type of the base pointer of the load or store at {@code pc}. The kernel converts context
     * accesses instruction by instruction, so one instruction may not reach the context on one path and other
     * memory on another.
     */
    void noteBaseType(RegType type) {
        RegType before = baseTypeAt[pc];
        if (before == null) { baseTypeAt[pc] = type; return; }
        if (before != type && (before == RegType.CTX || type == RegType.CTX))
            throw new Reject("same insn cannot be used with different pointers",
                    "this load or store reaches the context on one path and other memory on another;"
                            + " use separate accesses for each");
    }

    void noteDepth(FrameState f, int off) {
        f.stack.touch(off);
        Integer depth = maxDepth.get(f.function);
        if (depth == null || depth < -off) maxDepth.put(f.function, -off);
    }

    void noteCall(int caller, int callee) {
        Set<Integer> called = callees.get(caller);
        if (called == null) callees.put(caller, called = new HashSet<>());
        called.add(callee);
    }
}
