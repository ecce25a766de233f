package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Alu;
import org.jbpf.sim.VerifierError;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.verifier.HelperTable.Arg;
import org.jbpf.sim.verifier.HelperTable.Proto;

/**
 * Explores every path of a program over abstract register and stack states, as the kernel verifier does for a
 * privileged load, and stops at the first instruction the kernel would refuse.
 *
 * <p>Where it is deliberately stricter than the kernel (so it may reject what the kernel accepts):
 * <ul>
 *   <li>stack accesses through a pointer with a variable offset are refused;</li>
 *   <li>32-bit bounds are derived from 64-bit ones, and copies of a scalar are not refined together;</li>
 *   <li>a null test is understood only as {@code if rX ==/!= 0} with an immediate 0;</li>
 *   <li>reading fields of a map through its map pointer (BTF access) is refused;</li>
 *   <li>socket filters may read only the u32 fields len..hash of {@code __sk_buff};</li>
 *   <li>helpers are limited to {@link HelperTable}; kfuncs, tail calls and callbacks are refused;</li>
 *   <li>state pruning compares full states (no liveness), so large programs can hit the instruction budget sooner.</li>
 * </ul>
 */
public final class AbstractInterpreter {
    static final int MAX_PROCESSED = 1_000_000, MAX_FRAMES = 8, MAX_VAR_OFF = 1 << 29, MAX_VISITS_PER_INSN = 64;

    private final BpfObject obj;
    private final ProgramSpec prog;
    private final List<Insn> insns;
    private final int[] slotOf;
    private final Map<Integer, Integer> indexOfSlot = new HashMap<>();
    private ProgramKind kind;

    private final boolean[] prunePoint;
    /** Registers that must match exactly for a state to be pruned, per instruction (see {@link PreciseRegisters}). */
    private PreciseRegisters precise;
    private final List<List<Visit>> visits;
    private final Deque<Branch> pending = new ArrayDeque<>();
    private final Map<Integer, Integer> maxDepth = new HashMap<>();
    private final Map<Integer, Set<Integer>> callees = new HashMap<>();
    private int processed, nextId = 1, pc;

    /** An explored state at a prune point; complete when no path below it is still pending. */
    private static final class Visit {
        final VerifierState state;
        final Visit parent;
        int branches = 1;

        Visit(VerifierState state, Visit parent) {
            this.state = state;
            this.parent = parent;
        }
    }

    private record Branch(int pc, VerifierState state, Visit parent) {}

