package org.jbpf.sim.verifier;

import static org.jbpf.sim.verifier.VerifierContext.MAX_FRAMES;
import static org.jbpf.sim.verifier.VerifierContext.MAX_VAR_OFF;

import java.util.Arrays;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.helper.ArgKind;
import org.jbpf.core.helper.HelperSpec;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.MapTypes;

/**
 * Calls and returns: helper calls checked argument by argument against their prototypes, calls of BPF functions
 * (a new frame), and exits (back to the caller, or out of the program with no reference held).
 */
final class CallChecks {
    private final VerifierContext cx;
    private final MemoryChecks memory;

    CallChecks(VerifierContext cx, MemoryChecks memory) {
        this.cx = cx;
        this.memory = memory;
    }

    /** BPF_EXIT: returns the index to continue at in the caller, or -1 when the program ends. */
    int exit(VerifierState st) {
        // a BPF function may return without setting r0: the kernel hands it back unset, and only a read of it fails
        RegState r0 = st.frames.size() > 1 && !st.frame().callback ? st.reg(0) : cx.read(st, 0);
        if (st.frame().callback) return callbackExit(st, r0);
        if (st.frames.size() > 1) {
            if (r0.type() == RegType.STACK)
                throw new Reject("cannot return stack pointer to the caller",
                        "a function returns an address on the stack; return a value, or write through a pointer the caller passes");
            FrameState callee = st.frames.remove(st.frames.size() - 1);
            st.set(0, r0);
            for (int r = 1; r <= 5; r++) st.set(r, RegState.NOT_INIT);
            return callee.callSite + 1;
        }
        if (!st.refs.isEmpty()) {
            Map.Entry<Integer, Integer> leak = st.refs.firstEntry();
            SourceLine at = cx.insns.get(leak.getValue()).source();
            throw new Reject("BPF_EXIT instruction in main prog would lead to reference leak",
                    "the ring buffer reservation made at " + (at != null ? at.toString() : "insn " + cx.slotOf[leak.getValue()])
                            + " is neither submitted nor discarded on this path before the program returns");
        }
        checkReturnRange(st, r0);
        return -1;
    }

    /** Program types whose caller acts on the return value accept only the values it knows (check_return_code). */
    private void checkReturnRange(VerifierState st, RegState r0) {
        long[] range = cx.kind.returnRange();
        if (range == null) return;
        String allowed = "[" + range[0] + ", " + range[1] + "]";
        if (!r0.isScalar())
            throw new Reject("At program exit the register R0 is not a known value (" + r0.type().logName + ")",
                    "a " + cx.kind.name().toLowerCase() + " program must return a number in " + allowed + ", not a pointer");
        cx.needPrecise(st, 0);
        ScalarBounds v = r0.value();
        if (v.smin() >= range[0] && v.smax() <= range[1]) return;
        String has = (v.smin() > Long.MIN_VALUE ? " smin=" + v.smin() : "") + (v.smax() < Long.MAX_VALUE ? " smax=" + v.smax() : "");
        throw new Reject("At program exit the register R0 has" + (has.isEmpty() ? " unknown scalar value" : has)
                + " should have been in " + allowed,
                "a " + cx.kind.name().toLowerCase() + " program must return a number in " + allowed
                        + (v.isConst() ? ", not " + v.constValue() : "; this path may return another value"));
    }

    /** A call of a BPF function: pushes its frame; returns the index of its first instruction. */
    int localCall(VerifierState st, Insn in) {
        int target = cx.targetIndex(cx.pc, (int) in.imm(), true);
        if (st.frames.size() >= MAX_FRAMES)
            throw new Reject("the call stack of " + (st.frames.size() + 1) + " frames is too deep",
                    "functions nest more than " + MAX_FRAMES + " calls deep");
        RegState[] regs = new RegState[11];
        Arrays.fill(regs, RegState.NOT_INIT);
        for (int r = 1; r <= 5; r++) regs[r] = st.reg(r);
        regs[10] = RegState.stackPointer(st.frames.size(), 0);
        cx.noteCall(st.frame().function, target);
        st.frames.add(new FrameState(regs, new StackState(), cx.pc, target));
        return target;
    }

