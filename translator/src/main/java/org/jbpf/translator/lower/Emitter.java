package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.frontend.GlobalVariables;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.mir.Mir;

/**
 * Appends MIR for one program: single instructions tagged with the current source line, loads and stores by Java
 * kind, stack objects in the BPF frame, and helper calls (arguments into r1..r5, the call, r0 into a fresh register).
 */
public final class Emitter {
    private final Mir mir;
    private final StackFrameLayout frame;
    /** The source line new instructions carry. */
    private SourceLine line;
    /** Frame offset of each stack object, by its allocation site. */
    private final Map<Long, Integer> objectOffsets = new HashMap<>();
    /** The register holding the number of each numeric iterator, by its allocation site. */
    private final Map<Long, Integer> iteratorValues = new HashMap<>();
    /**
     * Argument moves of the next call, made when the argument is set and appended together right before the call, so
     * nothing clobbers r1..r5 in between; they carry the line of the call.
     */
    private final List<Mir.MInsn> pendingArgs = new ArrayList<>();

    /** The register every ctx.header(..) of this function loads data_end into, or -1 before the first. */
    private int packetEnd = -1;

    Emitter(Mir mir, StackFrameLayout frame) {
        this.mir = mir;
        this.frame = frame;
    }

    void at(SourceLine line) { this.line = line; }

    public int newVreg() { return mir.newVreg(); }

    public Mir.Label newLabel() { return mir.newLabel(); }

    /**
     * The register that holds data_end after any ctx.header(..) of this function. One register serves them all: a read
     * through a header always follows the header's own call (and no packet helper since), so it holds the packet's
     * end there, for the checks an element of a header's array at a variable index needs.
     */
    public int packetEnd() {
        if (packetEnd < 0) packetEnd = newVreg();
        return packetEnd;
    }

    /** Whether a ctx.header(..) of this function was lowered, so that {@link #packetEnd} holds data_end after it. */
    public boolean hasPacketEnd() { return packetEnd >= 0; }

    /** A new area of the BPF stack; returns its (negative) offset from r10. */
    public int allocate(int size, int align) { return frame.allocate(size, align); }

    public Mir.MInsn emit(int opcode, int dst, int src, int off, long imm) {
        Mir.MInsn m = make(opcode, dst, src, off, imm);
        mir.code.add(m);
        return m;
    }

    /** An instruction at the current line, not yet appended. */
    private Mir.MInsn make(int opcode, int dst, int src, int off, long imm) {
        Mir.MInsn m = new Mir.MInsn();
        m.opcode = opcode; m.dst = dst; m.src = src; m.off = off; m.imm = imm; m.line = line;
        return m;
    }

    public void mov64(int dst, int src) { if (dst != src) emit(ALU64 | MOV | X, dst, src, 0, 0); }

    public void jump(Mir.Label target) { emit(JMP | JA, 0, 0, 0, 0).target = target; }

    public void jumpIf(int opcode, int dst, int src, long imm, Mir.Label target) { emit(opcode, dst, src, 0, imm).target = target; }

    public void placeLabel(Mir.Label l) {
        Mir.MInsn m = new Mir.MInsn();
        m.label = l;
        m.line = line;
        mir.code.add(m);
    }

    /** True when some instruction already writes {@code reg}. */
    boolean hasDef(int reg) {
        for (Mir.MInsn m : mir.code) if (Mir.def(m) == reg) return true;
        return false;
    }

    public void loadImm(int dst, long v, boolean isLong) { mir.code.add(immediate(dst, v, isLong)); }

    /** The one instruction that sets {@code dst} to {@code v}, not yet appended. */
    private Mir.MInsn immediate(int dst, long v, boolean isLong) {
        if (!isLong) return make(ALU | MOV | K, dst, 0, 0, (int) v);
        if (v == (int) v) return make(ALU64 | MOV | K, dst, 0, 0, v);
        if (v >= 0 && v <= 0xffffffffL) return make(ALU | MOV | K, dst, 0, 0, (int) v);
        return make(LD | IMM | DW, dst, 0, 0, v);
    }

