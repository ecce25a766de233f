package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.VerifierError;
import org.jbpf.sim.VerifierResult;

/**
 * Explores every path of a program over abstract register and stack states, as the kernel verifier does for a
 * privileged load, and stops at the first instruction the kernel would refuse. The checks themselves live in one
 * class per family, as in the kernel: {@link ControlFlowChecks}, {@link AluChecks}, {@link MemoryChecks},
 * {@link BranchChecks} and {@link CallChecks}; this class walks the paths and prunes states already covered.
 *
 * <p>Where it is deliberately stricter than the kernel (so it may reject what the kernel accepts):
 * <ul>
 *   <li>the low half's unsigned range is derived from the 64-bit facts, not kept on its own as the kernel's u32
 *       bounds (its signed range is kept: {@link ScalarBounds}); copies of a scalar are refined together only as far as
 *       the kernel links them: a 64-bit constant added once, no 32-bit add ({@link ScalarLinks});</li>
 *   <li>a null test is understood only as {@code if rX ==/!= 0} with an immediate 0;</li>
 *   <li>of a map's own fields, read through its map pointer, only numbers in {@code struct bpf_map} are modelled
 *       ({@link MapFields}, from the running kernel's BTF); pointer fields and the rest are refused;</li>
 *   <li>reading {@code __sk_buff->sk} (a socket pointer) is refused;</li>
 *   <li>helpers are limited to the prototypes of core's {@link org.jbpf.core.helper.HelperTable}; kfuncs other than
 *       the numeric iterator's ({@link IteratorKfuncs}), callbacks other than bpf_loop's, and tail calls from BPF
 *       functions (with BTF) are refused;</li>
 *   <li>state pruning ignores registers and stack slots nothing reads again ({@link Liveness},
 *       {@link StackLiveness}), but a slot a pointer of unknown offset or a call may reach counts as read; scalars
 *       are precise only where a check depended on them ({@link Precision}, as the kernel's precision marks);</li>
 *   <li>an exploration longer than four fifths of the kernel's budget is refused ({@link #KERNEL_FACTOR}).</li>
 * </ul>
 */
public final class AbstractInterpreter {
    /** The kernel's caps: instructions processed, branches pending at once. */
    static final int MAX_PROCESSED = 1_000_000, MAX_PENDING_BRANCHES = 8192;
    /**
     * How many more instructions the kernel may process than the simulation. The simulation compares, keeps and drops
     * states where and as the kernel does (see {@link #followPath}), but not with all of the kernel's liveness and id
     * rules; a program it explores in more than {@code MAX_PROCESSED / KERNEL_FACTOR} instructions is refused rather
     * than risk the kernel's limit. Measured on 6.18 once the low half's ranges are kept as the kernel keeps them
     * ({@link ScalarBounds}): 1.00 over the loop shapes and the corpus's large programs (up to 600,010 instructions),
     * at most 1.07 over 50,000 random programs on ten seeds (a few instructions more on programs of a few hundred).
     * It was 1.5 while the simulation knew less of the low half than the kernel (1.26 measured), and 2 while it kept
     * states more often than the kernel.
     */
    public static final double KERNEL_FACTOR = 1.25;

    /**
     * The start of the kernel message of a program refused because the kernel would walk a loop's cut path back into a
     * state it has freed: 6.18 then reports its own bug or crashes, so tests do not load such a program.
     */
    public static final String FREED_STATE = "verifier bug: a loop's cut path is walked back into a state already freed";

    /** {@code -Djbpf.sim.trace=true} prints each instruction followed with the registers before it, to set beside the kernel's log. */
    private static final boolean TRACE = Boolean.getBoolean("jbpf.sim.trace");
    private final VerifierContext cx;
    private final ControlFlowChecks controlFlow;
    private final AluChecks alu;
    private final MemoryChecks memory;
    private final BranchChecks branches;
    private final CallChecks calls;
    private final IteratorKfuncs iterators;

    private boolean[] prunePoint, jumpPoints;
    /** The instructions some path reached: the kernel removes the others before it compiles the program. */
    private boolean[] seen;
    private Precision precision;
    private Liveness liveness;
    private StackLiveness stackLiveness;
    private LoopVisits loops;
    private final List<List<Checkpoint>> visits;
    private final Deque<Branch> pending = new ArrayDeque<>();
    private int processed;
    /** Jump-class instructions run, and both counts when the last state was remembered (the kernel's heuristic). */
    private long jumps, prevJumps, prevProcessed;
    /** The path being followed: its last checkpoint and the instructions run since. */
    private Checkpoint last;
    private History recent;
    /** The instruction being run reached a jump point: its entry in the kernel's jump history is already counted. */
    private boolean jumpPointEntry;

