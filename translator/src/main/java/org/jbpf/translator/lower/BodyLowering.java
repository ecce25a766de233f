package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.analysis.Frame;
import org.jbpf.translator.analysis.MethodAnalysis;
import org.jbpf.translator.analysis.StackShuffle;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.GlobalVariables;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Operand.Imm;
import org.jbpf.translator.lower.Operand.Known;
import org.jbpf.translator.lower.Operand.Reg;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Lowers one (possibly inlined) method body. The operand stack is kept symbolic inside a basic block (an entry is a
 * virtual register, a constant, or a value known at translation time), so {@code iload; iconst; iadd} becomes one
 * BPF add; at block boundaries stack entries live in one virtual register per depth. Locals get one virtual register
 * per slot. Arithmetic, branches, memory and calls are lowered by their own classes.
 */
public final class BodyLowering {
    /** False after an instruction control never falls through (goto, return, switch) until the next label. */
    boolean reachable = true;

    final ProgramLowering program;
    final MethodAnalysis a;
    private final Emitter out;
    /** The virtual register of each local slot, or -1 before its first use. */
    final int[] locals;
    final List<Operand> stack = new ArrayList<>();
    private final Map<Integer, Mir.Label> labels = new HashMap<>();
    private final Map<Integer, Integer> stackRegs = new HashMap<>();
    /** Instruction indexes some jump or switch goes to: block starts. */
    private final Set<Integer> targets = new HashSet<>();
    /** Where a return of an inlined body goes; null for the program itself, whose returns exit. */
    private final Mir.Label returnLabel;
    private final int resultReg;
    private final AluLowering alu;
    private final BranchLowering branches;
    private final MemoryLowering memory;
    private final StructArrayLowering structArrays;
    private final InvokeLowering invokes;

    BodyLowering(ProgramLowering program, MethodAnalysis a, List<Operand> args, Mir.Label returnLabel, int resultReg) {
        this.program = program;
        this.a = a;
        this.out = program.out;
        this.locals = new int[Math.max(a.method.maxLocals, 1)];
        Arrays.fill(locals, -1);
        this.returnLabel = returnLabel;
        this.resultReg = resultReg;
        this.alu = new AluLowering(this, out);
        this.branches = new BranchLowering(this, out);
        this.memory = new MemoryLowering(this, out);
        this.structArrays = new StructArrayLowering(this, out, memory);
        this.invokes = new InvokeLowering(this, out);
        Frame entry = a.frames[0];
        int slot = 0;
        for (Operand op : args) {
            Value v = entry.locals[slot];
            if (v.inRegister()) {
                int r = local(slot);
                out.moveInto(r, op, v);
            }
            slot += v instanceof Value.Scalar s && s.isLong() ? 2 : 1;
        }
        for (AbstractInsnNode in : a.insns) {
            if (in instanceof JumpInsnNode j) targets.add(a.method.instructions.indexOf(j.label));
            else if (in instanceof TableSwitchInsnNode t) { for (LabelNode l : t.labels) targets.add(a.method.instructions.indexOf(l)); targets.add(a.method.instructions.indexOf(t.dflt)); }
            else if (in instanceof LookupSwitchInsnNode t) { for (LabelNode l : t.labels) targets.add(a.method.instructions.indexOf(l)); targets.add(a.method.instructions.indexOf(t.dflt)); }
        }
    }

    /** The emitter of the program this body is part of. */
    public Emitter out() { return out; }

    /** The analysis of this body. */
    public MethodAnalysis analysis() { return a; }

    /** The program's lowering state shared by all inlined bodies. */
    public ProgramLowering program() { return program; }

    /** The compare and branch lowering, for calls that fuse a compare with the following {@code if}. */
    public BranchLowering branches() { return branches; }

    /** Whether this is a program's own method: not inlined into another, not a BPF function or loop body. */
    public boolean isProgramEntry() { return returnLabel == null && !program.isFunction(); }

    /** The virtual register of local slot {@code slot}, or -1 when the lowering gave it none yet. */
    public int localRegister(int slot) { return locals[slot]; }

    int local(int slot) {
        if (locals[slot] < 0) locals[slot] = out.newVreg();
        return locals[slot];
    }

    Mir.Label label(int index) {
        Mir.Label l = labels.get(index);
        if (l == null) labels.put(index, l = out.newLabel());
        return l;
    }

    public TranslationException error(int i, String msg) { return a.error(i, msg); }