    /** Writes operand o into register r (a copy, so later changes to r do not affect o's source). */
    public void moveInto(int r, Operand o, Value v) {
        if (o instanceof Operand.Imm c) loadImm(r, c.value(), !(v instanceof Value.Scalar s) || s.isLong());
        else if (o instanceof Operand.Reg g) mov64(r, g.reg());
        else if (o instanceof Operand.Known k && k.object() != null) {
            mov64(r, R10);
            emit(ALU64 | ADD | K, r, 0, 0, objectOffset(k.object()));
        }
        else throw new IllegalStateException("no register value for " + v.describe());
    }

    public void load(int dst, StructLayout.Kind kind, int base, int off) {
        switch (kind) {
            case BYTE: emit(LDX | MEMSX | B, dst, base, off, 0); break;
            case SHORT: emit(LDX | MEMSX | H, dst, base, off, 0); break;
            case BOOLEAN: emit(LDX | MEM | B, dst, base, off, 0); break;
            case CHAR: emit(LDX | MEM | H, dst, base, off, 0); break;
            case INT: emit(LDX | MEM | W, dst, base, off, 0); break;
            default: emit(LDX | MEM | DW, dst, base, off, 0); break;
        }
    }

    public void store(int size, int base, int off, Operand value) {
        if (value instanceof Operand.Imm c && (size < 8 || c.value() == (int) c.value())) {
            emit(ST | MEM | sizeFor(size), base, 0, off, size == 8 ? c.value() : (int) c.value());
        } else if (value instanceof Operand.Imm c) {
            int t = mir.newVreg();
            loadImm(t, c.value(), true);
            emit(STX | MEM | sizeFor(size), base, t, off, 0);
        } else {
            emit(STX | MEM | sizeFor(size), base, ((Operand.Reg) value).reg(), off, 0);
        }
    }

    /** The frame offset of a stack object, allocated (8-byte aligned, rounded up to 8) on first use. */
    public int objectOffset(Value.StackObj so) {
        Integer off = objectOffsets.get((long) so.site());
        if (off == null) objectOffsets.put((long) so.site(), off = frame.allocate((so.type().size() + 7) / 8 * 8, 8));
        return off;
    }

    /**
     * Copies {@code size} bytes from {@code from} to {@code to}, each piece as wide as both sides allow: the kernel
     * refuses misaligned stack and context accesses. {@code to}'s base register is 8-byte aligned (the frame);
     * {@code fromBase} is what {@code from}'s base register is known to be aligned to: 8 for the frame or the context,
     * 1 for a pointer that may be a field at any offset of a struct on the stack.
     */
    public void copyBytes(Addr from, int fromBase, Addr to, int size) {
        for (int k = 0; k < size; ) {
            int width = 8;
            while (width > 1 && (width > fromBase || (from.off() + k) % width != 0 || (to.off() + k) % width != 0 || k + width > size))
                width /= 2;
            int t = mir.newVreg();
            emit(LDX | MEM | sizeFor(width), t, from.reg(), from.off() + k, 0);
            emit(STX | MEM | sizeFor(width), to.reg(), t, to.off() + k, 0);
            k += width;
        }
    }

    /** Zeroes the stack area at {@code off}, 8 bytes at a time; its size is known from the allocation. */
    public void zero(int off) {
        int size = frame.sizeAt(off);
        for (int k = 0; k < size; k += 8) emit(ST | MEM | DW, R10, 0, off + k, 0);
    }

    // ---- helper call sequences ----------------------------------------------------------------------------

    public void setArg(int reg, Operand o, boolean isLong) {
        if (o instanceof Operand.Imm c) pendingArgs.add(immediate(reg, c.value(), isLong));
        else pendingArgs.add(make(ALU64 | MOV | X, reg, ((Operand.Reg) o).reg(), 0, 0));
    }