    private record Branch(int pc, VerifierState state, Checkpoint parent, History recent) {}

    public AbstractInterpreter(BpfObject obj, ProgramSpec prog) { this(obj, prog, false); }

    /** @param rodataFinal whether {@code obj}'s read-only sections hold the values they will be frozen with */
    public AbstractInterpreter(BpfObject obj, ProgramSpec prog, boolean rodataFinal) {
        this.cx = new VerifierContext(obj, prog, rodataFinal);
        this.controlFlow = new ControlFlowChecks(cx);
        this.alu = new AluChecks(cx);
        this.memory = new MemoryChecks(cx);
        this.branches = new BranchChecks(cx);
        this.calls = new CallChecks(cx, memory);
        this.iterators = new IteratorKfuncs(cx);
        this.visits = new ArrayList<>();
        for (int i = 0; i < cx.insns.size(); i++) visits.add(new ArrayList<>());
    }

    public VerifierResult run() {
        ProgramSpec prog = cx.prog;
        List<Insn> insns = cx.insns;
        try {
            cx.kind = ProgramKind.forSection(prog.section());
            if (cx.kind == null) {
                cx.pc = 0;
                throw new Reject("unsupported program type for section '" + prog.section() + "'",
                        "section '" + prog.section() + "' names a program type the simulator does not model"
                                + " (tracepoint, raw_tracepoint, kprobe, uprobe, perf_event, socket, xdp, tc, action, cgroup_skb, sk_skb)");
            }
            if (insns.isEmpty()) { cx.pc = 0; throw new Reject("empty program", "the program has no instructions"); }
            prunePoint = controlFlow.check();
            jumpPoints = controlFlow.jumpPoints();
            iterators.markPrunePoints(prunePoint);
            // a bpf_loop call is where each round of its body comes back to: its state is always kept there
            for (int i = 0; i < insns.size(); i++) if (isLoopCall(insns.get(i))) prunePoint[i] = true;
            precision = new Precision(insns);
            Successors flow = new Successors(insns, cx);
            liveness = new Liveness(insns, flow);
            stackLiveness = new StackLiveness(insns, cx, flow);
            loops = new LoopVisits(new LoopComponents(insns, flow));
            cx.precision = new VerifierContext.PrecisionSink() {
                @Override public void need(int r, int frame) { precision.mark(r, frame, recent, last, cx.pc); }
                @Override public void needSlot(int slot, int frame) { precision.markSlot(slot, frame, recent, last, cx.pc); }
            };
            seen = new boolean[insns.size()];
            explore();
            DroppedCallbacks.check(cx, seen);
            if (processed > MAX_PROCESSED / KERNEL_FACTOR) {
                cx.pc = 0;
                throw new Reject("the simulation processed " + processed + " insns; the kernel, which prunes later, may"
                        + " exceed its limit of " + MAX_PROCESSED,
                        "this program is near the verifier's complexity limit (the simulation explored " + processed
                                + " instructions, the kernel may need up to " + (long) (processed * KERNEL_FACTOR) + " of its "
                                + MAX_PROCESSED + "); bound loops with smaller constants or reduce branching");
            }
            controlFlow.checkCombinedStack();
            return new VerifierResult(prog.name(), List.of(), processed);
        } catch (Reject r) {
            int at = Math.min(Math.max(cx.pc, 0), Math.max(insns.size() - 1, 0));
            SourceLine src = insns.isEmpty() ? null : insns.get(at).source();
            String where = src != null && !src.file().isEmpty() ? src + ": "
                    : prog.name() + " insn " + (insns.isEmpty() ? 0 : cx.slotOf[at]) + ": ";
            return new VerifierResult(prog.name(),
                    List.of(new VerifierError(at, insns.isEmpty() ? 0 : cx.slotOf[at], r.kernel, where + r.java, src)), processed);
        }
    }