    void run() {
        for (int i = 0; i < a.insns.length; i++) {
            AbstractInsnNode in = a.insns[i];
            if (in instanceof LineNumberNode ln) { out.at(new SourceLine(a.file, ln.line)); continue; }
            if (in instanceof FrameNode) continue;
            if (targets.contains(i)) {
                if (reachable) flushStack(a.frames[i]);
                out.placeLabel(label(i));
                resetStack(a.frames[i]);
                reachable = a.frames[i] != null;
                continue;
            }
            if (in instanceof LabelNode) continue;
            if (a.frames[i] == null) { reachable = false; continue; }   // dead code
            reachable = true;
            translate(i, in);
        }
    }

    /**
     * Puts register-kind stack entries into their per-depth registers before control leaves the block. The moves are
     * one parallel move: where a stack shuffle left an entry in another depth's register (two longs swapped by
     * dup2_x2; pop2, never javac's), that register is copied aside first, so no move overwrites a value another still reads.
     */
    void flushStack(Frame target) {
        if (target == null) return;
        java.util.Set<Integer> written = new java.util.HashSet<>();
        for (int d = 0; d < stack.size(); d++)
            if (target.stack.get(d).inRegister() && !(stack.get(d) instanceof Reg r && r.reg() == stackReg(d))) written.add(stackReg(d));
        for (int d = 0; d < stack.size(); d++)
            if (stack.get(d) instanceof Reg r && r.reg() != stackReg(d) && written.contains(r.reg())) {
                int aside = out.newVreg();
                out.mov64(aside, r.reg());
                stack.set(d, new Reg(aside, true));
            }
        for (int d = 0; d < stack.size(); d++) {
            Value v = target.stack.get(d);
            if (!v.inRegister()) continue;
            int sd = stackReg(d);
            Operand op = stack.get(d);
            if (op instanceof Reg r && r.reg() == sd) continue;
            out.moveInto(sd, op, v);
            stack.set(d, new Reg(sd, false));
        }
    }

    private void resetStack(Frame f) {
        stack.clear();
        if (f == null) return;
        for (int d = 0; d < f.stack.size(); d++) {
            Value v = f.stack.get(d);
            stack.add(v.inRegister() ? new Reg(stackReg(d), false) : v instanceof Value.Null ? new Imm(0) : known(v));
        }
    }

    /** The operand of a value that needs no register: a local struct or array keeps its identity. */
    static Known known(Value v) { return v instanceof Value.StackObj so ? new Known(so) : new Known(); }

    /** After a constructor call: the stack's copies of the object it made, {@code made} in the analysis, are {@code so}. */
    void constructed(Frame before, Value made, Value.StackObj so) {
        for (int d = 0; d < stack.size() && d < before.stack.size(); d++)
            if (before.stack.get(d).equals(made) && stack.get(d) instanceof Known) stack.set(d, new Known(so));
    }

    private int stackReg(int depth) {
        Integer r = stackRegs.get(depth);
        if (r == null) stackRegs.put(depth, r = out.newVreg());
        return r;
    }

    public void push(Operand o) { stack.add(o); }

    Operand pop() { return stack.remove(stack.size() - 1); }

    /** The analysis's value for stack entry {@code depthFromTop} before instruction i. */
    Value val(int i, int depthFromTop) { return a.frames[i].peek(depthFromTop); }

    /** Makes sure no stack entry still refers to local register {@code r} before the local is overwritten. */
    void detachLocal(int r) {
        for (int d = 0; d < stack.size(); d++)
            if (stack.get(d) instanceof Reg reg && reg.reg() == r) {
                int t = out.newVreg();
                out.mov64(t, r);
                stack.set(d, new Reg(t, true));
            }
        for (List<Operand> ops : program.concatArgs.values())
            for (int k = 0; k < ops.size(); k++)
                if (ops.get(k) instanceof Reg reg && reg.reg() == r) {
                    int t = out.newVreg();
                    out.mov64(t, r);
                    ops.set(k, new Reg(t, true));
                }
    }