    /**
     * bpf_loop(nr_loops, callback, callback_ctx, flags), as the kernel verifies it: this path goes on as if the body
     * were called no more, with r0 the count; another path (given to {@code fork}) calls the body with the index (any
     * number) in r1 and callback_ctx (a stack pointer or null) in r2, and comes back to this call when it returns, for
     * another round. The body is called at most nr_loops' largest value times on a path; the loop ends sooner when a
     * round's state lies within an earlier one's ({@link AbstractInterpreter}).
     */
    int loopCall(VerifierState st, java.util.function.BiConsumer<Integer, VerifierState> fork) {
        RegState n = cx.read(st, 1), fn = cx.read(st, 2), ctx = cx.read(st, 3), flags = cx.read(st, 4);
        if (!n.isScalar()) throw new Reject("R1 type=" + n.type().logName + " expected=scalar", "the iteration count of bpf_loop must be a number");
        if (fn.type() != RegType.FUNC)
            throw new Reject("R2 type=" + fn.type().logName + " expected=func", "the loop body of bpf_loop must be a BPF function's address");
        boolean nullCtx = ctx.isConst() && ctx.value().constValue() == 0;
        if (ctx.type() != RegType.STACK && !nullCtx)
            throw new Reject("R3 type=" + ctx.type().logName + " expected=fp", "the state of bpf_loop must be on the program's stack, or null");
        // flags are any number to the verifier (bpf_loop refuses nonzero ones when it runs)
        if (st.frames.size() >= MAX_FRAMES)
            throw new Reject("the call stack of " + (st.frames.size() + 1) + " frames is too deep",
                    "functions nest more than " + MAX_FRAMES + " calls deep");
        int target = fn.size();
        cx.noteCall(st.frame().function, target);
        // how many rounds are followed depends on the count: the kernel needs it exactly
        cx.needPrecise(st, 1);
        if (Long.compareUnsigned(st.frame().callbackDepth, n.value().umax()) < 0) {
            VerifierState round = st.copy();
            round.frame().callbackDepth++;
            round.callbackUnrollDepth++;
            RegState[] regs = new RegState[11];
            Arrays.fill(regs, RegState.NOT_INIT);
            regs[1] = RegState.UNKNOWN_SCALAR;
            regs[2] = ctx;
            regs[10] = RegState.stackPointer(round.frames.size(), 0);
            round.frames.add(new FrameState(regs, new StackState(), cx.pc, target, true));
            fork.accept(target, round);
        }
        st.frame().callbackDepth = 0;
        st.set(0, RegState.UNKNOWN_SCALAR);
        for (int r = 1; r <= 5; r++) st.set(r, RegState.NOT_INIT);
        return cx.pc + 1;
    }

    /** The exit of a bpf_loop body: r0 must be 0 (go on) or 1 (stop); the path goes back to the call for another round. */
    private int callbackExit(VerifierState st, RegState r0) {
        // the kernel relies on r0's exact value here (whether the loop goes on), so it marks r0 precise along the path
        if (r0.isScalar()) cx.needPrecise(st, 0);
        ScalarBounds v = r0.isScalar() ? r0.value() : null;
        if (v == null || v.smin() < 0 || v.smax() > 1)
            throw new Reject("At callback return the register R0 " + (v == null ? "is not a known value" : "has smin=" + v.smin() + " smax=" + v.smax())
                    + " should have been in [0, 1]", "a loop body must return 0 (go on) or 1 (stop)");
        FrameState callee = st.frames.remove(st.frames.size() - 1);
        return callee.callSite;
    }