    private void explore() {
        FrameState main = new FrameState(new RegState[11], new StackState(), -1, 0);
        Arrays.fill(main.regs, RegState.NOT_INIT);
        main.regs[1] = RegState.pointer(RegType.CTX, 0);
        main.regs[10] = RegState.stackPointer(0, 0);
        List<FrameState> frames = new ArrayList<>();
        frames.add(main);
        pending.push(new Branch(0, new VerifierState(frames, new TreeMap<>()), null, new History()));
        while (!pending.isEmpty()) {
            Branch b = pending.pop();
            last = b.parent;
            recent = b.recent;
            followPath(b.pc, b.state);
        }
    }

    private void followPath(int start, VerifierState st) {
        cx.pc = start;
        while (true) {
            int pc = cx.pc;
            seen[pc] = true;
            if (++processed > MAX_PROCESSED)
                throw new Reject("BPF program is too large. Processed " + processed + " insn",
                        "the verifier would give up after exploring " + MAX_PROCESSED + " instructions; bound loops"
                                + " with small constant limits or reduce branching");
            if (prunePoint[pc]) {
                List<Checkpoint> here = visits.get(pc);
                // a may_goto always keeps its state (the kernel's forced checkpoint), and so does an iterator's next
                // call, where a loop ends when a kept state covers this one
                boolean loopCall = isLoopCall(cx.insns.get(pc));
                boolean iteratorNext = iterators.isNext(pc), mayGoto = MayGoto.is(cx.insns.get(pc));
                // where the kernel always keeps the state (its forced checkpoints), and where it keeps one because the
                // path's jump history has grown long
                boolean forced = mayGoto || loopCall || iteratorNext, longHistory = recent.kernelHistoryLong();
                // a new state only after 2 jumps and 8 instructions since the last (the kernel's heuristic: both)
                boolean add = forced || longHistory || jumps - prevJumps >= 2 && processed - prevProcessed >= 8;
                clean(here, st, pc);
                // newest first, as the kernel keeps them; a state that keeps missing is dropped, as the kernel does
                for (int i = here.size() - 1; i >= 0; i--) {
                    Checkpoint v = here.get(i);
                    if (v.branches > 0) {
                        // an iterator's loop converges when this iteration lies within (by ranges) one still on this path
                        if (iteratorNext) {
                            if (iterators.converged(v, st, liveRegs(st, pc))) {
                                trace(pc, "converged");
                                cutAt(v, st, pc);
                                endPath(last);
                                return;
                            }
                        }
                        // a bpf_loop converges when a later round's state lies within (by ranges) an earlier one's;
                        // the kernel carries the earlier round's precision over but, unlike at an iterator, records
                        // no cut path for its loop's visit
                        else if (loopCall && st.rangeWithin(v.state, liveRegs(st, pc), null)) {
                            trace(pc, "converged");
                            v.hits++;
                            precision.markCovered(v, st.frames.size() - 1, recent, last, liveRegs(st, pc), liveSlots(st, pc));
                            endPath(last);
                            return;
                        }
                        // a may_goto loop converges when a deeper iteration lies within (by ranges) an earlier one
                        else if (mayGoto && v.state.mayGotoDepth != st.mayGotoDepth && st.rangeWithin(v.state, liveRegs(st, pc), null)) {
                            trace(pc, "converged");
                            v.hits++;
                            precision.markLoop(last, v);
                            loops.cut(v, last, recent, st.frames.size() - 1, liveRegs(st, pc), liveSlots(st, pc));
                            endPath(last);
                            return;
                        }
                        // the kernel does not look for an endless loop at a bpf_loop call or an iterator's next, only for convergence
                        else if (!loopCall && st.sameAs(v.state))
                            throw new Reject("infinite loop detected at insn " + cx.slotOf[pc],
                                    "this loop repeats with nothing changed, so it never ends; make sure its condition changes");
                        // in a loop, iterations rarely match: keep a state only now and then
                        if (!forced && !longHistory && jumps - prevJumps < 20 && processed - prevProcessed < 100) add = false;
                    } else if (covers(v, st, pc)) {
                        if (TRACE) trace(pc, "pruned by the state kept at " + v.pc + " #" + System.identityHashCode(v) + (v.allPrecise ? " (all precise)" : "")
                                + StateText.of(v.state, v.preciseRegs, v.preciseSlots) + "\n   this state" + StateText.of(st, null, null));
                        v.hits++;
                        endPath(last);
                        return;
                    }
                    if (add) v.misses++;
                    int n = forced && v.branches > 0 ? 64 : 3;
                    if (v.misses > v.hits * n + n) {
                        here.remove(i);
                        v.evicted = true;
                        maybeFree(v);
                    }
                }
                // a privileged load keeps every state it decides to keep, however many an instruction has (the kernel's
                // limit of 64 holds for unprivileged ones only): one left out moves where the next is kept
                if (add) {
                    if (TRACE) trace(pc, "kept (jumps " + jumps + ", processed " + processed + ")");
                    prevJumps = jumps;
                    prevProcessed = processed;
                    Checkpoint nv = new Checkpoint(st.copy(), pc, last, recent.toArray());
                    if (TRACE) trace(pc, "kept as #" + System.identityHashCode(nv));
                    nv.chain = loops.chainOf(st, pc);
                    loops.enter(nv);
                    here.add(nv);
                    last = nv;
                    recent.clear();
                }
            }
            // the kernel's jump history holds one entry per instruction that reaches a jump point, fills or spills a
            // register, or branches on linked registers
            boolean entered = jumpPoints[pc];
            if (entered) recent.countKernelEntry();
            jumpPointEntry = entered;
            if (TRACE) trace(pc, cx.insns.get(pc) + "   " + java.util.Arrays.toString(st.frame().regs));
            Insn insn = cx.insns.get(pc);
            int stack = stackSlot(st, insn);
            boolean fill = cls(insn.opcode()) == LDX && History.spilledAt(st, stack);
            cx.branchLinks = null;
            int next = step(st);
            if (isJmpClass(insn)) jumps++;
            if (!entered && (fill || cls(insn.opcode()) != LDX && History.spilledAt(st, stack) && stackOffsetAligned(st, insn)
                    || linkedBranch())) recent.countKernelEntry();
            recent.add(pc, stack);
            if (cx.branchLinks != null) recent.addLinks(cx.branchLinks);
            if (next < 0) { endPath(last); return; }
            cx.pc = next;
        }
    }

