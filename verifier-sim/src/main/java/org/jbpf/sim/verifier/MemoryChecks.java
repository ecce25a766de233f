package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.verifier.VerifierContext.MAX_VAR_OFF;
import static org.jbpf.sim.verifier.VerifierContext.checkWritable;

import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.MapSpec;

/**
 * Loads, stores and atomics, and every memory access they and helpers make: the stack, the context, map values,
 * ring buffer records and packets.
 */
final class MemoryChecks {
    /** Map flags that take the program's right to write, resp. read, the map's values. */
    static final int F_RDONLY_PROG = 1 << 7, F_WRONLY_PROG = 1 << 8;

    private final VerifierContext cx;

    MemoryChecks(VerifierContext cx) { this.cx = cx; }

    /** The LD class: 64-bit constants and map references, or the legacy packet loads. */
    void load(VerifierState st, Insn in) {
        int m = mode(in.opcode());
        if (m == ABS || m == IND) { legacyPacketLoad(st, in); return; }
        checkWritable(in.dst());
        switch (in.src()) {
            case 0: st.set(in.dst(), RegState.constant(in.imm())); return;
            case PSEUDO_MAP_FD: case PSEUDO_MAP_VALUE: {
                MapSpec map = in.reference() == null ? null : cx.obj.map(in.reference()).orElse(null);
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
            case PSEUDO_FUNC: {
                // a callback is verified as its caller's function only with its BTF record, and only when static
                if (FuncInfoChecks.records(cx).isEmpty())
                    throw new Reject("missing btf func_info", "a callback (a BPF function passed by address) needs the program's BTF"
                            + " function records (func_info); load the object with its BTF");
                int callee = cx.targetIndex(cx.pc, (int) in.imm(), true);
                if (FuncInfoChecks.linkage(cx, cx.slotOf[callee]) != org.jbpf.core.btf.BtfType.LINKAGE_STATIC)
                    throw new Reject("callback function not static", "the callback at instruction " + cx.slotOf[callee]
                            + " is global in its BTF record; a callback must be a static function");
                st.set(in.dst(), RegState.pointer(RegType.FUNC, 0).withSize(callee));
                return;
            }
            default:
                throw new Reject("unsupported 64-bit load source " + in.src(), "kernel objects by address are not supported");
        }
    }

    private void legacyPacketLoad(VerifierState st, Insn in) {
        if (!cx.kind.legacyPacketLoads())
            throw new Reject("BPF_LD_[ABS|IND] instructions not allowed for this program type",
                    "packet loads by absolute offset work only in socket filters and tc programs");
        if (st.reg(6).type() != RegType.CTX)
            throw new Reject("at the time of BPF_LD_ABS|IND R6 != pointer to skb", "r6 must hold the socket buffer context");
        if (mode(in.opcode()) == IND) {
            RegState idx = cx.read(st, in.src());
            if (!idx.isScalar()) throw new Reject("R" + in.src() + " type=" + idx.type().logName + " expected=scalar",
                    "the packet index must be a number");
        }
        for (int r = 1; r <= 5; r++) st.set(r, RegState.NOT_INIT);
        int bytes = sizeBytes(in.opcode());
        st.set(0, RegState.scalar(ScalarBounds.unsignedRange(0, bytes == 4 ? 0xffffffffL : (1L << (bytes * 8)) - 1)));
    }

    void loadMem(VerifierState st, Insn in) {
        checkWritable(in.dst());
        RegState base = cx.read(st, in.src());
        int size = sizeBytes(in.opcode());
        RegState v = access(st, in.src(), base, in.off(), size, false, null);
        // after the access's own checks, as the kernel records the pointer type only for an access it allowed
        cx.noteBaseType(base.type());
        if (mode(in.opcode()) == MEMSX) v = v.isScalar() ? RegState.scalar(SignExtension.of64(v.value().truncate(size), size)) : RegState.UNKNOWN_SCALAR;
        st.set(in.dst(), v);
    }

    void storeMem(VerifierState st, Insn in) {
        RegState base = cx.read(st, in.dst());
        RegState value = cls(in.opcode()) == ST ? RegState.constant(in.imm()) : cx.read(st, in.src());
        int size = sizeBytes(in.opcode());
        // spilling a scalar copies it: the slot joins the register's link, as in the kernel, when no bits are cut off
        boolean fits = size == 8 || value.isScalar() && Long.compareUnsigned(value.value().umax(), 1L << (8 * size)) < 0;
        if (cls(in.opcode()) == STX && fits && value.isScalar() && base.type() == RegType.STACK && base.value().isConst()) {
            value = ScalarLinks.beforeCopy(value, cx);
            st.set(in.src(), value);
        }
        if (value.isScalar() && !fits) value = RegState.scalar(value.value().truncate(size));
        // writing zero at a variable stack offset keeps zeros known: that the value is zero then matters
        if (cls(in.opcode()) == STX && base.type() == RegType.STACK && !base.value().isConst() && value.isConst()
                && value.value().constValue() == 0)
            cx.needPrecise(st, in.src());
        // so does writing a zero register off a slot's start: the bytes are known zeros, not a spill of the register
        if (cls(in.opcode()) == STX && base.type() == RegType.STACK && base.value().isConst() && value.isConst()
                && value.value().constValue() == 0 && (base.off() + base.value().constValue() + in.off()) % 8 != 0)
            cx.needPrecise(st, in.src());
        access(st, in.dst(), base, in.off(), size, true, value);
        cx.noteBaseType(base.type());
    }

    void atomic(VerifierState st, Insn in) {
        int aop = (int) in.imm(), size = sizeBytes(in.opcode());
        int plain = aop & ~FETCH;
        if (!(aop == XCHG || aop == CMPXCHG || plain == ADD || plain == OR || plain == AND || plain == XOR))
            throw new Reject(String.format("BPF_ATOMIC uses invalid atomic opcode %02x", aop), "invalid atomic operation");
        RegState src = cx.read(st, in.src());
        if (aop == CMPXCHG) cx.read(st, 0);
        RegState base = cx.read(st, in.dst());
        if (base.type() == RegType.CTX || base.type().isPacket())
            throw new Reject("BPF_ATOMIC stores into R" + in.dst() + " " + base.type().logName + " is not allowed",
                    "atomic operations work on the stack and on map values only");
        // the fetched value is what a load from there gives, a spilled pointer or constant included, as the
        // kernel's fill; the memory then holds an unknown value (STACK_MISC on the stack)
        RegState fetched = access(st, in.dst(), base, in.off(), size, false, null);
        access(st, in.dst(), base, in.off(), size, true, null);
        if (aop == CMPXCHG) st.set(0, fetched);
        else if ((aop & FETCH) != 0) { checkWritable(in.src()); st.set(in.src(), fetched); }
    }

    /** Checks one memory access through register {@code regno}; returns what a load yields. */
    RegState access(VerifierState st, int regno, RegState base, int insnOff, int size, boolean write, RegState value) {
        String r = "R" + regno;
        switch (base.type()) {
            case STACK: return stackAccess(st, regno, base, insnOff, size, write, value);
            case MAP_VALUE: case RINGBUF_MEM:
                if (base.type() == RegType.MAP_VALUE) mapAccessType(base.map(), insnOff, size, write);
                regionAccess(regno, base, insnOff, size, base.size());
                if (!write && base.type() == RegType.MAP_VALUE && base.value().isConst()) {
                    byte[] frozen = frozenBytes(base.map());
                    int at = (int) (base.off() + base.value().constValue() + insnOff);
                    if (frozen != null && at + size <= frozen.length) return RegState.constant(FrozenData.read(frozen, at, size));
                }
                return loaded(size);
            case MEM_RDONLY:
                if (write) throw new Reject("cannot write into rdonly_mem", "the number a numbers iterator gives cannot be written");
                regionAccess(regno, base, insnOff, size, base.size());
                return loaded(size);
            case CTX: {
                if (!base.value().isConst())
                    throw new Reject("variable ctx access var_off=" + base.value().tnum() + " disallowed",
                            "the context can only be read at constant offsets");
                if (base.off() != 0)
                    throw new Reject("dereference of modified ctx ptr " + r + " off=" + base.off() + " disallowed",
                            "read context fields from the context pointer itself, not from a pointer computed from it");
                RegState got = cx.kind == ProgramKind.TRACING ? TracingArguments.contextRead(cx, insnOff, size, write)
                        : cx.kind.access(insnOff, size, write);
                if (got == null)
                    throw new Reject("invalid bpf_context access off=" + insnOff + " size=" + size,
                            "a " + cx.kind.name().toLowerCase() + " context cannot be " + (write ? "written" : "read")
                                    + " at offset " + insnOff + " with size " + size);
                return got;
            }
            case MAP_PTR: return MapFields.access(regno, base.map(), base.off() + insnOff, size, write);
            case BTF_ID: return TracingArguments.load(cx, regno, insnOff, size, write);
            case PACKET: case PACKET_META: {
                // the range is proven for this pointer's own variable offset (its id), as the kernel's check_packet_access has it
                ScalarBounds v = base.value();
                long off = (long) base.off() + insnOff;
                if (v.smin() < 0 || off < 0 || v.umax() >= MAX_VAR_OFF || off + size > base.range())
                    throw new Reject(r + " offset is outside of the packet",
                            "packet access of " + size + " bytes at offset " + off + " is not proven to lie before data_end;"
                                    + " compare data + " + (off + size) + " against data_end first");
                if (write && !cx.kind.writesPacket())
                    throw new Reject("cannot write into packet", "this program type cannot write the packet");
                return loaded(size);
            }
            default:
                throw new Reject(r + " invalid mem access '" + base.type().logName + "'", derefExplanation(base));
        }
    }

    /** A helper reads or writes {@code size} bytes through register {@code r}. */
    void helperMemory(VerifierState st, int r, RegState v, int size, boolean write) {
        switch (v.type()) {
            case STACK: {
                FrameState f = st.frames.get(v.frame());
                if (!v.value().isConst()) {
                    // a privileged program may pass a buffer at a variable offset: no alignment is needed, and a
                    // helper that writes it may have written any byte the offsets reach
                    int[] span = variableStackSpan(f, r, v, 0, size, write);
                    if (write) f.stack.writeAnywhere(span[0], span[1] - span[0], false);
                    break;
                }
                int off = v.off();
                if (off < -StackState.SIZE || off + size > 0)
                    throw new Reject("invalid " + (write ? "write to" : "read from") + " stack R" + r + " off=" + off + " size=" + size,
                            "the " + size + "-byte buffer at stack offset " + off + " does not fit in the stack frame");
                cx.noteDepth(f, off);
                if (write) f.stack.writeUnknown(off, size);
                break;
            }
            case MAP_VALUE: case RINGBUF_MEM:
                if (v.type() == RegType.MAP_VALUE) mapAccessType(v.map(), v.off(), size, write);
                regionAccess(r, v, 0, size, v.size());
                break;
            default: access(st, r, v, 0, size, write, write ? RegState.UNKNOWN_SCALAR : null);
        }
    }

    /**
     * The bytes of {@code map}'s value when the kernel will know them: a global-data section programs may only read,
     * which the loader freezes, holding its final values ({@link VerifierContext#rodataFinal}, always for strings).
     */
    private byte[] frozenBytes(MapSpec map) {
        if (map == null || (map.flags() & F_RDONLY_PROG) == 0) return null;
        return cx.obj.global(map.name()).filter(g -> g.readOnly() && (cx.rodataFinal || FrozenData.isStrings(g.name())))
                .map(org.jbpf.core.obj.GlobalData::bytes).orElse(null);
    }

    /** Maps created read-only or write-only for programs refuse the other kind of access to their values. */
    private static void mapAccessType(MapSpec map, int off, int size, boolean write) {
        if (write && (map.flags() & F_RDONLY_PROG) != 0)
            throw new Reject("write into map forbidden, value_size=" + map.valueSize() + " off=" + off + " size=" + size,
                    "map '" + map.name() + "' is read-only for programs (BPF_F_RDONLY_PROG); its values cannot be written here");
        if (!write && (map.flags() & F_WRONLY_PROG) != 0)
            throw new Reject("read from map forbidden, value_size=" + map.valueSize() + " off=" + off + " size=" + size,
                    "map '" + map.name() + "' is write-only for programs (BPF_F_WRONLY_PROG); its values cannot be read here");
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
        FrameState f = st.frames.get(base.frame());
        if (!base.value().isConst()) return variableStackAccess(f, regno, base, insnOff, size, write, value);
        int off = (int) (base.off() + base.value().constValue() + insnOff);
        if (off % size != 0)
            throw new Reject("misaligned stack access off 0+" + base.off() + "+" + insnOff + " size " + size,
                    "stack access of " + size + " bytes at offset " + off + " is not aligned to its size");
        if (off < -StackState.SIZE || off + size > 0)
            throw new Reject("invalid " + (write ? "write to" : "read from") + " stack R" + regno + " off=" + off + " size=" + size,
                    "stack access at offset " + off + " is outside the 512-byte stack; reduce local variables or use a map");
        cx.noteDepth(f, off);
        if (write) {
            if (value != null && value.type().isPointer() && size != 8)
                throw new Reject("invalid size of register spill", "a pointer must be stored on the stack as 8 bytes");
            f.stack.write(off, size, value);
            return null;
        }
        RegState spill = f.stack.spillAt(off);
        if (spill != null && spill.type() == RegType.ITER)
            throw new Reject("invalid read from stack off " + off + "+0 size " + size,
                    "the stack slot of a numbers iterator cannot be read; use its next() and value()");
        if (spill != null) {
            int spillSize = f.stack.spillSize(off);
            if (size == 8 && spillSize == 8 || size == 4 && spillSize == 4 && Long.compareUnsigned(spill.value().umax(), 0xffffffffL) <= 0) {
                // so does filling it back
                RegState copy = ScalarLinks.beforeCopy(spill, cx);
                if (copy != spill) f.stack.replaceSpill(off, copy);
                return copy;
            }
            if (spill.type().isPointer())
                throw new Reject("invalid size of register fill", "part of a stored pointer cannot be read back");
            // the kernel keeps a spilled value on a narrow fill only from the slot's low bytes (little-endian);
            // any other part of it reads as unknown, unless the whole register is zero
            if ((off + StackState.SIZE) % 8 == 0 && size <= spillSize) return RegState.scalar(spill.value().truncate(size));
        }
        boolean zero = true;
        for (int i = off; i < off + size; i++) {
            byte k = f.stack.kindAt(i);
            RegState sp = f.stack.spillAt(i);
            if (!(k == StackState.ZERO || (sp != null && sp.isConst() && sp.value().constValue() == 0))) zero = false;
        }
        return zero ? RegState.constant(0) : loaded(size);
    }

    /**
     * A stack access through a pointer with a variable offset, as the kernel allows a privileged program: every
     * offset it may reach must lie in the frame and be aligned. A write may change any byte in that range: spilled
     * registers there are lost and bytes become unknown, except that writing zero keeps known zeros and spilled
     * zeros. A read gives an unknown value, even of known zeros, as in the kernel.
     */
    private RegState variableStackAccess(FrameState f, int regno, RegState base, int insnOff, int size, boolean write,
                                         RegState value) {
        ScalarBounds v = base.value();
        String var = v.tnum().toString();
        int fixed = base.off() + insnOff;
        Tnum at = v.tnum().add(Tnum.constant(fixed));
        if (((at.value() | at.mask()) & (size - 1)) != 0)
            throw new Reject("misaligned stack access off " + var + "+" + base.off() + "+" + insnOff + " size " + size,
                    "stack access of " + size + " bytes at a variable offset may not be aligned to its size");
        int[] span = variableStackSpan(f, regno, base, insnOff, size, write);
        if (!write) return loaded(size);
        f.stack.writeAnywhere(span[0], span[1] - span[0], value != null && value.isConst() && value.value().constValue() == 0);
        return null;
    }

    /**
     * Checks that every offset a variable-offset stack pointer may reach, {@code size} bytes from {@code insnOff}
     * past it, lies in the frame; returns the reachable bytes as {@code [from, to)} frame offsets.
     */
    private int[] variableStackSpan(FrameState f, int regno, RegState base, int insnOff, int size, boolean write) {
        ScalarBounds v = base.value();
        String dir = write ? " write to" : " read from";
        int fixed = base.off() + insnOff;
        if (v.smax() >= MAX_VAR_OFF || v.smin() <= -MAX_VAR_OFF)
            throw new Reject("invalid unbounded variable-offset" + dir + " stack R" + regno,
                    "the index into the stack is unbounded; check it against the array's size first");
        long min = v.smin() + fixed, max = v.smax() + fixed + size;
        if (min < -StackState.SIZE || max > 0)
            throw new Reject("invalid variable-offset" + dir + " stack R" + regno + " var_off=" + v.tnum() + " off=" + fixed + " size=" + size,
                    "stack access of " + size + " bytes at offsets " + min + " to " + (max - size) + " may leave the 512-byte stack;"
                            + " check the index against the array's size");
        cx.noteDepth(f, (int) min);
        return new int[] { (int) min, (int) max };
    }
}