    private void translate(int i, AbstractInsnNode in) {
        int op = in.getOpcode();
        Frame f = a.frames[i];
        if (StackShuffle.handles(op)) {
            StackShuffle.apply(op, new StackShuffle.Stack<Operand>() {
                @Override public Operand pop() { return BodyLowering.this.pop(); }
                @Override public void push(Operand o) { BodyLowering.this.push(o); }
                @Override public boolean wideAt(int depth) { return isWide(val(i, depth)); }
                @Override public Operand copy(Operand o) { return Operand.shared(o); }
            });
            return;
        }
        if (alu.lower(i, in, f) || branches.lower(i, in) || structArrays.lower(i, in) || memory.lower(i, in)) return;
        switch (op) {
            case NOP: return;
            case ACONST_NULL: push(new Imm(0)); return;
            case ICONST_M1: case ICONST_0: case ICONST_1: case ICONST_2: case ICONST_3: case ICONST_4: case ICONST_5:
                push(new Imm(op - ICONST_0)); return;
            case LCONST_0: case LCONST_1: push(new Imm(op - LCONST_0)); return;
            case BIPUSH: case SIPUSH: push(new Imm(((IntInsnNode) in).operand)); return;
            case LDC: {
                Object c = ((LdcInsnNode) in).cst;
                if (c instanceof Integer n) push(new Imm(n));
                else if (c instanceof Long n) push(new Imm(n));
                else push(new Known());
                return;
            }
            case ILOAD: case LLOAD: case ALOAD: {
                int var = ((VarInsnNode) in).var;
                Value v = f.locals[var];
                if (v instanceof Value.Null) push(new Imm(0));
                else if (v instanceof Value.Scalar s && s.constant() != null && locals[var] < 0) push(new Imm(s.constant()));
                else if (v.inRegister()) push(new Reg(local(var), false));
                else push(known(v));
                return;
            }
            case ISTORE: case LSTORE: case ASTORE: {
                int var = ((VarInsnNode) in).var;
                Value v = val(i, 0);
                Operand o = pop();
                if (v instanceof Value.StackObj so && mayHoldPointer(var, so.type())) {
                    // the variable also holds map values elsewhere: keep the object's address in its register
                    int r = local(var);
                    detachLocal(r);
                    out.mov64(r, R10);
                    out.emit(ALU64 | ADD | K, r, 0, 0, out.objectOffset(so));
                    return;
                }
                if (v instanceof Value.Boxed b && a.frames[i + 1] != null && a.frames[i + 1].locals[var] instanceof Value.Ptr) {
                    // a boxed number stored where the variable holds references (the analysis made it one): keep it on the stack
                    int off = out.allocate(8, 8);
                    out.store(b.type().size(), R10, off, o);
                    int r = local(var);
                    detachLocal(r);
                    out.mov64(r, R10);
                    out.emit(ALU64 | ADD | K, r, 0, 0, off);
                    return;
                }
                if (!v.inRegister() && !(v instanceof Value.Null)) return;
                int r = local(var);
                detachLocal(r);
                out.moveInto(r, o, v);
                return;
            }
            case IRETURN: case LRETURN: case ARETURN: {
                Value v = val(i, 0);
                Operand x = pop();
                if (returnLabel == null && program.isLoopBody()) {
                    returnStopOrGoOn(x, v);
                } else if (returnLabel == null) {
                    out.moveInto(R0, x, v);
                    out.emit(JMP | EXIT, 0, 0, 0, 0);
                } else {
                    // a local struct returned where another return gives a pointer: its address is the result
                    if (v.inRegister() || v instanceof Value.Null || a.returnValue.inRegister() && x instanceof Known k && k.object() != null)
                        out.moveInto(resultReg, x, v);
                    out.jump(returnLabel);
                }
                reachable = false;
                return;
            }
            case RETURN: {
                if (returnLabel == null && program.isFunction()) {
                    out.loadImm(R0, 0, false);
                    out.emit(JMP | EXIT, 0, 0, 0, 0);
                    reachable = false;
                    return;
                }
                if (returnLabel == null) throw error(i, "a program must return a value");
                out.jump(returnLabel);
                reachable = false;
                return;
            }
            case GETSTATIC: {
                Long constant = a.staticConstants.get(i);
                if (constant != null) { push(new Imm(constant)); return; }   // an enum constant's ordinal, a folded static final
                GlobalVariables.Variable g = a.globals.get(i);
                if (g == null) { push(new Known()); return; } // a map: its calls load it
                if (g.isArray()) { push(new Reg(out.globalAddress(g), true)); return; }
                int value = out.newVreg();
                out.load(value, g.kind(), out.globalAddress(g), 0);
                push(new Reg(value, true));
                return;
            }
            case PUTSTATIC: {
                GlobalVariables.Variable g = a.globals.get(i);
                Operand v = pop();
                out.store(g.size(), out.globalAddress(g), 0, v);
                return;
            }
            case INVOKEVIRTUAL: case INVOKESTATIC: case INVOKESPECIAL: case INVOKEINTERFACE:
                invokes.invoke(i, (MethodInsnNode) in, f);
                return;
            case INVOKEDYNAMIC: {
                if (a.frames[i + 1].peek(0) instanceof Value.FuncRef ref) {
                    if (ref.captured().isEmpty()) push(new Known());
                    else CaptureLowering.capture(this, out, i, ref);
                    return;
                }
                // a string concatenation: keep its number operands for the printk that prints it
                Value.Concat c = (Value.Concat) a.frames[i + 1].peek(0);
                Type[] types = Type.getArgumentTypes(((InvokeDynamicInsnNode) in).desc);
                List<Operand> args = new ArrayList<>();
                for (int k = types.length - 1; k >= 0; k--) {
                    Value v = val(i, types.length - 1 - k);
                    Operand o = pop();
                    if (v instanceof Value.Ptr p) {   // a map's Long or Integer: print the number it holds
                        int t = out.newVreg();
                        out.load(t, ((ValueType.Prim) p.target()).kind(), ((Reg) o).reg(), 0);
                        o = new Reg(t, true);
                    }
                    if (!(v instanceof Value.StringConst)) args.add(0, o);
                }
                program.concatArgs.put((long) c.site(), args);
                push(new Known());
                return;
            }
            case NEW: push(new Known()); return;
            case CHECKCAST: return;
            case INSTANCEOF: {
                // decided by the analysis; only a possibly null pointer is tested, against null
                Operand o = pop();
                Value.Scalar known = (Value.Scalar) a.frames[i + 1].peek(0);
                if (known.constant() != null) { push(new Imm(known.constant())); return; }
                int t = out.newVreg();
                Mir.Label done = out.newLabel();
                out.loadImm(t, 0, false);
                branches.emitCompare(JEQ, ((Reg) o).reg(), new Imm(0), true, done);
                out.loadImm(t, 1, false);
                out.placeLabel(done);
                push(new Reg(t, true));
                return;
            }
            default:
                throw error(i, "bytecode " + op + " is not supported");
        }
    }