    public AbstractInterpreter(BpfObject obj, ProgramSpec prog) {
        this.obj = obj;
        this.prog = prog;
        this.insns = prog.insns();
        this.slotOf = Insn.slotOffsets(insns);
        for (int i = 0; i < insns.size(); i++) indexOfSlot.put(slotOf[i], i);
        this.prunePoint = new boolean[insns.size()];
        this.visits = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) visits.add(new ArrayList<>());
    }

    public VerifierResult run() {
        try {
            kind = ProgramKind.of(prog.kind());
            if (kind == null) {
                pc = 0;
                throw new Reject("unsupported program type for section '" + prog.section() + "'",
                        "section '" + prog.section() + "' names a program type the simulator does not model"
                                + " (tracepoint, raw_tracepoint, kprobe, uprobe, socket, xdp)");
            }
            if (insns.isEmpty()) { pc = 0; throw new Reject("empty program", "the program has no instructions"); }
            checkControlFlow();
            precise = PreciseRegisters.compute(insns, slotOf);
            explore();
            checkCombinedStack();
            return new VerifierResult(prog.name(), List.of(), processed);
        } catch (Reject r) {
            int at = Math.min(Math.max(pc, 0), Math.max(insns.size() - 1, 0));
            SourceLine src = insns.isEmpty() ? null : insns.get(at).source();
            String where = src != null && !src.file().isEmpty() ? src + ": "
                    : prog.name() + " insn " + (insns.isEmpty() ? 0 : slotOf[at]) + ": ";
            return new VerifierResult(prog.name(),
                    List.of(new VerifierError(at, insns.isEmpty() ? 0 : slotOf[at], r.kernel, where + r.java, src)), processed);
        }
    }

    // ---- control flow graph checks -----------------------------------------------------------------

    private int targetIndex(int i, int slotDelta, boolean call) {
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

    private void checkControlFlow() {
        int n = insns.size();
        for (pc = 0; pc < n; pc++) checkEncoding(insns.get(pc));
        Insn last = insns.get(n - 1);
        if (!last.isExit() && !(op(last.opcode()) == JA && isJump(last.opcode()))) {
            pc = n - 1;
            throw new Reject("last insn is not an exit or jmp", "the program can run past its last instruction");
        }
        boolean[] seen = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        work.push(0);
        seen[0] = true;
        while (!work.isEmpty()) {
            pc = work.pop();
            Insn in = insns.get(pc);
            List<Integer> next = new ArrayList<>();
            if (in.isExit()) {
                // no successor
            } else if (in.isJump()) {
                int t = targetIndex(pc, in.jumpOffset(), false);
                next.add(t);
                prunePoint[t] = true;
                if (in.isConditionalJump()) { next.add(pc + 1); prunePoint[pc + 1] = true; }
            } else if (in.isLocalCall()) {
                int t = targetIndex(pc, (int) in.imm(), true);
                next.add(t);
                prunePoint[t] = true;
                next.add(pc + 1);
            } else {
                next.add(pc + 1);
            }
            for (int t : next) {
                if (t >= n) throw new Reject("jump out of range from insn " + slotOf[pc] + " to " + slotOf[n],
                        "execution runs past the end of the program");
                if (!seen[t]) { seen[t] = true; work.push(t); }
            }
        }
        for (pc = 0; pc < n; pc++)
            if (!seen[pc]) throw new Reject("unreachable insn " + slotOf[pc], "this code can never run; remove it");
    }

    private void checkEncoding(Insn in) {
        int opc = in.opcode(), c = cls(opc), op = op(opc);
        boolean ok;
        switch (c) {
            case ALU: case ALU64:
                ok = op <= END && (op != END || in.imm() == 16 || in.imm() == 32 || in.imm() == 64)
                        && !(c == ALU64 && op == END && source(opc) != 0)
                        && (op != MOV || source(opc) == K || in.off() == 0 || in.off() == 8 || in.off() == 16 || (c == ALU64 && in.off() == 32))
                        && ((op == DIV || op == MOD) ? in.off() == 0 || in.off() == 1 : op == MOV || in.off() == 0);
                break;
            case JMP: case JMP32:
                ok = op != 0xe0 && op != 0xf0 && !(c == JMP32 && (op == CALL || op == EXIT));
                break;
            case LD:
                ok = opc == (LD | IMM | DW) || mode(opc) == ABS || mode(opc) == IND;
                ok &= mode(opc) == IMM || size(opc) != DW;
                break;
            case LDX:
                ok = mode(opc) == MEM || (mode(opc) == MEMSX && size(opc) != DW);
                break;
            case ST:
                ok = mode(opc) == MEM;
                break;
            default: // STX
                ok = mode(opc) == MEM || (mode(opc) == ATOMIC && (size(opc) == W || size(opc) == DW));
        }
        if (!ok) throw new Reject(String.format("unknown opcode %02x", opc), "instruction " + in + " is not a valid BPF instruction");
        if (in.dst() > 10 || in.src() > 10 && !in.isLdImm64() && !in.isCall())
            throw new Reject("R" + Math.max(in.dst(), in.src()) + " is invalid", "register number out of range in " + in);
    }

    // ---- exploration --------------------------------------------------------------------------------

    private void explore() {
        FrameState main = new FrameState(new RegState[11], new StackState(), -1, 0);
        java.util.Arrays.fill(main.regs, RegState.NOT_INIT);
        main.regs[1] = RegState.pointer(RegType.CTX, 0);
        main.regs[10] = RegState.stackPointer(0, 0);
        List<FrameState> frames = new ArrayList<>();
        frames.add(main);
        pending.push(new Branch(0, new VerifierState(frames, new TreeMap<>()), null));
        while (!pending.isEmpty()) {
            Branch b = pending.pop();
            followPath(b.pc, b.state, b.parent);
        }
    }

    private void followPath(int start, VerifierState st, Visit parent) {
        pc = start;
        while (true) {
            if (++processed > MAX_PROCESSED)
                throw new Reject("BPF program is too large. Processed " + processed + " insn",
                        "the verifier would give up after exploring " + MAX_PROCESSED + " instructions; bound loops"
                                + " with small constant limits or reduce branching");
            if (prunePoint[pc]) {
                List<Visit> here = visits.get(pc);
                for (Visit v : here) {
                    if (v.branches == 0 && st.safeWhere(v.state, precise.regs(pc), precise.slots(pc))) { endPath(parent); return; }
                    if (v.branches > 0 && st.sameAs(v.state))
                        throw new Reject("infinite loop detected at insn " + slotOf[pc],
                                "this loop repeats with nothing changed, so it never ends; make sure its condition changes");
                }
                if (here.size() >= MAX_VISITS_PER_INSN) here.removeIf(v -> v.branches == 0);
                // past the limit the state is not remembered: exploration stays correct, only pruning is lost
                if (here.size() < MAX_VISITS_PER_INSN) {
                    Visit nv = new Visit(st.copy(), parent);
                    here.add(nv);
                    parent = nv;
                }
            }
            int next = step(st, parent);
            if (next < 0) { endPath(parent); return; }
            pc = next;
        }
    }

    private static void endPath(Visit v) {
        while (v != null) {
            if (--v.branches > 0) return;
            v = v.parent;
        }
    }

    private void fork(int target, VerifierState st, Visit parent) {
        if (parent != null) parent.branches++;
        pending.push(new Branch(target, st, parent));
    }

    /** Executes the instruction at {@code pc} on {@code st}; returns the next index, or -1 when the path ends. */
    private int step(VerifierState st, Visit parent) {
        Insn in = insns.get(pc);
        int c = cls(in.opcode());
        switch (c) {
            case ALU: case ALU64: alu(st, in); return pc + 1;
            case LD: load(st, in); return pc + 1;
            case LDX: loadMem(st, in); return pc + 1;
            case ST: case STX:
                if (mode(in.opcode()) == ATOMIC) atomic(st, in); else storeMem(st, in);
                return pc + 1;
            default: return jump(st, in, parent);
        }
    }

    // ---- registers ------------------------------------------------------------------------------------

    private RegState read(VerifierState st, int r) {
        RegState v = st.reg(r);
        if (!v.isInit())
            throw new Reject("R" + r + " !read_ok", "a value is used before it is assigned (register r" + r
                    + (r >= 1 && r <= 5 ? "; helper and function calls clobber r1-r5" : "") + ")");
        return v;
    }

    private static void checkWritable(int r) {
        if (r == 10) throw new Reject("frame pointer is read only", "the frame pointer r10 cannot be assigned");
    }

    private static String opSymbol(int op) {
        String d = org.jbpf.core.asm.Disassembler.format(Insn.alu64Reg(op, 0, 1));
        return d.substring(3, d.lastIndexOf(' '));
    }

    // ---- ALU ------------------------------------------------------------------------------------------

    private void alu(VerifierState st, Insn in) {
        int opc = in.opcode(), op = op(opc), dst = in.dst();
        boolean wide = cls(opc) == ALU64;
        if (op == MOV) {
            checkWritable(dst);
            if (source(opc) == K) {
                st.set(dst, RegState.constant(wide ? (long) (int) in.imm() : in.imm() & 0xffffffffL));
                return;
            }
            RegState s = read(st, in.src());
            if (wide && in.off() == 0) { st.set(dst, s); return; }
            if (!s.isScalar()) { st.set(dst, RegState.scalar(wide ? ScalarBounds.UNKNOWN : ScalarBounds.U32)); return; }
            ScalarBounds v = s.value();
            if (wide) v = v.signExtend(in.off());
            else v = in.off() == 0 ? v.truncate(4) : v.truncate(4).signExtend(in.off()).truncate(4);
            st.set(dst, RegState.scalar(v));
            return;
        }
        RegState d = read(st, dst);
        checkWritable(dst);
        if (op == NEG || op == END) {
            if (!d.isScalar()) { st.set(dst, RegState.UNKNOWN_SCALAR); return; }
            if (d.isConst()) { st.set(dst, RegState.constant(Alu.eval(opc, in.off(), in.imm(), d.value().constValue(), 0))); return; }
            ScalarBounds r;
            if (op == NEG) r = wide ? ScalarBounds.UNKNOWN : ScalarBounds.U32;
            else if (in.imm() == 64) r = wide || source(opc) == TO_BE ? ScalarBounds.UNKNOWN : d.value();
            else if (!wide && source(opc) == TO_LE) r = d.value().truncate((int) in.imm() / 8);
            else r = ScalarBounds.unsignedRange(0, (1L << in.imm()) - 1);
            st.set(dst, RegState.scalar(r));
            return;
        }
        RegState s;
        if (source(opc) == X) s = read(st, in.src());
        else {
            if ((op == DIV || op == MOD) && in.imm() == 0)
                throw new Reject("div by zero", "division or remainder by the constant 0");
            if ((op == LSH || op == RSH || op == ARSH) && (in.imm() < 0 || in.imm() >= (wide ? 64 : 32)))
                throw new Reject("invalid shift " + in.imm(), "shift by " + in.imm() + " is out of range");
            s = RegState.constant(wide ? (long) (int) in.imm() : in.imm() & 0xffffffffL);
        }
        if (d.type().isPointer() || s.type().isPointer()) { st.set(dst, pointerAlu(in, d, s, wide)); return; }
        st.set(dst, RegState.scalar(scalarAlu(in, d.value(), s.value(), wide)));
    }

    private static ScalarBounds scalarAlu(Insn in, ScalarBounds a, ScalarBounds b, boolean wide) {
        int opc = in.opcode(), op = op(opc);
        if (a.isConst() && b.isConst())
            return ScalarBounds.constant(Alu.eval(opc, in.off(), in.imm(), a.constValue(), b.constValue()));
        if (in.off() == 1) return wide ? ScalarBounds.UNKNOWN : ScalarBounds.U32; // signed div/mod
        if (wide) return a.alu(op, b);
        ScalarBounds a32 = a.truncate(4), b32 = b.truncate(4);
        if (op == ARSH) a32 = a32.signExtend(32);
        if ((op == LSH || op == RSH || op == ARSH) && !b32.isConst()) return ScalarBounds.U32;
        return a32.alu(op, b32).truncate(4);
    }

    private RegState pointerAlu(Insn in, RegState d, RegState s, boolean wide) {
        int op = op(in.opcode()), dst = in.dst();
        String sym = opSymbol(op);
        if (!wide) {
            if (op == SUB) return RegState.scalar(ScalarBounds.U32);
            throw new Reject("R" + dst + " 32-bit pointer arithmetic prohibited",
                    "pointer arithmetic must use 64-bit (long) values");
        }
        if (d.type().isPointer() && s.type().isPointer()) {
            if (op == SUB) return RegState.UNKNOWN_SCALAR;
            throw new Reject("R" + dst + " pointer " + sym + " pointer prohibited", "two pointers cannot be combined with " + sym);
        }
        RegState ptr = d.type().isPointer() ? d : s, sc = d.type().isPointer() ? s : d;
        String t = ptr.type().logName;
        if (ptr.type().maybeNull())
            throw new Reject("R" + dst + " pointer arithmetic on " + t + " prohibited, null-check it first",
                    nullableWhat(ptr) + " may be null here; test it against null before computing with it");
        boolean mapPlusZero = ptr.type() == RegType.MAP_PTR && op == ADD && sc.isConst() && sc.value().constValue() == 0;
        if ((ptr.type() == RegType.MAP_PTR && !mapPlusZero) || ptr.type() == RegType.PACKET_END)
            throw new Reject("R" + dst + " pointer arithmetic on " + t + " prohibited",
                    "a " + (ptr.type() == RegType.MAP_PTR ? "map reference" : "packet end pointer") + " cannot be offset");
        if (op == AND || op == OR || op == XOR)
            throw new Reject("R" + dst + " bitwise operator " + sym + " on pointer prohibited", "bit operations on a pointer are not allowed");
        if (op != ADD && op != SUB)
            throw new Reject("R" + dst + " pointer arithmetic with " + sym + " operator prohibited",
                    "only + and - are allowed on pointers");
        if (op == SUB && !d.type().isPointer())
            throw new Reject("R" + dst + " tried to subtract pointer from scalar", "a pointer cannot be subtracted from a number");
        ScalarBounds v = sc.value();
        if (v.isConst() && (v.constValue() >= MAX_VAR_OFF || v.constValue() <= -MAX_VAR_OFF))
            throw new Reject("math between " + t + " pointer and register with value " + v.constValue() + " is not allowed",
                    "offset " + v.constValue() + " is far outside any object");
        if (v.smin() == Long.MIN_VALUE)
            throw new Reject("math between " + t + " pointer and register with unbounded min value is not allowed",
                    "an index added to a pointer must be bounded: check it (e.g. if (i < N)) or mask it first");
        if (v.smin() >= MAX_VAR_OFF || v.smin() <= -MAX_VAR_OFF)
            throw new Reject("value " + v.smin() + " makes " + t + " pointer be out of bounds", "the index is far out of bounds");
        if (v.isConst()) {
            long off = ptr.off() + (op == ADD ? v.constValue() : -v.constValue());
            if (off >= MAX_VAR_OFF || off <= -MAX_VAR_OFF)
                throw new Reject(t + " pointer offset " + off + " is not allowed", "pointer offset " + off + " is out of bounds");
            return ptr.withOff((int) off);
        }
        ScalarBounds var = op == ADD ? ptr.value().add(v) : ptr.value().sub(v);
        RegState r = ptr.withValue(var);
        if (ptr.type().isPacket()) r = r.withId(nextId++).withRange(0);
        return r;
    }

    private static String nullableWhat(RegState r) {
        return r.type() == RegType.RINGBUF_MEM_OR_NULL ? "the ring buffer reservation" : "the value of a map lookup";
    }

    // ---- loads and stores ---------------------------------------------------------------------------

    private void load(VerifierState st, Insn in) {
        int m = mode(in.opcode());
        if (m == ABS || m == IND) { legacyPacketLoad(st, in); return; }
        checkWritable(in.dst());
        switch (in.src()) {
            case 0: st.set(in.dst(), RegState.constant(in.imm())); return;
            case PSEUDO_MAP_FD: case PSEUDO_MAP_VALUE: {
                MapSpec map = in.reference() == null ? null : obj.map(in.reference()).orElse(null);
                if (map == null)
                    throw new Reject("fd " + (int) in.imm() + " is not pointing to valid bpf_map",
                            "the program refers to map '" + in.reference() + "', which the object does not declare");
                if (in.src() == PSEUDO_MAP_FD) {
                    st.set(in.dst(), RegState.pointer(RegType.MAP_PTR, 0).withMap(map, map.valueSize()));
                    return;
                }
                int off = (int) (in.imm() >>> 32);
                if (off < 0 || off >= map.valueSize())
                    throw new Reject("invalid access to map value pointer, value_size=" + map.valueSize() + " off=" + off,
                            "offset " + off + " lies outside map '" + map.name() + "'");
                st.set(in.dst(), RegState.pointer(RegType.MAP_VALUE, off).withMap(map, map.valueSize()));
                return;
            }
            default:
                throw new Reject("unsupported 64-bit load source " + in.src(), "kernel objects and functions by address are not supported");
        }
    }

    private void legacyPacketLoad(VerifierState st, Insn in) {
        if (kind != ProgramKind.SOCKET)
            throw new Reject("BPF_LD_[ABS|IND] instructions not allowed for this program type",
                    "packet loads by absolute offset work only in socket filters");
        if (st.reg(6).type() != RegType.CTX)
            throw new Reject("at the time of BPF_LD_ABS|IND R6 != pointer to skb", "r6 must hold the socket buffer context");
        if (mode(in.opcode()) == IND) {
            RegState idx = read(st, in.src());
            if (!idx.isScalar()) throw new Reject("R" + in.src() + " type=" + idx.type().logName + " expected=scalar",
                    "the packet index must be a number");
        }
        for (int r = 1; r <= 5; r++) st.set(r, RegState.NOT_INIT);
        int bytes = sizeBytes(in.opcode());
        st.set(0, RegState.scalar(ScalarBounds.unsignedRange(0, bytes == 4 ? 0xffffffffL : (1L << (bytes * 8)) - 1)));
    }

    private void loadMem(VerifierState st, Insn in) {
        checkWritable(in.dst());
        RegState base = read(st, in.src());
        int size = sizeBytes(in.opcode());
        RegState v = access(st, in.src(), base, in.off(), size, false, null);
        if (mode(in.opcode()) == MEMSX) v = v.isScalar() ? RegState.scalar(v.value().signExtend(size * 8)) : RegState.UNKNOWN_SCALAR;
        st.set(in.dst(), v);
    }

    private void storeMem(VerifierState st, Insn in) {
        RegState base = read(st, in.dst());
        RegState value = cls(in.opcode()) == ST ? RegState.constant(in.imm()) : read(st, in.src());
        int size = sizeBytes(in.opcode());
        if (value.isScalar() && size < 8) value = RegState.scalar(value.value().truncate(size));
        access(st, in.dst(), base, in.off(), size, true, value);
    }

    private void atomic(VerifierState st, Insn in) {
        int aop = (int) in.imm(), size = sizeBytes(in.opcode());
        int plain = aop & ~FETCH;
        if (!(aop == XCHG || aop == CMPXCHG || plain == ADD || plain == OR || plain == AND || plain == XOR))
            throw new Reject(String.format("BPF_ATOMIC uses invalid atomic opcode %02x", aop), "invalid atomic operation");
        RegState src = read(st, in.src());
        if (aop == CMPXCHG) read(st, 0);
        RegState base = read(st, in.dst());
        if (base.type() == RegType.CTX || base.type().isPacket())
            throw new Reject("BPF_ATOMIC stores into R" + in.dst() + " " + base.type().logName + " is not allowed",
                    "atomic operations work on the stack and on map values only");
        if (!src.isScalar())
            throw new Reject("R" + in.src() + " leaks addr into mem", "a pointer cannot be stored atomically");
        access(st, in.dst(), base, in.off(), size, false, null);
        access(st, in.dst(), base, in.off(), size, true, RegState.scalar(size == 4 ? ScalarBounds.U32 : ScalarBounds.UNKNOWN));
        RegState fetched = RegState.scalar(size == 4 ? ScalarBounds.U32 : ScalarBounds.UNKNOWN);
        if (aop == CMPXCHG) st.set(0, fetched);
        else if ((aop & FETCH) != 0) { checkWritable(in.src()); st.set(in.src(), fetched); }
    }

    /** Checks one memory access through register {@code regno}; returns what a load yields. */
    private RegState access(VerifierState st, int regno, RegState base, int insnOff, int size, boolean write, RegState value) {
        String r = "R" + regno;
        switch (base.type()) {
            case STACK: return stackAccess(st, regno, base, insnOff, size, write, value);
            case MAP_VALUE: case RINGBUF_MEM:
                regionAccess(regno, base, insnOff, size, base.size());
                return loaded(size);
            case CTX: {
                if (!base.value().isConst())
                    throw new Reject("variable ctx access var_off=" + base.value().tnum() + " disallowed",
                            "the context can only be read at constant offsets");
                if (base.off() != 0)
                    throw new Reject("dereference of modified ctx ptr " + r + " off=" + base.off() + " disallowed",
                            "read context fields from the context pointer itself, not from a pointer computed from it");
                RegState got = kind.access(insnOff, size, write);
                if (got == null)
                    throw new Reject("invalid bpf_context access off=" + insnOff + " size=" + size,
                            "a " + kind.name().toLowerCase() + " context cannot be " + (write ? "written" : "read")
                                    + " at offset " + insnOff + " with size " + size);
                return got;
            }
            case PACKET: case PACKET_META: {
                ScalarBounds v = base.value();
                long off = (long) base.off() + insnOff;
                if (v.smin() < 0 || off + v.smin() < 0 || v.umax() >= MAX_VAR_OFF || off + v.umax() + size > base.range())
                    throw new Reject(r + " offset is outside of the packet",
                            "packet access of " + size + " bytes at offset " + off + " is not proven to lie before data_end;"
                                    + " compare data + " + (off + size) + " against data_end first");
                if (write && kind != ProgramKind.XDP)
                    throw new Reject("cannot write into packet", "this program type cannot write the packet");
                return loaded(size);
            }
            default:
                throw new Reject(r + " invalid mem access '" + base.type().logName + "'", derefExplanation(base));
        }
    }

    private static String derefExplanation(RegState base) {
        switch (base.type()) {
            case MAP_VALUE_OR_NULL: return "value of a map lookup may be null here; test it against null first";
            case RINGBUF_MEM_OR_NULL: return "the ring buffer reservation may be null here; test it against null first";
            case SCALAR: return "a number is used as a pointer; only the context, stack, map values and reserved records can be accessed";
            case MAP_PTR: return "a map reference cannot be read or written directly; use lookup/update";
            case PACKET_END: return "data_end marks the end of the packet and cannot be read";
            default: return "memory behind a " + base.type().logName + " cannot be accessed";
        }
    }

    private static RegState loaded(int size) {
        return RegState.scalar(size == 8 ? ScalarBounds.UNKNOWN : ScalarBounds.unsignedRange(0, (1L << (size * 8)) - 1));
    }

    private static void regionAccess(int regno, RegState reg, int insnOff, int size, int memSize) {
        String r = "R" + regno;
        long off = (long) reg.off() + insnOff;
        ScalarBounds v = reg.value();
        String what = reg.type() == RegType.MAP_VALUE ? "the " + memSize + "-byte value of map '" + reg.map().name() + "'"
                : "the " + memSize + "-byte ring buffer record";
        String java = "access of " + size + " bytes at offset " + (v.isConst() ? Long.toString(off + v.constValue())
                : off + "+" + v) + " may fall outside " + what + "; check the index against the size";
        if (v.smin() < 0 && (v.smin() == Long.MIN_VALUE || off + v.smin() < 0))
            throw new Reject(r + " min value is negative, either use unsigned index or do a if (index >=0) check.", java);
        if (off + v.smin() < 0 || off + v.smin() + size > memSize)
            throw new Reject(r + " min value is outside of the allowed memory range", java);
        if (Long.compareUnsigned(v.umax(), MAX_VAR_OFF) >= 0)
            throw new Reject(r + " unbounded memory access, make sure to bounds check any such access", java);
        if (off + v.umax() + size > memSize)
            throw new Reject(r + " max value is outside of the allowed memory range", java);
    }

    private RegState stackAccess(VerifierState st, int regno, RegState base, int insnOff, int size, boolean write, RegState value) {
        if (!base.value().isConst())
            throw new Reject("R" + regno + " variable stack access var_off=" + base.value().tnum() + " (not modelled)",
                    "stack arrays indexed by a variable are not supported; use a map value or a constant index");
        FrameState f = st.frames.get(base.frame());
        int off = (int) (base.off() + base.value().constValue() + insnOff);
        if (off % size != 0)
            throw new Reject("misaligned stack access off 0+" + base.off() + "+" + insnOff + " size " + size,
                    "stack access of " + size + " bytes at offset " + off + " is not aligned to its size");
        if (off < -StackState.SIZE || off + size > 0)
            throw new Reject("invalid " + (write ? "write to" : "read from") + " stack R" + regno + " off=" + off + " size=" + size,
                    "stack access at offset " + off + " is outside the 512-byte stack; reduce local variables or use a map");
        noteDepth(f, off);
        if (write) {
            if (value != null && value.type().isPointer() && size != 8)
                throw new Reject("invalid size of register spill", "a pointer must be stored on the stack as 8 bytes");
            f.stack.write(off, size, value);
            return null;
        }
        RegState spill = f.stack.spillAt(off);
        if (spill != null) {
            if (size == 8) return spill;
            if (spill.type().isPointer())
                throw new Reject("invalid size of register fill", "part of a stored pointer cannot be read back");
            if (spill.isConst()) {
                long v = spill.value().constValue() >>> (8 * ((off + StackState.SIZE) % 8));
                if (f.stack.spillAt(off + size - 1) == spill) return RegState.constant(size == 8 ? v : v & ((1L << (8 * size)) - 1));
            }
        }
        boolean zero = true;
        for (int i = off; i < off + size; i++) {
            byte k = f.stack.kindAt(i);
            RegState sp = f.stack.spillAt(i);
            if (!(k == StackState.ZERO || (sp != null && sp.isConst() && sp.value().constValue() == 0))) zero = false;
        }
        return zero ? RegState.constant(0) : loaded(size);
    }

    private void noteDepth(FrameState f, int off) {
        f.stack.touch(off);
        maxDepth.merge(f.function, -off, Math::max);
    }

    // ---- jumps, calls, exit --------------------------------------------------------------------------

    private int jump(VerifierState st, Insn in, Visit parent) {
        int opc = in.opcode(), op = op(opc);
        if (op == JA) return targetIndex(pc, in.jumpOffset(), false);
        if (op == CALL) {
            if (in.isHelperCall()) { helperCall(st, (int) in.imm()); return pc + 1; }
            if (in.isLocalCall()) return localCall(st, in);
            throw new Reject("kernel function calls are not supported", "calls of kernel functions (kfuncs) are not supported");
        }
        if (op == EXIT) return exit(st);
        return conditional(st, in, parent);
    }

    private int conditional(VerifierState st, Insn in, Visit parent) {
        int opc = in.opcode(), op = op(opc);
        boolean j32 = cls(opc) == JMP32;
        RegState a = read(st, in.dst());
        RegState b = source(opc) == X ? read(st, in.src()) : RegState.constant(j32 ? in.imm() & 0xffffffffL : (long) (int) in.imm());
        int target = targetIndex(pc, in.off(), false), fall = pc + 1;
        VerifierState takenState = st.copy();
        boolean canTake = true, canFall = true;
        if (a.isScalar() && b.isScalar()) {
            ScalarBounds av = a.value(), bv = b.value();
            boolean exact = !j32 || (Long.compareUnsigned(av.umax(), 0x7fffffffL) <= 0 && Long.compareUnsigned(bv.umax(), 0x7fffffffL) <= 0);
            if (exact) {
                ScalarBounds[] t = BranchBounds.refine(op, true, av, bv), f = BranchBounds.refine(op, false, av, bv);
                canTake = t != null;
                canFall = f != null;
                if (t != null) setScalars(takenState, in, t);
                if (f != null) setScalars(st, in, f);
            } else if (av.isConst() && bv.isConst()) {
                boolean taken = Alu.jump(opc, av.constValue(), bv.constValue());
                canTake = taken;
                canFall = !taken;
            }
        } else if (!j32 && source(opc) == K && in.imm() == 0 && (op == JEQ || op == JNE) && a.type().maybeNull()) {
            nullTest(op == JEQ ? takenState : st, a, true);
            nullTest(op == JEQ ? st : takenState, a, false);
        } else if (b.isConst() && b.value().constValue() == 0 && (op == JEQ || op == JNE) && !j32 && provablyNonNull(a)) {
            canTake = op == JNE;
            canFall = op == JEQ;
        } else if (!j32 && source(opc) == X) {
            packetCompare(op, a, b, takenState, st);
        }
        if (!canTake && !canFall) canFall = true; // contradictory facts: keep going as the kernel does
        if (canTake && canFall) { fork(target, takenState, parent); return fall; }
        if (canTake) { copyInto(st, takenState); return target; }
        return fall;
    }

    private static boolean provablyNonNull(RegState r) {
        return r.type() == RegType.MAP_VALUE || r.type() == RegType.RINGBUF_MEM || r.type() == RegType.MAP_PTR;
    }

    private static void copyInto(VerifierState to, VerifierState from) {
        to.frames.clear();
        to.frames.addAll(from.frames);
        to.refs.clear();
        to.refs.putAll(from.refs);
    }

    private static void setScalars(VerifierState st, Insn in, ScalarBounds[] v) {
        st.set(in.dst(), RegState.scalar(v[0]));
        if (source(in.opcode()) == X && in.src() != in.dst()) st.set(in.src(), RegState.scalar(v[1]));
    }

    /** On one edge of a null test: every copy of the tested pointer becomes 0, or non-null. */
    private static void nullTest(VerifierState st, RegState tested, boolean isNull) {
        int id = tested.id();
        st.mapAll(r -> r.type().maybeNull() && r.id() == id ? (isNull ? RegState.constant(0) : r.withType(r.type().nonNull())) : r);
        if (isNull && tested.refId() != 0) st.refs.remove(tested.refId());
    }

    private static void packetCompare(int op, RegState a, RegState b, VerifierState taken, VerifierState fall) {
        RegState pkt;
        boolean goodWhenTaken;
        if (a.type().isPacket() && b.type() == RegType.PACKET_END) {
            pkt = a;
            goodWhenTaken = op == JLT || op == JLE;
            if (!(op == JGT || op == JGE || op == JLT || op == JLE)) return;
        } else if (a.type() == RegType.PACKET_END && b.type().isPacket()) {
            pkt = b;
            goodWhenTaken = op == JGT || op == JGE;
            if (!(op == JGT || op == JGE || op == JLT || op == JLE)) return;
        } else {
            return;
        }
        if (Long.compareUnsigned(pkt.value().umax() + pkt.off(), 0xffff) > 0) return;
        int range = pkt.off();
        VerifierState good = goodWhenTaken ? taken : fall;
        good.mapAll(r -> r.type() == pkt.type() && r.id() == pkt.id() && r.range() < range ? r.withRange(range) : r);
    }

    private int exit(VerifierState st) {
        RegState r0 = read(st, 0);
        if (st.frames.size() > 1) {
            FrameState callee = st.frames.remove(st.frames.size() - 1);
            st.set(0, r0);
            for (int r = 1; r <= 5; r++) st.set(r, RegState.NOT_INIT);
            return callee.callSite + 1;
        }
        if (!st.refs.isEmpty()) {
            Map.Entry<Integer, Integer> leak = st.refs.firstEntry();
            SourceLine at = insns.get(leak.getValue()).source();
            throw new Reject("BPF_EXIT instruction in main prog would lead to reference leak",
                    "the ring buffer reservation made at " + (at != null ? at.toString() : "insn " + slotOf[leak.getValue()])
                            + " is neither submitted nor discarded on this path before the program returns");
        }
        return -1;
    }

    private int localCall(VerifierState st, Insn in) {
        int target = targetIndex(pc, (int) in.imm(), true);
        if (st.frames.size() >= MAX_FRAMES)
            throw new Reject("the call stack of " + (st.frames.size() + 1) + " frames is too deep",
                    "functions nest more than " + MAX_FRAMES + " calls deep");
        RegState[] regs = new RegState[11];
        java.util.Arrays.fill(regs, RegState.NOT_INIT);
        for (int r = 1; r <= 5; r++) regs[r] = st.reg(r);
        regs[10] = RegState.stackPointer(st.frames.size(), 0);
        callees.computeIfAbsent(st.frame().function, k -> new HashSet<>()).add(target);
        st.frames.add(new FrameState(regs, new StackState(), pc, target));
        return target;
    }

    /** The kernel adds up the stack of every function along the deepest call chain (rounded to 16 bytes). */
    private void checkCombinedStack() {
        int[] worst = chain(0, new HashSet<>());
        if (worst[0] > StackState.SIZE) {
            pc = 0;
            throw new Reject("combined stack size of " + worst[1] + " calls is " + worst[0] + ". Too large",
                    "the functions on one call chain use " + worst[0] + " bytes of stack together, more than 512");
        }
    }

    private int[] chain(int function, Set<Integer> onPath) {
        int own = (maxDepth.getOrDefault(function, 0) + 15) / 16 * 16;
        int[] best = { own, 1 };
        if (!onPath.add(function)) return best;
        for (int callee : callees.getOrDefault(function, Set.of())) {
            int[] c = chain(callee, onPath);
            if (own + c[0] > best[0]) best = new int[] { own + c[0], c[1] + 1 };
        }
        onPath.remove(function);
        return best;
    }

    // ---- helper calls --------------------------------------------------------------------------------

    private void helperCall(VerifierState st, int id) {
        Proto p = HelperTable.get(id);
        if (p == null)
            throw new Reject("invalid func " + org.jbpf.core.asm.HelperNames.name(id).replaceFirst("^#", "unknown#"),
                    "helper " + org.jbpf.core.asm.HelperNames.name(id) + " is not available to the simulator or the kernel");
        if (p.tracingOnly() && !kind.tracing)
            throw new Reject("program of this type cannot use helper " + p.logName(),
                    p.logName() + " is available to tracing programs only, not to " + kind.name().toLowerCase() + " programs");
        MapSpec map = null;
        int memReg = -1;
        boolean memWrite = false;
        RegState release = null;
        long allocSize = 0;
        for (int i = 0; i < p.args().size(); i++) {
            int r = i + 1;
            Arg arg = p.args().get(i);
            RegState v = read(st, r);
            String bad = "R" + r + " type=" + v.type().logName + " expected=";
            String javaBad = "argument " + r + " of " + p.logName() + " ";
            switch (arg) {
                case ANYTHING: break;
                case MAP_PTR:
                    if (v.type() != RegType.MAP_PTR) throw new Reject(bad + "map_ptr", javaBad + "must be a map");
                    map = v.map();
                    break;
                case CTX:
                    if (v.type() != RegType.CTX) throw new Reject(bad + "ctx", javaBad + "must be the program's context");
                    if (v.off() != 0) throw new Reject("dereference of modified ctx ptr R" + r + " off=" + v.off() + " disallowed",
                            javaBad + "must be the unmodified context pointer");
                    break;
                case MAP_KEY: case MAP_VALUE: {
                    int size = arg == Arg.MAP_KEY ? map.keySize() : map.valueSize();
                    checkMemType(st, r, v, javaBad);
                    if (size == 0) throw new Reject("invalid zero-sized read", "map '" + map.name() + "' has no keys or values to pass");
                    helperMemory(st, r, v, size, false);
                    break;
                }
                case MEM_READ: case MEM_WRITE:
                    checkMemType(st, r, v, javaBad);
                    memReg = r;
                    memWrite = arg == Arg.MEM_WRITE;
                    break;
                case SIZE: case SIZE_OR_ZERO: {
                    if (!v.isScalar()) throw new Reject(bad + "scalar", javaBad + "must be a byte count");
                    ScalarBounds s = v.value();
                    if (s.smin() < 0)
                        throw new Reject("R" + r + " min value is negative, either use unsigned or 'var &= const'",
                                javaBad + "(a size) may be negative; bound it first");
                    if (s.umin() == 0 && arg == Arg.SIZE)
                        throw new Reject("R" + r + " invalid zero-sized read", javaBad + "(a size) may be zero");
                    if (Long.compareUnsigned(s.umax(), MAX_VAR_OFF) >= 0)
                        throw new Reject("R" + r + " unbounded memory access, use 'var &= const' or 'if (var < const)'",
                                javaBad + "(a size) is unbounded; bound it first");
                    if (s.umax() > 0) helperMemory(st, memReg, st.reg(memReg), (int) s.umax(), memWrite);
                    break;
                }
                case ALLOC_SIZE:
                    if (!v.isConst()) throw new Reject("R" + r + " is not a known constant'", javaBad + "(the record size) must be a constant");
                    allocSize = v.value().constValue();
                    break;
                case RINGBUF_RELEASE:
                    if (v.type() != RegType.RINGBUF_MEM) throw new Reject(bad + "ringbuf_mem",
                            javaBad + (v.type() == RegType.RINGBUF_MEM_OR_NULL ? "may be null; test the reservation against null first"
                                    : "must be a record returned by ringbuf_reserve that is still held"));
                    if (v.off() != 0 || !v.value().isConst() || v.value().constValue() != 0)
                        throw new Reject("R" + r + " must have zero offset when passed to release func or trusted arg to kfunc",
                                javaBad + "must point to the start of the reserved record");
                    if (!st.refs.containsKey(v.refId()))
                        throw new Reject("R" + r + " must be referenced when passed to release function",
                                javaBad + "was already submitted or discarded");
                    release = v;
                    break;
                default: throw new IllegalStateException(arg.toString());
            }
        }
        if (map != null && !HelperTable.compatible(p, map.type()))
            throw new Reject("cannot pass map_type " + map.type() + " into func " + p.logName(),
                    p.logName() + " cannot be used with map '" + map.name() + "' of type " + org.jbpf.core.obj.MapTypes.name(map.type()));
        if (release != null) {
            int ref = release.refId();
            st.refs.remove(ref);
            st.mapAll(r -> r.refId() == ref ? RegState.UNKNOWN_SCALAR : r);
        }
        for (int r = 1; r <= 5; r++) st.set(r, RegState.NOT_INIT);
        switch (p.ret()) {
            case VOID: st.set(0, RegState.NOT_INIT); break;
            case INTEGER: st.set(0, RegState.UNKNOWN_SCALAR); break;
            case MAP_VALUE_OR_NULL:
                st.set(0, RegState.pointer(RegType.MAP_VALUE_OR_NULL, 0).withMap(map, map.valueSize()).withId(nextId++));
                break;
            case RINGBUF_MEM_OR_NULL: {
                int ref = nextId++;
                st.refs.put(ref, pc);
                // the size argument was checked to be constant; its value is the record size
                st.set(0, RegState.pointer(RegType.RINGBUF_MEM_OR_NULL, 0).withMap(map, (int) allocSize).withId(ref).withRefId(ref));
                break;
            }
            default: throw new IllegalStateException();
        }
    }


    private void checkMemType(VerifierState st, int r, RegState v, String javaBad) {
        switch (v.type()) {
            case STACK: case MAP_VALUE: case RINGBUF_MEM: case PACKET: case PACKET_META: break;
            default:
                throw new Reject("R" + r + " type=" + v.type().logName
                        + " expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_",
                        javaBad + (v.type().maybeNull() ? "may be null; test it first" : "must point to the stack, a map value or a record"));
        }
    }

    /** A helper reads or writes {@code size} bytes through register {@code r}. */
    private void helperMemory(VerifierState st, int r, RegState v, int size, boolean write) {
        switch (v.type()) {
            case STACK: {
                if (!v.value().isConst())
                    throw new Reject("R" + r + " variable stack access var_off=" + v.value().tnum() + " (not modelled)",
                            "pass a stack buffer at a constant offset");
                FrameState f = st.frames.get(v.frame());
                int off = v.off();
                if (off < -StackState.SIZE || off + size > 0)
                    throw new Reject("invalid " + (write ? "write to" : "read from") + " stack R" + r + " off=" + off + " size=" + size,
                            "the " + size + "-byte buffer at stack offset " + off + " does not fit in the stack frame");
                noteDepth(f, off);
                if (write) f.stack.writeUnknown(off, size);
                break;
            }
            case MAP_VALUE: case RINGBUF_MEM: regionAccess(r, v, 0, size, v.size()); break;
            default: access(st, r, v, 0, size, write, write ? RegState.UNKNOWN_SCALAR : null);
        }
    }
}