    /** With {@code -Djbpf.sim.trace=true}: an event at instruction {@code pc}, by its slot as the kernel's log numbers it. */
    private void trace(int pc, String what) {
        if (TRACE) System.out.println("TRACE " + cx.slotOf[pc] + ": " + what);
    }

    /**
     * True when the complete checkpoint {@code v} covers {@code st}. Its precise scalars then mattered on this path
     * too, those in live registers: they are marked along it, as the kernel's propagate_precision does. While {@code v}'s
     * loop has cut paths pending, its marks may be incomplete: then the ranges of all its scalars are compared, and this
     * path is cut too ({@link LoopVisits}).
     */
    private boolean covers(Checkpoint v, VerifierState st, int pc) {
        int[] live = liveRegs(st, pc);
        long[] slots = liveSlots(st, pc);
        boolean loop = loops.incomplete(v);
        if (loop ? !st.rangeWithin(v.state, live, v.cleaned ? dead(slots) : null) : !v.covers(st, live, slots)) return false;
        precision.markCovered(v, st.frames.size() - 1, recent, last, live, slots);
        if (loop) loops.cut(v, last, recent, st.frames.size() - 1, live, slots);
        return true;
    }

    /**
     * The kernel forgets dead registers and stack slots of the finished states kept at an instruction when a path
     * reaches it again in the same functions, except for states of a loop whose precision is still incomplete: once
     * forgotten, a slot is never written to the kernel's later comparisons of a loop's states.
     */
    private void clean(List<Checkpoint> here, VerifierState st, int pc) {
        for (Checkpoint v : here)
            if (v.branches == 0 && !v.cleaned && MayGoto.sameCallSites(v.state, st) && !loops.incomplete(v)) v.cleaned = true;
    }

    private static long[] dead(long[] live) {
        long[] d = new long[live.length];
        for (int i = 0; i < live.length; i++) d[i] = ~live[i];
        return d;
    }

    /** An iterator's loop converged at {@code pc}: {@code v}, an earlier iteration's state, covers this one. */
    private void cutAt(Checkpoint v, VerifierState st, int pc) {
        int[] live = liveRegs(st, pc);
        long[] slots = liveSlots(st, pc);
        precision.markCovered(v, st.frames.size() - 1, recent, last, live, slots);
        loops.cut(v, last, recent, st.frames.size() - 1, live, slots);
    }