    void helperCall(VerifierState st, int id) {
        // in the kernel's order: an id it does not know, a helper it does not offer this type, then the arguments
        HelperSpec known = HelperTable.byId(id);
        if (known == null)
            throw new Reject("invalid func unknown#" + id, "there is no kernel helper #" + id);
        if (!known.allowedIn(cx.kind.programType))
            throw new Reject("program of this type cannot use helper " + known.logName(),
                    known.logName() + " is not available to " + cx.kind.name().toLowerCase() + " programs");
        HelperSpec p = HelperTable.prototype(id, cx.kind.programType);
        if (p == null)
            throw new Reject("helper " + known.logName() + " is not modelled by the simulator",
                    "helper " + known.logName() + " is not available to the verifier simulation");
        // from the entry function a tail call may sit beside function calls; from a function, the kernel's stack rule is not modelled
        if (id == HelperTable.TAIL_CALL && st.frames.size() > 1)
            throw new Reject("tail calls from BPF functions are not modelled by the simulator",
                    "a tail call inside a BPF function is not supported by the verifier simulation; make it from the program's entry function");
        MapSpec map = null;
        int memReg = -1;
        boolean memWrite = false, memNull = false;
        RegState release = null;
        long allocSize = 0;
        for (int i = 0; i < p.args().size(); i++) {
            int r = i + 1;
            ArgKind arg = p.args().get(i);
            RegState v = cx.read(st, r);
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
                    int size = arg == ArgKind.MAP_KEY ? map.keySize() : map.valueSize();
                    checkMemType(r, v, javaBad);
                    checkPacketArgument(p, v, false, javaBad);
                    if (size == 0) throw new Reject("invalid zero-sized read", "map '" + map.name() + "' has no keys or values to pass");
                    memory.helperMemory(st, r, v, size, false);
                    break;
                }
                case MEM_READ_OR_NULL:
                    // null goes through the type check; the size after it must then be zero
                    memNull = v.isConst() && v.value().constValue() == 0;
                    memReg = r;
                    memWrite = false;
                    if (memNull) break;
                    checkMemType(r, v, javaBad);
                    checkPacketArgument(p, v, false, javaBad);
                    break;
                case MEM_READ: case MEM_WRITE:
                    memNull = false;
                    checkMemType(r, v, javaBad);
                    checkPacketArgument(p, v, arg == ArgKind.MEM_WRITE, javaBad);
                    memReg = r;
                    memWrite = arg == ArgKind.MEM_WRITE;
                    break;
                case SIZE: case SIZE_OR_ZERO: {
                    if (!v.isScalar()) throw new Reject(bad + "scalar", javaBad + "must be a byte count");
                    cx.needPrecise(st, r);
                    ScalarBounds s = v.value();
                    if (s.smin() < 0)
                        throw new Reject("R" + r + " min value is negative, either use unsigned or 'var &= const'",
                                javaBad + "(a size) may be negative; bound it first");
                    if (s.umin() == 0 && arg == ArgKind.SIZE)
                        throw new Reject("R" + r + " invalid zero-sized read", javaBad + "(a size) may be zero");
                    if (Long.compareUnsigned(s.umax(), MAX_VAR_OFF) >= 0)
                        throw new Reject("R" + r + " unbounded memory access, use 'var &= const' or 'if (var < const)'",
                                javaBad + "(a size) is unbounded; bound it first");
                    if (s.umax() > 0 && memNull)
                        throw new Reject("R" + memReg + " type=scalar expected=fp",
                                "argument " + memReg + " of " + p.logName() + " is null, so the size after it must be 0");
                    if (s.umax() > 0) memory.helperMemory(st, memReg, st.reg(memReg), (int) s.umax(), memWrite);
                    break;
                }
                case ALLOC_SIZE:
                    if (!v.isConst()) throw new Reject("R" + r + " is not a known constant'", javaBad + "(the record size) must be a constant");
                    cx.needPrecise(st, r);
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
                case CONST_STR:
                    // the kernel reads the string at verification: it must lie in a frozen map programs cannot write
                    if (v.type() != RegType.MAP_VALUE || v.map() == null || (v.map().flags() & MemoryChecks.F_RDONLY_PROG) == 0)
                        throw new Reject("R" + r + " does not point to a readonly map'", javaBad + "must be a string in read-only data");
                    break;
                default: throw new IllegalStateException(arg.toString());
            }
        }
        if (map != null && p.id() == HelperTable.TAIL_CALL && map.type() != MapTypes.PROG_ARRAY)
            throw new Reject("expected prog array map for tail call", "a tail call needs a program array map, not map '" + map.name() + "'");
        if (map != null && !HelperTable.compatible(p, map.type()))
            throw new Reject("cannot pass map_type " + map.type() + " into func " + p.logName(),
                    p.logName() + " cannot be used with map '" + map.name() + "' of type " + MapTypes.name(map.type()));
        if (map != null && (map.flags() & MemoryChecks.F_RDONLY_PROG) != 0
                && (p.id() == HelperTable.MAP_UPDATE_ELEM || p.id() == HelperTable.MAP_DELETE_ELEM))
            throw new Reject("write into map forbidden",
                    "map '" + map.name() + "' is read-only for programs (BPF_F_RDONLY_PROG); " + p.logName() + " cannot change it");
        if (release != null) {
            int ref = release.refId();
            st.refs.remove(ref);
            st.mapAll(r -> r.refId() == ref ? RegState.UNKNOWN_SCALAR : r);
        }
        // a helper that may move or resize the packet leaves every packet pointer invalid, as the kernel marks them
        if (HelperTable.changesPacketData(p.id())) st.mapAll(r -> r.type().isPacket() || r.type() == RegType.PACKET_END ? RegState.UNKNOWN_SCALAR : r);
        RegState keyArg = p.id() == HelperTable.MAP_LOOKUP_ELEM ? st.reg(2) : null;
        for (int r = 1; r <= 5; r++) st.set(r, RegState.NOT_INIT);
        switch (p.ret()) {
            case VOID: st.set(0, RegState.NOT_INIT); break;
            case INTEGER: st.set(0, RegState.UNKNOWN_SCALAR); break;
            case MAP_VALUE_OR_NULL: {
                RegType t = arrayKeyInRange(st, map, keyArg) ? RegType.MAP_VALUE : RegType.MAP_VALUE_OR_NULL;
                st.set(0, RegState.pointer(t, 0).withMap(map, map.valueSize()).withId(cx.newId()));
                break;
            }
            case RINGBUF_MEM_OR_NULL: {
                int ref = cx.newId();
                st.refs.put(ref, cx.pc);
                // the size argument was checked to be constant; its value is the record size
                st.set(0, RegState.pointer(RegType.RINGBUF_MEM_OR_NULL, 0).withMap(map, (int) allocSize).withId(ref).withRefId(ref));
                break;
            }
            default: throw new IllegalStateException();
        }
    }

    /**
     * The kernel knows a lookup in an array with a constant key in range cannot fail (get_constant_map_key). It
     * reads the key from the stack slot where the key starts, and only from there: the key is 0 when the bytes from
     * its start to the end of that 8-byte slot are known zeros and at least as many as the key; else the slot must
     * hold a spilled constant scalar in exactly the key's bytes from there, and the key is that whole spilled value
     * (not its bytes at the key's place). The spilled value then decides the result, so it must be precise.
     */
    private boolean arrayKeyInRange(VerifierState st, MapSpec map, RegState key) {
        if (key == null || (map.type() != MapTypes.ARRAY && map.type() != MapTypes.PERCPU_ARRAY)
                || key.type() != RegType.STACK || !key.value().isConst())
            return false;
        long at = key.off() + key.value().constValue();
        if (at < -StackState.SIZE || at >= 0) return false;
        int off = (int) at, slotEnd = off - Math.floorMod(off, 8) + 8;
        StackState stack = st.frames.get(key.frame()).stack;
        int zeros = 0;
        while (off + zeros < slotEnd && stack.kindAt(off + zeros) == StackState.ZERO) zeros++;
        if (zeros >= map.keySize()) return 0 < map.maxEntries();
        RegState spill = stack.spillAt(slotEnd - 8);
        if (spill == null || !spill.isScalar()) return false;
        int spilled = 0;
        while (off + spilled < slotEnd && stack.kindAt(off + spilled) == StackState.SPILL) spilled++;
        if (spilled != map.keySize() || !spill.value().isConst()) return false;
        cx.precision.needSlot((slotEnd - 8 + StackState.SIZE) / 8, key.frame());
        long k = spill.value().constValue();
        return k >= 0 && k < map.maxEntries();
    }

    /**
     * Packet memory goes only to the helpers whose prototype allows it, and only where the program type may access the
     * packet that way (cgroup_skb reads it only); the kernel's may_access_direct_pkt_data with the helper's pkt_access.
     */
    private void checkPacketArgument(HelperSpec p, RegState v, boolean write, String javaBad) {
        if (!v.type().isPacket()) return;
        if (!HelperTable.takesPacketMemory(p.id()) || (write && !cx.kind.writesPacket()))
            throw new Reject("helper access to the packet is not allowed",
                    javaBad + "cannot point into the packet; copy the bytes to the stack first");
    }

    private static void checkMemType(int r, RegState v, String javaBad) {
        switch (v.type()) {
            case STACK: case MAP_VALUE: case RINGBUF_MEM: case PACKET: case PACKET_META: break;
            default:
                throw new Reject("R" + r + " type=" + v.type().logName
                        + " expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_",
                        javaBad + (v.type().maybeNull() ? "may be null; test it first" : "must point to the stack, a map value or a record"));
        }
    }
}