    /** A loop body's return: the kernel takes only 0 (go on) and 1 (stop), so any other number becomes 1. */
    private void returnStopOrGoOn(Operand x, Value v) {
        if (x instanceof Imm c) {
            out.loadImm(R0, c.value() != 0 ? 1 : 0, false);
        } else {
            out.moveInto(R0, x, v);
            Mir.Label done = out.newLabel();
            boolean isLong = v instanceof Value.Scalar s && s.isLong();
            out.jumpIf((isLong ? JMP : JMP32) | JEQ | K, R0, 0, 0, done);
            out.loadImm(R0, 1, false);
            out.placeLabel(done);
        }
        out.emit(JMP | EXIT, 0, 0, 0, 0);
    }

    /** True when local {@code var} holds a pointer to {@code type} somewhere in this method. */
    private boolean mayHoldPointer(int var, ValueType type) {
        for (Frame f : a.frames)
            if (f != null && var < f.locals.length && f.locals[var] instanceof Value.Ptr p && p.target().equals(type)) return true;
        return false;
    }

    /** The next instruction after i that is not a pseudo-instruction, or -1 when a block starts first. */
    int nextReal(int i) {
        for (int k = i + 1; k < a.insns.length; k++) {
            AbstractInsnNode n = a.insns[k];
            if (n.getOpcode() >= 0) return k;
            if (n instanceof LabelNode && targets.contains(k)) return -1;
        }
        return -1;
    }

    private static boolean isWide(Value v) { return v instanceof Value.Scalar s && s.isLong(); }

    public long constOf(Value v) { return ((Value.Scalar) v).constant(); }

    /** A register holding x that this instruction may overwrite. */
    public int ownedCopy(Operand x, boolean isLong) {
        if (x instanceof Reg r && r.owned()) return r.reg();
        int t = out.newVreg();
        if (x instanceof Imm c) out.loadImm(t, c.value(), isLong);
        else out.mov64(t, ((Reg) x).reg());
        return t;
    }

    /** A register holding x (x's own when it has one). */
    public int toReg(Operand x, boolean isLong) {
        if (x instanceof Reg r) return r.reg();
        if (x instanceof Imm c) {
            int t = out.newVreg();
            out.loadImm(t, c.value(), isLong);
            return t;
        }
        throw new IllegalStateException("operand has no register");
    }

    /** The address of a struct or byte array: a stack object's frame slot or a pointer's register. */
    public Addr address(int i, Operand obj, Value v) {
        if (v instanceof Value.StackObj so) return new Addr(R10, out.objectOffset(so));
        if (obj instanceof Reg r) return new Addr(r.reg(), 0);
        throw error(i, "cannot take the address of " + v.describe());
    }
}