    /** Per frame of {@code st}, at {@code pc} of its top frame: the registers that may still be read. */
    private int[] liveRegs(VerifierState st, int pc) {
        int n = st.frames.size();
        int[] live = new int[n];
        live[n - 1] = liveness.before(pc);
        for (int i = 0; i < n - 1; i++) live[i] = liveness.duringCall(st.frames.get(i + 1).callSite);
        return live;
    }

    /** Per frame of {@code st}, at {@code pc} of its top frame: the stack slots that may still be read. */
    private long[] liveSlots(VerifierState st, int pc) {
        int n = st.frames.size();
        long[] live = new long[n];
        live[n - 1] = stackLiveness.before(pc);
        // a caller's slots as at its call: all of them when it gave the function a pointer into its stack
        for (int i = 0; i < n - 1; i++) live[i] = stackLiveness.before(st.frames.get(i + 1).callSite);
        return live;
    }

    /** The history code of the stack slot {@code in} accesses, with its frame ({@link History#access}). */
    private static int stackSlot(VerifierState st, Insn in) {
        int c = cls(in.opcode());
        if (c != LDX && c != ST && c != STX) return History.NO_STACK;
        RegState base = st.reg(c == LDX ? in.src() : in.dst());
        if (base.type() != RegType.STACK) return History.NO_STACK;
        if (!base.value().isConst()) return History.ANY_STACK;
        long off = base.off() + base.value().constValue() + in.off() + StackState.SIZE;
        int size = sizeBytes(in.opcode());
        if (off < 0 || off + size > StackState.SIZE || off / 8 != (off + size - 1) / 8) return History.ANY_STACK;
        return History.access(base.frame(), (int) (off / 8) + 1);
    }

    /** The branch just followed narrowed more than one linked register or slot: the kernel records them in its history. */
    private boolean linkedBranch() { return cx.branchLinks != null && cx.branchLinks.length > 1; }

    /** A store at a fixed stack offset that starts an 8-byte slot: where the kernel spills a register (after the store). */
    private static boolean stackOffsetAligned(VerifierState st, Insn in) {
        RegState base = st.reg(in.dst());
        return base.type() == RegType.STACK && base.value().isConst() && (base.off() + base.value().constValue() + in.off()) % 8 == 0;
    }

    private static boolean isJmpClass(Insn in) { return cls(in.opcode()) == JMP || cls(in.opcode()) == JMP32; }

    /** The path ends: checkpoints whose paths are now all explored may end their loop's visit ({@link LoopVisits}). */
    private void endPath(Checkpoint v) {
        while (v != null) {
            if (--v.branches > 0) return;
            try {
                loops.exit(v, precision);
            } catch (Precision.FreedStateReached e) {
                cx.pc = v.pc;
                throw new Reject(FREED_STATE + " (insn "
                        + cx.slotOf[e.state.pc] + "); 6.18 reports 'stack slot N, total slots M' or crashes",
                        "this loop, in a function run again and again (a bpf_loop body), needs exactly a value its caller kept"
                                + " before the call, and the kernel (6.18) then reads back a state it has freed, refusing the program"
                                + " or crashing; move the loop out of the body, or do not use that value exactly afterwards");
            }
            maybeFree(v);
            v = v.parent;
        }
    }

    /** The kernel frees a state it evicted once its paths are all explored, unless its loop's precision is incomplete. */
    private void maybeFree(Checkpoint v) {
        if (v.evicted && v.branches == 0 && !loops.incomplete(v)) v.freed = true;
    }

    /** {@link #fork} for the branch and iterator checks: a class, not a method reference, which links method handles at its first use. */
    private final BiConsumer<Integer, VerifierState> forks = new BiConsumer<>() {
        @Override public void accept(Integer target, VerifierState st) { fork(target, st); }
    };

    private void fork(int target, VerifierState st) {
        if (last != null) last.branches++;
        History h = recent.copy();
        h.add(cx.pc, History.NO_STACK);
        if (cx.branchLinks != null) h.addLinks(cx.branchLinks);
        if (!jumpPointEntry && linkedBranch()) h.countKernelEntry();
        pending.push(new Branch(target, st, last, h));
        // a loop that leaves one branch behind per iteration: the kernel gives up as soon as too many wait
        if (pending.size() > MAX_PENDING_BRANCHES)
            throw new Reject("The sequence of " + pending.size() + " jumps is too complex.",
                    "more than " + MAX_PENDING_BRANCHES + " branches wait to be checked at once, as in a loop whose"
                            + " bound the verifier cannot see; bound the loop with a small constant limit");
    }