    public void setArgImm(int reg, long v) { pendingArgs.add(immediate(reg, v, true)); }

    public void setArgAddr(int reg, Addr addr) {
        pendingArgs.add(make(ALU64 | MOV | X, reg, addr.reg(), 0, 0));
        if (addr.off() != 0) pendingArgs.add(make(ALU64 | ADD | K, reg, 0, 0, addr.off()));
    }

    public void setArgMap(int reg, MapDecl map) { pendArgReference(reg, PSEUDO_MAP_FD, 0, map.name()); }

    /** The address of BPF function {@code name} of this program (a loop body), as bpf_loop takes it. */
    public void setArgFunction(int reg, String name) { pendArgReference(reg, PSEUDO_FUNC, 0, name); }

    /** A 64-bit load of the address the loader fills in for {@code ref} (a map, function or global-data section). */
    private void pendArgReference(int reg, int pseudo, long imm, String ref) {
        Mir.MInsn m = make(LD | IMM | DW, reg, pseudo, 0, imm);
        m.ref = ref;
        pendingArgs.add(m);
    }

    /** Appends the pending argument moves, at the line of the call that follows. */
    private void flushArgs() {
        for (Mir.MInsn m : pendingArgs) {
            m.line = line;
            mir.code.add(m);
        }
        pendingArgs.clear();
    }

    /** Emits the pending argument moves and a BPF-to-BPF call of function {@code name} that returns nothing. */
    public void callFunctionVoid(String name, int nargs) {
        flushArgs();
        Mir.MInsn c = emit(JMP | CALL, 0, PSEUDO_CALL, 0, 0);
        c.ref = name;
        c.callArgs = nargs;
    }

    /** Emits the pending argument moves and a BPF-to-BPF call; returns a fresh register holding r0. */
    public int callFunction(String name, int nargs) {
        callFunctionVoid(name, nargs);
        int t = mir.newVreg();
        mov64(t, R0);
        return t;
    }

    /** Emits the pending argument moves and a call of kernel function {@code name} (a kfunc the loader resolves by name). */
    public void callKernelFunction(String name, int nargs) {
        flushArgs();
        Mir.MInsn c = emit(JMP | CALL, 0, PSEUDO_KFUNC_CALL, 0, 0);
        c.ref = name;
        c.callArgs = nargs;
    }

    /** The register that holds the current number of the numeric iterator {@code it}. */
    public int iteratorValue(Value.StackObj it) {
        Integer r = iteratorValues.get((long) it.site());
        if (r == null) iteratorValues.put((long) it.site(), r = mir.newVreg());
        return r;
    }

    /** A fresh register pointing at a global variable: its section's map value plus its offset (BPF_PSEUDO_MAP_VALUE). */
    public int globalAddress(GlobalVariables.Variable g) {
        int r = mir.newVreg();
        Mir.MInsn m = emit(LD | IMM | DW, r, PSEUDO_MAP_VALUE, 0, (long) g.offset() << 32);
        m.ref = g.section();
        return r;
    }

    /** Argument {@code reg} points at byte {@code offset} of global-data section {@code section}. */
    public void setArgData(int reg, String section, int offset) { pendArgReference(reg, PSEUDO_MAP_VALUE, (long) offset << 32, section); }

    /** Emits the pending argument moves and a call of a helper that returns nothing. */
    public void callVoid(int helper, int nargs) {
        flushArgs();
        Mir.MInsn c = emit(JMP | CALL, 0, 0, 0, helper);
        c.callArgs = nargs;
    }

    /** Emits the pending argument moves and the call; returns a fresh register holding r0. */
    public int call(int helper, int nargs) {
        callVoid(helper, nargs);
        int t = mir.newVreg();
        mov64(t, R0);
        return t;
    }
}