    /** Executes the instruction at {@code cx.pc} on {@code st}; returns the next index, or -1 when the path ends. */
    private int step(VerifierState st) {
        int pc = cx.pc;
        Insn in = cx.insns.get(pc);
        String reserved = Encoding.reservedFields(in);
        if (reserved != null)
            throw new Reject(reserved, "instruction " + in + " sets a field the kernel requires to be zero for its kind");
        switch (cls(in.opcode())) {
            case ALU: case ALU64: {
                VerifierState zero = alu.zeroOrMinusOne(st, in);
                if (zero != null) fork(pc, zero);
                alu.alu(st, in);
                return pc + 1;
            }
            case LD: memory.load(st, in); return pc + 1;
            case LDX: memory.loadMem(st, in); return pc + 1;
            case ST: case STX:
                if (mode(in.opcode()) == ATOMIC) memory.atomic(st, in); else memory.storeMem(st, in);
                return pc + 1;
            default: return jump(st, in);
        }
    }

    private int jump(VerifierState st, Insn in) {
        int op = op(in.opcode());
        if (op == JA) return cx.targetIndex(cx.pc, in.jumpOffset(), false);
        if (op == CALL) {
            if (isLoopCall(in)) return calls.loopCall(st, forks);
            if (in.isHelperCall()) { calls.helperCall(st, (int) in.imm()); return cx.pc + 1; }
            if (in.isLocalCall()) return calls.localCall(st, in);
            if (IteratorKfuncs.handles(in)) {
                // the state kept at this next call one iteration earlier (the newest, last, is this iteration's)
                Checkpoint previous = last != null && last.pc == cx.pc ? previousVisit(cx.pc, st, last, last.depth) : null;
                return iterators.call(st, in, forks, previous);
            }
            throw new Reject("kernel function calls are not supported", "calls of kernel functions (kfuncs) are not supported");
        }
        if (op == EXIT) {
            iterators.checkExit(st);
            boolean callback = st.frame().callback;
            int next = calls.exit(st);
            if (callback) widenRound(next, st);
            return next;
        }
        if (MayGoto.is(in)) return mayGoto(st, in);
        return branches.conditional(st, in, forks);
    }

    private static boolean isLoopCall(Insn in) { return in.isHelperCall() && in.imm() == org.jbpf.core.helper.HelperTable.LOOP; }

    /**
     * A bpf_loop body returned to its call at {@code call}: scalars that changed since the round before, kept at that
     * call on this path, and that no check needed exactly become unknown, as the kernel widens them.
     */
    private void widenRound(int call, VerifierState st) {
        Checkpoint previous = previousVisit(call, st, null, last == null ? 0 : last.depth + 1);
        if (previous != null) ImpreciseWidening.widen(previous, st);
    }

    /** may_goto: this path takes the jump; the loop body is explored later one level deeper ({@link MayGoto}). */
    private int mayGoto(VerifierState st, Insn in) {
        MayGoto.checkFields(in);
        int target = cx.targetIndex(cx.pc, in.jumpOffset(), false);
        VerifierState body = st.copy();
        body.mayGotoDepth++;
        Checkpoint prev = last == null ? null : previousVisit(cx.pc, st, last, last.depth);
        if (prev != null) ImpreciseWidening.widen(prev, body);
        fork(cx.pc + 1, body);
        return target;
    }

    /**
     * The newest state kept at {@code pc} whose paths are still being followed, in the same functions as {@code st},
     * other than {@code self} and less deep than {@code depth}: the previous round or iteration of this path, found
     * among the states kept at that instruction as the kernel's find_prev_entry finds it (walking the path's whole
     * chain instead cost a step per checkpoint at every round, quadratic in long loops).
     */
    private Checkpoint previousVisit(int pc, VerifierState st, Checkpoint self, int depth) {
        List<Checkpoint> here = visits.get(pc);
        for (int i = here.size() - 1; i >= 0; i--) {
            Checkpoint v = here.get(i);
            if (v != self && v.branches > 0 && v.depth < depth && MayGoto.sameCallSites(v.state, st)) return v;
        }
        return null;
    }
}
