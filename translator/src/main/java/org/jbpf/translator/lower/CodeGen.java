package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.asm.HelperNames;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.analysis.Frame;
import org.jbpf.translator.analysis.MethodAnalysis;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ProbeClass;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.intrinsic.Intrinsics;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Stack bytecode to register MIR. The operand stack is kept symbolic inside a basic block (an entry is a virtual
 * register, a constant, or a value known at translation time), so {@code iload; iconst; iadd} becomes one BPF
 * add; at block boundaries stack entries live in one virtual register per depth. Locals get one virtual register
 * per slot. Static calls are inlined.
 */
public final class CodeGen {

    /** A symbolic operand-stack entry. */
    sealed interface Operand {}
    /** A value in virtual register {@code reg}; {@code owned} when no other slot refers to it, so it may be overwritten. */
    record Reg(int reg, boolean owned) implements Operand {}
    record Imm(long value) implements Operand {}
    /** A value that needs no register (stack object, map, string...): see the analyzer's frame. */
    record Known() implements Operand {}

    private final Mir mir;
    private final StackFrameLayout frame;
    private final String section;
    private int ctxReg = -1;
    private SourceLine line;
    private final Map<Long, Integer> objectOffsets = new HashMap<>();
    private final Map<Long, List<Operand>> concatArgs = new HashMap<>();
    private int keyScratch = Integer.MIN_VALUE, valueScratch = Integer.MIN_VALUE;

    public CodeGen(Mir mir, StackFrameLayout frame, String section) {
        this.mir = mir;
        this.frame = frame;
        this.section = section;
    }

    /** Generates a section method: context into a register, body, and exits. */
    public void generateProgram(MethodAnalysis a) {
        Type[] args = Type.getArgumentTypes(a.method.desc);
        List<Operand> entryArgs = new ArrayList<>();
        if (args.length == 1) {
            ctxReg = mir.newVreg();
            line = new SourceLine(a.file, ProbeClass.firstLine(a.method));
            emitMov64(ctxReg, R1);
            entryArgs.add(new Reg(ctxReg, false));
        }
        new Body(a, entryArgs, null, -1).run();
    }

    /** Code generation state for one (possibly inlined) method body. */
    private final class Body {
        final MethodAnalysis a;
        final int[] locals;
        final List<Operand> stack = new ArrayList<>();
        final Map<Integer, Mir.Label> labels = new HashMap<>();
        final Set<Integer> targets = new HashSet<>();
        final Mir.Label returnLabel;   // null for the program itself
        final int resultReg;
        boolean reachable = true;

        Body(MethodAnalysis a, List<Operand> args, Mir.Label returnLabel, int resultReg) {
            this.a = a;
            this.locals = new int[Math.max(a.method.maxLocals, 1)];
            java.util.Arrays.fill(locals, -1);
            this.returnLabel = returnLabel;
            this.resultReg = resultReg;
            Frame entry = a.frames[0];
            int slot = 0;
            for (Operand op : args) {
                Value v = entry.locals[slot];
                if (v.inRegister()) {
                    int r = local(slot);
                    moveInto(r, op, v);
                }
                slot += v instanceof Value.Scalar s && s.isLong() ? 2 : 1;
            }
            for (AbstractInsnNode in : a.insns) {
                if (in instanceof JumpInsnNode j) targets.add(a.method.instructions.indexOf(j.label));
                else if (in instanceof TableSwitchInsnNode t) { t.labels.forEach(l -> targets.add(a.method.instructions.indexOf(l))); targets.add(a.method.instructions.indexOf(t.dflt)); }
                else if (in instanceof LookupSwitchInsnNode t) { t.labels.forEach(l -> targets.add(a.method.instructions.indexOf(l))); targets.add(a.method.instructions.indexOf(t.dflt)); }
            }
        }

        int local(int slot) {
            if (locals[slot] < 0) locals[slot] = mir.newVreg();
            return locals[slot];
        }

        Mir.Label label(int index) { return labels.computeIfAbsent(index, k -> mir.newLabel()); }

        TranslationException error(int i, String msg) { return a.error(i, msg); }

        void run() {
            for (int i = 0; i < a.insns.length; i++) {
                AbstractInsnNode in = a.insns[i];
                if (in instanceof LineNumberNode ln) { line = new SourceLine(a.file, ln.line); continue; }
                if (in instanceof FrameNode) continue;
                if (targets.contains(i)) {
                    if (reachable) flushStack(a.frames[i]);
                    placeLabel(label(i));
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

        /** Puts register-kind stack entries into their per-depth registers before control leaves the block. */
        void flushStack(Frame target) {
            if (target == null) return;
            for (int d = 0; d < stack.size(); d++) {
                Value v = target.stack.get(d);
                if (!v.inRegister()) continue;
                int sd = stackReg(d);
                Operand op = stack.get(d);
                if (op instanceof Reg r && r.reg() == sd) continue;
                moveInto(sd, op, v);
                stack.set(d, new Reg(sd, false));
            }
        }

        void resetStack(Frame f) {
            stack.clear();
            if (f == null) return;
            for (int d = 0; d < f.stack.size(); d++) {
                Value v = f.stack.get(d);
                stack.add(v.inRegister() ? new Reg(stackReg(d), false) : v instanceof Value.Null ? new Imm(0) : new Known());
            }
        }

        final Map<Integer, Integer> stackRegs = new HashMap<>();
        int stackReg(int depth) { return stackRegs.computeIfAbsent(depth, d -> mir.newVreg()); }

        void push(Operand o) { stack.add(o); }
        Operand pop() { return stack.remove(stack.size() - 1); }
        Operand peek() { return stack.get(stack.size() - 1); }

        /** The analyzer's value for stack entry {@code depthFromTop} before instruction i. */
        Value val(int i, int depthFromTop) { return a.frames[i].peek(depthFromTop); }

        /** Makes sure no stack entry still refers to local register {@code r} before the local is overwritten. */
        void detachLocal(int r) {
            for (int d = 0; d < stack.size(); d++)
                if (stack.get(d) instanceof Reg reg && reg.reg() == r) {
                    int t = mir.newVreg();
                    emitMov64(t, r);
                    stack.set(d, new Reg(t, true));
                }
            for (List<Operand> ops : concatArgs.values())
                for (int k = 0; k < ops.size(); k++)
                    if (ops.get(k) instanceof Reg reg && reg.reg() == r) {
                        int t = mir.newVreg();
                        emitMov64(t, r);
                        ops.set(k, new Reg(t, true));
                    }
        }

        void translate(int i, AbstractInsnNode in) {
            int op = in.getOpcode();
            Frame f = a.frames[i];
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
                    else push(new Known());
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
                        emitMov64(r, R10);
                        emit(ALU64 | ADD | K, r, 0, 0, objectOffset(so));
                        return;
                    }
                    if (!v.inRegister() && !(v instanceof Value.Null)) return;
                    int r = local(var);
                    detachLocal(r);
                    moveInto(r, o, v);
                    return;
                }
                case BALOAD: {
                    long idx = constOf(val(i, 0));
                    pop();
                    Operand arr = pop();
                    Addr base = address(i, arr, val(i, 1));
                    int t = mir.newVreg();
                    emit(LDX | MEMSX | B, t, base.reg, base.off + (int) idx, 0);
                    push(new Reg(t, true));
                    return;
                }
                case BASTORE: {
                    Operand value = pop();
                    long idx = constOf(val(i, 1));
                    pop();
                    Operand arr = pop();
                    Addr base = address(i, arr, val(i, 2));
                    store(1, base.reg, base.off + (int) idx, value);
                    return;
                }
                case POP: pop(); return;
                case POP2: { Value v = val(i, 0); pop(); if (!(v instanceof Value.Scalar s && s.isLong())) pop(); return; }
                case DUP: { Operand o = share(pop()); push(o); push(o); return; }
                case DUP_X1: { Operand v1 = share(pop()), v2 = pop(); push(v1); push(v2); push(v1); return; }
                case DUP_X2: {
                    Operand v1 = share(pop()), v2 = pop();
                    if (isWide(val(i, 1))) { push(v1); push(v2); push(v1); }
                    else { Operand v3 = pop(); push(v1); push(v3); push(v2); push(v1); }
                    return;
                }
                case DUP2: {
                    if (isWide(val(i, 0))) { Operand v1 = share(pop()); push(v1); push(v1); }
                    else { Operand v1 = share(pop()), v2 = share(pop()); push(v2); push(v1); push(v2); push(v1); }
                    return;
                }
                case DUP2_X1: {
                    if (isWide(val(i, 0))) { Operand v1 = share(pop()), v2 = pop(); push(v1); push(v2); push(v1); }
                    else { Operand v1 = share(pop()), v2 = share(pop()), v3 = pop(); push(v2); push(v1); push(v3); push(v2); push(v1); }
                    return;
                }
                case SWAP: { Operand v1 = pop(), v2 = pop(); push(v1); push(v2); return; }
                case IADD: binary(i, ADD, false); return;
                case ISUB: binary(i, SUB, false); return;
                case IMUL: binary(i, MUL, false); return;
                case IDIV: binary(i, DIV | 0x100, false); return;
                case IREM: binary(i, MOD | 0x100, false); return;
                case ISHL: binary(i, LSH, false); return;
                case ISHR: binary(i, ARSH, false); return;
                case IUSHR: binary(i, RSH, false); return;
                case IAND: binary(i, AND, false); return;
                case IOR: binary(i, OR, false); return;
                case IXOR: binary(i, XOR, false); return;
                case LADD: binary(i, ADD, true); return;
                case LSUB: binary(i, SUB, true); return;
                case LMUL: binary(i, MUL, true); return;
                case LDIV: binary(i, DIV | 0x100, true); return;
                case LREM: binary(i, MOD | 0x100, true); return;
                case LSHL: binary(i, LSH, true); return;
                case LSHR: binary(i, ARSH, true); return;
                case LUSHR: binary(i, RSH, true); return;
                case LAND: binary(i, AND, true); return;
                case LOR: binary(i, OR, true); return;
                case LXOR: binary(i, XOR, true); return;
                case INEG: case LNEG: {
                    Operand x = pop();
                    if (x instanceof Imm c) { push(new Imm(op == LNEG ? -c.value() : (long) -(int) c.value())); return; }
                    int t = ownedCopy(x, op == LNEG);
                    emit((op == LNEG ? ALU64 : ALU) | NEG, t, 0, 0, 0);
                    push(new Reg(t, true));
                    return;
                }
                case IINC: {
                    IincInsnNode ii = (IincInsnNode) in;
                    int r = local(ii.var);
                    detachLocal(r);
                    Value v = f.locals[ii.var];
                    if (v instanceof Value.Scalar s && s.constant() != null && !hasDef(r)) {
                        emit(ALU | MOV | K, r, 0, 0, (int) (s.constant() + ii.incr));
                    } else {
                        emit(ALU | ADD | K, r, 0, 0, ii.incr);
                    }
                    return;
                }
                case I2L: {
                    Operand x = pop();
                    if (x instanceof Imm c) { push(new Imm((int) c.value())); return; }
                    int t = mir.newVreg();
                    emit(ALU64 | MOV | X, t, ((Reg) x).reg(), 32, 0);
                    push(new Reg(t, true));
                    return;
                }
                case L2I: {
                    Operand x = pop();
                    if (x instanceof Imm c) { push(new Imm((int) c.value())); return; }
                    // ints only use the low 32 bits, so truncation is free
                    push(x);
                    return;
                }
                case I2B: case I2S: {
                    Operand x = pop();
                    if (x instanceof Imm c) { push(new Imm(op == I2B ? (byte) c.value() : (short) c.value())); return; }
                    int t = mir.newVreg();
                    emit(ALU | MOV | X, t, ((Reg) x).reg(), op == I2B ? 8 : 16, 0);
                    push(new Reg(t, true));
                    return;
                }
                case I2C: {
                    Operand x = pop();
                    if (x instanceof Imm c) { push(new Imm((char) c.value())); return; }
                    int t = ownedCopy(x, false);
                    emit(ALU | AND | K, t, 0, 0, 0xffff);
                    push(new Reg(t, true));
                    return;
                }
                case LCMP: {
                    int next = nextReal(i);
                    if (next >= 0 && isIfZero(a.insns[next].getOpcode())) { fusedCompare = true; fusedSigned = true; fusedLong = true; return; }
                    Operand b = pop(), x = pop();
                    push(compare3(x, b, true, true));
                    return;
                }
                case IFEQ: case IFNE: case IFLT: case IFGE: case IFGT: case IFLE: {
                    int target = a.method.instructions.indexOf(((JumpInsnNode) in).label);
                    int cond = condOf(op - IFEQ);
                    if (fusedCompare) {
                        fusedCompare = false;
                        Operand b = pop(), x = pop();
                        if (!fusedSigned) cond = unsignedOf(cond);
                        condJump(i, cond, x, b, fusedLong, target);
                    } else {
                        Operand x = pop();
                        condJump(i, cond, x, new Imm(0), false, target);
                    }
                    return;
                }
                case IF_ICMPEQ: case IF_ICMPNE: case IF_ICMPLT: case IF_ICMPGE: case IF_ICMPGT: case IF_ICMPLE: {
                    int target = a.method.instructions.indexOf(((JumpInsnNode) in).label);
                    Operand b = pop(), x = pop();
                    condJump(i, condOf(op - IF_ICMPEQ), x, b, false, target);
                    return;
                }
                case IFNULL: case IFNONNULL: {
                    int target = a.method.instructions.indexOf(((JumpInsnNode) in).label);
                    Value v = val(i, 0);
                    Operand x = pop();
                    if (!(v instanceof Value.Ptr) && !(v instanceof Value.Null)) {
                        // a stack object, map or boxed value is never null
                        if (op == IFNONNULL) { flushStack(a.frames[target]); emitJump(label(target)); }
                        return;
                    }
                    condJump(i, op == IFNULL ? JEQ : JNE, x, new Imm(0), true, target);
                    return;
                }
                case GOTO: {
                    int target = a.method.instructions.indexOf(((JumpInsnNode) in).label);
                    flushStack(a.frames[target]);
                    emitJump(label(target));
                    reachable = false;
                    return;
                }
                case TABLESWITCH: case LOOKUPSWITCH: {
                    Operand x = pop();
                    List<long[]> cases = new ArrayList<>();
                    LabelNode dflt;
                    if (in instanceof TableSwitchInsnNode ts) {
                        for (int k = 0; k < ts.labels.size(); k++) cases.add(new long[] {ts.min + k, a.method.instructions.indexOf(ts.labels.get(k))});
                        dflt = ts.dflt;
                    } else {
                        LookupSwitchInsnNode ls = (LookupSwitchInsnNode) in;
                        for (int k = 0; k < ls.keys.size(); k++) cases.add(new long[] {ls.keys.get(k), a.method.instructions.indexOf(ls.labels.get(k))});
                        dflt = ls.dflt;
                    }
                    int r = toReg(x, false);
                    for (long[] c : cases) {
                        flushStack(a.frames[(int) c[1]]);
                        emitCond(JMP32 | JEQ | K, r, 0, c[0], label((int) c[1]));
                    }
                    int d = a.method.instructions.indexOf(dflt);
                    flushStack(a.frames[d]);
                    emitJump(label(d));
                    reachable = false;
                    return;
                }
                case IRETURN: case LRETURN: case ARETURN: {
                    Value v = val(i, 0);
                    Operand x = pop();
                    if (returnLabel == null) {
                        moveInto(R0, x, v);
                        emit(JMP | EXIT, 0, 0, 0, 0);
                    } else {
                        if (v.inRegister() || v instanceof Value.Null) moveInto(resultReg, x, v);
                        emitJump(returnLabel);
                    }
                    reachable = false;
                    return;
                }
                case RETURN: {
                    if (returnLabel == null) throw error(i, "a program must return a value");
                    emitJump(returnLabel);
                    reachable = false;
                    return;
                }
                case GETSTATIC: push(new Known()); return;
                case GETFIELD: {
                    FieldInsnNode fi = (FieldInsnNode) in;
                    Value ov = val(i, 0);
                    Operand obj = pop();
                    ValueType.Struct s = structOf(ov);
                    StructLayout.Field fld = s.layout().field(fi.name);
                    Addr base = address(i, obj, ov);
                    int t = mir.newVreg();
                    if (fld.kind() == StructLayout.Kind.BYTES) {
                        emitMov64(t, base.reg);
                        emit(ALU64 | ADD | K, t, 0, 0, base.off + fld.offset());
                    } else {
                        load(t, fld.kind(), base.reg, base.off + fld.offset());
                    }
                    push(new Reg(t, true));
                    return;
                }
                case PUTFIELD: {
                    FieldInsnNode fi = (FieldInsnNode) in;
                    Value ov = val(i, 1);
                    Operand value = pop();
                    Operand obj = pop();
                    ValueType.Struct s = structOf(ov);
                    StructLayout.Field fld = s.layout().field(fi.name);
                    Addr base = address(i, obj, ov);
                    store(fld.size(), base.reg, base.off + fld.offset(), value);
                    return;
                }
                case INVOKEVIRTUAL: case INVOKESTATIC: case INVOKESPECIAL: case INVOKEINTERFACE:
                    invoke(i, (MethodInsnNode) in, f);
                    return;
                case INVOKEDYNAMIC: {
                    Value.Concat c = (Value.Concat) a.frames[i + 1].peek(0);
                    Type[] types = Type.getArgumentTypes(((org.objectweb.asm.tree.InvokeDynamicInsnNode) in).desc);
                    List<Operand> args = new ArrayList<>();
                    for (int k = types.length - 1; k >= 0; k--) {
                        Value v = val(i, types.length - 1 - k);
                        Operand o = pop();
                        if (!(v instanceof Value.StringConst)) args.add(0, o);
                    }
                    concatArgs.put((long) c.site(), args);
                    push(new Known());
                    return;
                }
                case NEW: push(new Known()); return;
                case NEWARRAY: {
                    pop();
                    Value.StackObj so = (Value.StackObj) a.frames[i + 1].peek(0);
                    zero(objectOffset(so));
                    push(new Known());
                    return;
                }
                case ARRAYLENGTH: {
                    pop();
                    Value.Scalar len = (Value.Scalar) a.frames[i + 1].peek(0);
                    push(new Imm(len.constant()));
                    return;
                }
                case CHECKCAST: return;
                default:
                    throw error(i, "bytecode " + op + " is not supported");
            }
        }

        boolean fusedCompare, fusedSigned, fusedLong;

        /** True when local {@code var} holds a pointer to {@code type} somewhere in this method. */
        boolean mayHoldPointer(int var, ValueType type) {
            for (Frame f : a.frames)
                if (f != null && var < f.locals.length && f.locals[var] instanceof Value.Ptr p && p.target().equals(type)) return true;
            return false;
        }

        int nextReal(int i) {
            for (int k = i + 1; k < a.insns.length; k++) {
                AbstractInsnNode n = a.insns[k];
                if (n.getOpcode() >= 0) return k;
                if (n instanceof LabelNode && targets.contains(k)) return -1;
            }
            return -1;
        }

        Operand share(Operand o) { return o instanceof Reg r && r.owned() ? new Reg(r.reg(), false) : o; }

        boolean isWide(Value v) { return v instanceof Value.Scalar s && s.isLong(); }

        long constOf(Value v) { return ((Value.Scalar) v).constant(); }

        ValueType.Struct structOf(Value v) {
            if (v instanceof Value.StackObj so) return (ValueType.Struct) so.type();
            return (ValueType.Struct) ((Value.Ptr) v).target();
        }

        void binary(int i, int aop, boolean isLong) {
            boolean signedDiv = (aop & 0x100) != 0;
            aop &= 0xff;
            Operand b = pop(), x = pop();
            Value.Scalar result = (Value.Scalar) a.frames[i + 1].peek(0);
            if (result.constant() != null) { push(new Imm(result.constant())); return; }
            if (aop == LSH || aop == RSH || aop == ARSH) {
                if (b instanceof Imm c) b = new Imm(c.value() & (isLong ? 63 : 31));
            }
            int cls = isLong ? ALU64 : ALU;
            // commutative ops with the constant first: swap so the immediate form applies
            if (x instanceof Imm && b instanceof Reg && (aop == ADD || aop == MUL || aop == AND || aop == OR || aop == XOR)) {
                Operand tmp = x; x = b; b = tmp;
            }
            int t = x instanceof Reg xr && !xr.owned() && storesBackTo(i, xr.reg()) ? xr.reg() : ownedCopy(x, isLong);
            int off = signedDiv ? 1 : 0;
            if (b instanceof Imm c && fitsImm(c.value(), isLong)) {
                emit(cls | aop | K, t, 0, off, isLong ? c.value() : (int) c.value());
            } else {
                int rb = toReg(b, isLong);
                emit(cls | aop | X, t, rb, off, 0);
            }
            push(new Reg(t, true));
        }

        /**
         * True when the instruction after {@code i} stores the result back into the local whose register is {@code reg}
         * and nothing else on the stack refers to that register, so {@code v = v op b} can be computed in place.
         */
        boolean storesBackTo(int i, int reg) {
            int next = nextReal(i);
            if (next < 0 || !(a.insns[next] instanceof VarInsnNode vi)) return false;
            int op = vi.getOpcode();
            if (op != ISTORE && op != LSTORE) return false;
            if (locals[vi.var] != reg) return false;
            for (Operand o : stack) if (o instanceof Reg r && r.reg() == reg) return false;
            return true;
        }

        /** A register holding x that this instruction may overwrite. */
        int ownedCopy(Operand x, boolean isLong) {
            if (x instanceof Reg r && r.owned()) return r.reg();
            int t = mir.newVreg();
            if (x instanceof Imm c) loadImm(t, c.value(), isLong);
            else emitMov64(t, ((Reg) x).reg());
            return t;
        }

        int toReg(Operand x, boolean isLong) {
            if (x instanceof Reg r) return r.reg();
            if (x instanceof Imm c) {
                int t = mir.newVreg();
                loadImm(t, c.value(), isLong);
                return t;
            }
            throw new IllegalStateException("operand has no register");
        }

        Operand compare3(Operand x, Operand b, boolean signed, boolean isLong) {
            int t = mir.newVreg();
            Mir.Label done = mir.newLabel();
            int rx = toReg(x, isLong);
            emit(ALU | MOV | K, t, 0, 0, 0);
            emitCompare(JEQ, rx, b, isLong, done);
            emit(ALU | MOV | K, t, 0, 0, 1);
            emitCompare(signed ? JSGT : JGT, rx, b, isLong, done);
            emit(ALU | MOV | K, t, 0, 0, -1);
            placeLabel(done);
            return new Reg(t, true);
        }

        void emitCompare(int cond, int rx, Operand b, boolean isLong, Mir.Label target) {
            int cls = isLong ? JMP : JMP32;
            if (b instanceof Imm c && fitsImm(c.value(), isLong)) emitCond(cls | cond | K, rx, 0, c.value(), target);
            else emitCond(cls | cond | X, rx, toReg(b, isLong), 0, target);
        }

        void condJump(int i, int cond, Operand x, Operand b, boolean isLong, int targetIndex) {
            Frame tf = a.frames[targetIndex];
            if (x instanceof Imm cx && b instanceof Imm cb) {
                if (holds(cond, cx.value(), cb.value(), isLong)) {
                    flushStack(tf);
                    emitJump(label(targetIndex));
                    reachable = false;
                }
                return;
            }
            if (x instanceof Imm) { Operand tmp = x; x = b; b = tmp; cond = swapped(cond); }
            flushStack(tf);
            Frame fall = a.frames[nextIndexAfter(i)];
            if (fall != null) flushStack(fall);
            emitCompare(cond, ((Reg) x).reg(), b, isLong, label(targetIndex));
        }

        int nextIndexAfter(int i) { return Math.min(i + 1, a.insns.length - 1); }

        Addr address(int i, Operand obj, Value v) {
            if (v instanceof Value.StackObj so) return new Addr(R10, objectOffset(so));
            if (obj instanceof Reg r) return new Addr(r.reg(), 0);
            throw error(i, "cannot take the address of " + v.describe());
        }

        // ---- calls ------------------------------------------------------------------------------------

        void invoke(int i, MethodInsnNode mi, Frame f) {
            Type[] argTypes = Type.getArgumentTypes(mi.desc);
            int n = argTypes.length;
            List<Operand> args = new ArrayList<>();
            List<Value> vals = new ArrayList<>();
            for (int k = 0; k < n; k++) { args.add(0, pop()); vals.add(0, f.peek(k)); }
            boolean isStatic = mi.getOpcode() == INVOKESTATIC;
            Operand recv = isStatic ? null : pop();
            Value recvVal = isStatic ? null : f.peek(n);
            Type ret = Type.getReturnType(mi.desc);
            String owner = mi.owner, name = mi.name;

            if (mi.getOpcode() == INVOKESPECIAL && name.equals("<init>")) {
                if (recvVal instanceof Value.Uninit) {
                    Value.StackObj so = constructed(i, (Value.Uninit) recvVal);
                    zero(objectOffset(so));
                    // every stack copy of the uninitialised object becomes the object (Known either way)
                }
                return;
            }
            if (owner.equals(Intrinsics.HELPERS)) { helper(i, name, args, vals); return; }
            if (owner.startsWith(Intrinsics.MAPS)) { mapCall(i, mi, ((Value.MapRef) recvVal).map(), args, vals); return; }
            if (Intrinsics.isContextClass(owner)) { contextCall(i, owner, name, args, vals, recv); return; }
            if (owner.startsWith("java/lang/")) { javaLang(i, mi, recv, recvVal, args, vals); return; }
            // a static method of the probe: inline it
            MethodAnalysis callee = a.callees.get(i);
            Mir.Label after = mir.newLabel();
            int result = ret.getSort() == Type.VOID ? -1 : mir.newVreg();
            List<Operand> passed = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                // arguments are evaluated now; copy registers so the callee may assign its parameters
                Operand o = args.get(k);
                passed.add(o);
            }
            Body body = new Body(callee, passed, after, result);
            body.run();
            placeLabel(after);
            if (result >= 0) {
                Value rv = callee.returnValue;
                push(rv.inRegister() ? new Reg(result, true) : rv instanceof Value.Null ? new Imm(0) : new Known());
            }
        }

        Value.StackObj constructed(int i, Value.Uninit u) {
            for (int k = i + 1; k < a.insns.length; k++) {
                Frame nf = a.frames[k];
                if (nf == null) continue;
                for (Value v : nf.stack) if (v instanceof Value.StackObj so && so.site() == (int) (a.site(u.site()) & 0x7fffffff)) return so;
                for (Value v : nf.locals) if (v instanceof Value.StackObj so && so.site() == (int) (a.site(u.site()) & 0x7fffffff)) return so;
                break;
            }
            throw error(i, "constructed object is never used");
        }

        void helper(int i, String name, List<Operand> args, List<Value> vals) {
            switch (name) {
                case "pid": case "tgid": { int t = callResult(HelperNames.GET_CURRENT_PID_TGID); emit(ALU64 | RSH | K, t, 0, 0, 32); push(new Reg(t, true)); return; }
                case "tid": { push(new Reg(callResult(HelperNames.GET_CURRENT_PID_TGID), true)); return; }
                case "pidTgid": push(new Reg(callResult(HelperNames.GET_CURRENT_PID_TGID), true)); return;
                case "uid": push(new Reg(callResult(HelperNames.GET_CURRENT_UID_GID), true)); return;
                case "gid": { int t = callResult(HelperNames.GET_CURRENT_UID_GID); emit(ALU64 | RSH | K, t, 0, 0, 32); push(new Reg(t, true)); return; }
                case "uidGid": push(new Reg(callResult(HelperNames.GET_CURRENT_UID_GID), true)); return;
                case "ktime": push(new Reg(callResult(HelperNames.KTIME_GET_NS), true)); return;
                case "ktimeBoot": push(new Reg(callResult(HelperNames.KTIME_GET_BOOT_NS), true)); return;
                case "cpu": push(new Reg(callResult(HelperNames.GET_SMP_PROCESSOR_ID), true)); return;
                case "random": push(new Reg(callResult(HelperNames.GET_PRANDOM_U32), true)); return;
                case "comm": {
                    ValueType.Bytes b = Intrinsics.bytesArg(a, i, vals.get(0), "");
                    Addr buf = address(i, args.get(0), vals.get(0));
                    setArgAddr(R1, buf);
                    setArgImm(R2, b.length());
                    push(new Reg(call(HelperNames.GET_CURRENT_COMM, 2), true));
                    return;
                }
                case "printk": { printk(i, args, vals); return; }
                case "probeReadKernel": case "probeReadUser": case "probeReadUserStr": case "probeReadKernelStr": {
                    int id = name.equals("probeReadKernel") ? HelperNames.PROBE_READ_KERNEL : name.equals("probeReadUser") ? HelperNames.PROBE_READ_USER
                            : name.equals("probeReadUserStr") ? HelperNames.PROBE_READ_USER_STR : HelperNames.PROBE_READ_KERNEL_STR;
                    Addr buf = address(i, args.get(0), vals.get(0));
                    setArgAddr(R1, buf);
                    setArg(R2, args.get(1), false);
                    setArg(R3, args.get(2), true);
                    push(new Reg(call(id, 3), true));
                    return;
                }
                default: throw error(i, "unknown helper " + name);
            }
        }

        void printk(int i, List<Operand> args, List<Value> vals) {
            String fmt;
            List<Operand> fmtArgs;
            if (vals.get(0) instanceof Value.Concat c) {
                fmt = c.format();
                fmtArgs = new ArrayList<>(concatArgs.remove((long) c.site()));
                List<Operand> widened = new ArrayList<>();
                for (int k = 0; k < fmtArgs.size(); k++) {
                    Operand o = fmtArgs.get(k);
                    if (!c.argIsLong().get(k) && o instanceof Reg r) {
                        int t = mir.newVreg();
                        emit(ALU64 | MOV | X, t, r.reg(), 32, 0);
                        o = new Reg(t, true);
                    } else if (!c.argIsLong().get(k) && o instanceof Imm im) {
                        o = new Imm((int) im.value());
                    }
                    widened.add(o);
                }
                fmtArgs = widened;
            } else {
                fmt = ((Value.StringConst) vals.get(0)).text();
                fmtArgs = args.subList(1, args.size());
            }
            byte[] bytes = (fmt + "\0").getBytes(StandardCharsets.UTF_8);
            int size = (bytes.length + 7) / 8 * 8;
            int off = frame.allocate(size, 8);
            for (int k = 0; k < size; k += 4) {
                int w = 0;
                for (int b = 0; b < 4; b++) if (k + b < bytes.length) w |= (bytes[k + b] & 0xff) << (8 * b);
                emit(ST | MEM | W, R10, 0, off + k, w);
            }
            setArgAddr(R1, new Addr(R10, off));
            setArgImm(R2, bytes.length);
            for (int k = 0; k < fmtArgs.size(); k++) setArg(R3 + k, fmtArgs.get(k), true);
            push(new Reg(call(HelperNames.TRACE_PRINTK, 2 + fmtArgs.size()), true));
        }

        void mapCall(int i, MethodInsnNode mi, MapDecl map, List<Operand> args, List<Value> vals) {
            String name = mi.name;
            switch (map.mapType()) {
                case MapTypes.PERF_EVENT_ARRAY: {
                    if (ctxReg < 0) throw error(i, "perf output needs the program's context; give the @Section method its context parameter");
                    Addr ev = address(i, args.get(0), vals.get(0));
                    int size = sizeOf(vals.get(0));
                    setArg(R1, new Reg(ctxReg, false), true);
                    setArgMap(R2, map);
                    if (args.size() > 1) setArg(R3, args.get(1), true); else loadImm(R3, 0xffffffffL, true);
                    setArgAddr(R4, ev);
                    setArgImm(R5, size);
                    push(new Reg(call(HelperNames.PERF_EVENT_OUTPUT, 5), true));
                    return;
                }
                case MapTypes.RINGBUF: {
                    switch (name) {
                        case "output": {
                            Addr ev = address(i, args.get(0), vals.get(0));
                            setArgMap(R1, map);
                            setArgAddr(R2, ev);
                            setArgImm(R3, sizeOf(vals.get(0)));
                            if (args.size() > 1) setArg(R4, args.get(1), true); else setArgImm(R4, 0);
                            push(new Reg(call(HelperNames.RINGBUF_OUTPUT, 4), true));
                            return;
                        }
                        case "reserve": {
                            Value.Ptr p = (Value.Ptr) a.frames[i + 1].peek(0);
                            setArgMap(R1, map);
                            setArgImm(R2, p.target().size());
                            setArgImm(R3, 0);
                            push(new Reg(call(HelperNames.RINGBUF_RESERVE, 3), true));
                            return;
                        }
                        case "submit": case "discard": {
                            setArg(R1, args.get(0), true);
                            if (args.size() > 1) setArg(R2, args.get(1), true); else setArgImm(R2, 0);
                            callVoid(name.equals("submit") ? HelperNames.RINGBUF_SUBMIT : HelperNames.RINGBUF_DISCARD, 2);
                            return;
                        }
                        default: throw error(i, "unsupported ring buffer operation " + name);
                    }
                }
                case MapTypes.STACK_TRACE: {
                    setArg(R1, args.get(0), true);
                    setArgMap(R2, map);
                    setArg(R3, args.get(1), true);
                    push(new Reg(call(HelperNames.GET_STACKID, 3), true));
                    return;
                }
                default: {
                    Addr key = mapArg(i, args.get(0), vals.get(0), map.key(), true);
                    switch (name) {
                        case "lookup": {
                            setArgMap(R1, map);
                            setArgAddr(R2, key);
                            push(new Reg(call(HelperNames.MAP_LOOKUP_ELEM, 2), true));
                            return;
                        }
                        case "update": {
                            Addr value = mapArg(i, args.get(1), vals.get(1), map.value(), false);
                            setArgMap(R1, map);
                            setArgAddr(R2, key);
                            setArgAddr(R3, value);
                            if (args.size() > 2) setArg(R4, args.get(2), true); else setArgImm(R4, 0);
                            push(new Reg(call(HelperNames.MAP_UPDATE_ELEM, 4), true));
                            return;
                        }
                        case "delete": {
                            setArgMap(R1, map);
                            setArgAddr(R2, key);
                            push(new Reg(call(HelperNames.MAP_DELETE_ELEM, 2), true));
                            return;
                        }
                        default: throw error(i, "unsupported map operation " + name);
                    }
                }
            }
        }

        int sizeOf(Value v) {
            if (v instanceof Value.StackObj so) return so.type().size();
            return ((Value.Ptr) v).target().size();
        }

        /** Address of a key or value argument: structs by address, primitives stored to a scratch slot first. */
        Addr mapArg(int i, Operand o, Value v, ValueType type, boolean isKey) {
            if (v instanceof Value.StackObj || v instanceof Value.Ptr p && !(p.target() instanceof ValueType.Prim)) return address(i, o, v);
            if (v instanceof Value.Ptr) {
                // a primitive map value passed on: load it, then store it like any primitive
                int t = mir.newVreg();
                load(t, ((ValueType.Prim) ((Value.Ptr) v).target()).kind(), ((Reg) o).reg(), 0);
                o = new Reg(t, true);
            }
            int off;
            if (isKey) { if (keyScratch == Integer.MIN_VALUE) keyScratch = frame.allocate(8, 8); off = keyScratch; }
            else { if (valueScratch == Integer.MIN_VALUE) valueScratch = frame.allocate(8, 8); off = valueScratch; }
            store(type.size(), R10, off, o);
            return new Addr(R10, off);
        }

        void contextCall(int i, String owner, String name, List<Operand> args, List<Value> vals, Operand recv) {
            int ctx = ((Reg) recv).reg();
            int t = mir.newVreg();
            long k = args.isEmpty() ? 0 : constOf(vals.get(0));
            switch (owner.substring(owner.lastIndexOf('/') + 1) + "." + name) {
                case "TracepointContext.arg":
                    if (k < 0 || k > 5) throw error(i, "syscall argument index must be 0..5");
                    load(t, StructLayout.Kind.LONG, ctx, 16 + 8 * (int) k); break;
                case "TracepointContext.ret": load(t, StructLayout.Kind.LONG, ctx, 16); break;
                case "TracepointContext.syscallNr": load(t, StructLayout.Kind.INT, ctx, 8); break;
                case "TracepointContext.commonPid": load(t, StructLayout.Kind.INT, ctx, 4); break;
                case "TracepointContext.u64": load(t, StructLayout.Kind.LONG, ctx, (int) k); break;
                case "TracepointContext.u32": case "TracepointContext.s32": load(t, StructLayout.Kind.INT, ctx, (int) k); break;
                case "TracepointContext.u16": load(t, StructLayout.Kind.CHAR, ctx, (int) k); break;
                case "TracepointContext.u8": load(t, StructLayout.Kind.BOOLEAN, ctx, (int) k); break;
                case "RawTracepointContext.arg":
                    if (k < 0 || k > 11) throw error(i, "raw tracepoint argument index must be 0..11");
                    load(t, StructLayout.Kind.LONG, ctx, 8 * (int) k); break;
                case "PtRegs.param": {
                    int[] offs = {112, 104, 96, 88, 72, 64};
                    if (k < 0 || k > 5) throw error(i, "parameter index must be 0..5");
                    load(t, StructLayout.Kind.LONG, ctx, offs[(int) k]); break;
                }
                case "PtRegs.ret": load(t, StructLayout.Kind.LONG, ctx, 80); break;
                case "PtRegs.ip": load(t, StructLayout.Kind.LONG, ctx, 128); break;
                case "PtRegs.sp": load(t, StructLayout.Kind.LONG, ctx, 152); break;
                case "XdpContext.ingressIfindex": load(t, StructLayout.Kind.INT, ctx, 12); break;
                case "XdpContext.rxQueueIndex": load(t, StructLayout.Kind.INT, ctx, 16); break;
                case "SkBuffContext.length": load(t, StructLayout.Kind.INT, ctx, 0); break;
                case "SkBuffContext.mark": load(t, StructLayout.Kind.INT, ctx, 8); break;
                case "SkBuffContext.protocol": load(t, StructLayout.Kind.INT, ctx, 16); break;
                case "SkBuffContext.ifindex": load(t, StructLayout.Kind.INT, ctx, 40); break;
                default: throw error(i, owner.replace('/', '.') + "." + name + " is not supported yet");
            }
            push(new Reg(t, true));
        }

        void javaLang(int i, MethodInsnNode mi, Operand recv, Value recvVal, List<Operand> args, List<Value> vals) {
            String n = mi.name;
            boolean isLong = mi.owner.equals("java/lang/Long");
            if (n.equals("valueOf")) { push(args.get(0)); return; }
            if (n.endsWith("Value") && recv != null) {
                if (recvVal instanceof Value.Boxed) { push(recv); return; }
                ValueType.Prim p = (ValueType.Prim) ((Value.Ptr) recvVal).target();
                int t = mir.newVreg();
                load(t, p.kind(), ((Reg) recv).reg(), 0);
                if (Type.getReturnType(mi.desc).getSort() == Type.LONG && !p.isLong()) emit(ALU64 | MOV | X, t, t, 32, 0);
                push(new Reg(t, true));
                return;
            }
            if (mi.owner.equals("java/lang/Object") && n.equals("<init>")) return;
            switch (n) {
                case "compareUnsigned": {
                    int next = nextReal(i);
                    if (next >= 0 && isIfZero(a.insns[next].getOpcode())) {
                        push(args.get(0)); push(args.get(1));
                        fusedCompare = true; fusedSigned = false; fusedLong = isLong;
                        return;
                    }
                    push(compare3(args.get(0), args.get(1), false, isLong));
                    return;
                }
                case "toUnsignedLong": {
                    int t = mir.newVreg();
                    Operand x = args.get(0);
                    if (x instanceof Imm c) { push(new Imm(c.value() & 0xffffffffL)); return; }
                    emit(ALU | MOV | X, t, ((Reg) x).reg(), 0, 0);
                    push(new Reg(t, true));
                    return;
                }
                case "divideUnsigned": case "remainderUnsigned": {
                    int aop = n.startsWith("divide") ? DIV : MOD;
                    int t = ownedCopy(args.get(0), isLong);
                    Operand b = args.get(1);
                    int cls = isLong ? ALU64 : ALU;
                    if (b instanceof Imm c && fitsImm(c.value(), isLong)) emit(cls | aop | K, t, 0, 0, isLong ? c.value() : (int) c.value());
                    else emit(cls | aop | X, t, toReg(b, isLong), 0, 0);
                    push(new Reg(t, true));
                    return;
                }
                case "min": case "max": case "abs": {
                    boolean wide = Type.getReturnType(mi.desc).getSort() == Type.LONG;
                    int t = ownedCopy(args.get(0), wide);
                    Mir.Label done = mir.newLabel();
                    if (n.equals("abs")) {
                        emitCompare(JSGE, t, new Imm(0), wide, done);
                        emit((wide ? ALU64 : ALU) | NEG, t, 0, 0, 0);
                    } else {
                        Operand b = args.get(1);
                        emitCompare(n.equals("min") ? JSLE : JSGE, t, b, wide, done);
                        if (b instanceof Imm c) loadImm(t, c.value(), wide); else emitMov64(t, ((Reg) b).reg());
                    }
                    placeLabel(done);
                    push(new Reg(t, true));
                    return;
                }
                default: throw error(i, "cannot call " + mi.owner.replace('/', '.') + "." + n);
            }
        }
    }

    // ---- shared emission helpers ------------------------------------------------------------------------

    record Addr(int reg, int off) {}

    private boolean hasDef(int reg) {
        for (Mir.MInsn m : mir.code) if (Mir.def(m) == reg) return true;
        return false;
    }

    int objectOffset(Value.StackObj so) {
        return objectOffsets.computeIfAbsent((long) so.site(), k -> frame.allocate((so.type().size() + 7) / 8 * 8, 8));
    }

    private void zero(int off) {
        // the size is known from the allocation; zero it 8 bytes at a time
        int size = frame.sizeAt(off);
        for (int k = 0; k < size; k += 8) emit(ST | MEM | DW, R10, 0, off + k, 0);
    }

    static boolean isIfZero(int op) { return op >= IFEQ && op <= IFLE; }

    static int condOf(int k) {
        switch (k) {
            case 0: return JEQ;
            case 1: return JNE;
            case 2: return JSLT;
            case 3: return JSGE;
            case 4: return JSGT;
            default: return JSLE;
        }
    }

    static int unsignedOf(int cond) {
        switch (cond) {
            case JSLT: return JLT;
            case JSGE: return JGE;
            case JSGT: return JGT;
            case JSLE: return JLE;
            default: return cond;
        }
    }

    static int swapped(int cond) {
        switch (cond) {
            case JSLT: return JSGT;
            case JSGT: return JSLT;
            case JSLE: return JSGE;
            case JSGE: return JSLE;
            case JLT: return JGT;
            case JGT: return JLT;
            case JLE: return JGE;
            case JGE: return JLE;
            default: return cond;
        }
    }

    static boolean holds(int cond, long x, long y, boolean isLong) {
        if (!isLong) { x = (int) x; y = (int) y; }
        long ux = isLong ? x : x & 0xffffffffL, uy = isLong ? y : y & 0xffffffffL;
        switch (cond) {
            case JEQ: return x == y;
            case JNE: return x != y;
            case JSLT: return x < y;
            case JSGE: return x >= y;
            case JSGT: return x > y;
            case JSLE: return x <= y;
            case JLT: return Long.compareUnsigned(ux, uy) < 0;
            case JGE: return Long.compareUnsigned(ux, uy) >= 0;
            case JGT: return Long.compareUnsigned(ux, uy) > 0;
            case JLE: return Long.compareUnsigned(ux, uy) <= 0;
            default: return false;
        }
    }

    static boolean fitsImm(long v, boolean isLong) { return !isLong || v == (int) v; }

    private Mir.MInsn emit(int opcode, int dst, int src, int off, long imm) {
        Mir.MInsn m = new Mir.MInsn();
        m.opcode = opcode; m.dst = dst; m.src = src; m.off = off; m.imm = imm; m.line = line;
        mir.code.add(m);
        return m;
    }

    private void emitMov64(int dst, int src) { if (dst != src) emit(ALU64 | MOV | X, dst, src, 0, 0); }

    private void emitJump(Mir.Label target) { emit(JMP | JA, 0, 0, 0, 0).target = target; }

    private void emitCond(int opcode, int dst, int src, long imm, Mir.Label target) { emit(opcode, dst, src, 0, imm).target = target; }

    private void placeLabel(Mir.Label l) {
        Mir.MInsn m = new Mir.MInsn();
        m.label = l;
        m.line = line;
        mir.code.add(m);
    }

    void loadImm(int dst, long v, boolean isLong) {
        if (!isLong) emit(ALU | MOV | K, dst, 0, 0, (int) v);
        else if (v == (int) v) emit(ALU64 | MOV | K, dst, 0, 0, v);
        else if (v >= 0 && v <= 0xffffffffL) emit(ALU | MOV | K, dst, 0, 0, (int) v);
        else emit(LD | IMM | DW, dst, 0, 0, v);
    }

    /** Writes operand o into register r (a copy, so later changes to r do not affect o's source). */
    private void moveInto(int r, Operand o, Value v) {
        if (o instanceof Imm c) loadImm(r, c.value(), !(v instanceof Value.Scalar s) || s.isLong());
        else if (o instanceof Reg g) emitMov64(r, g.reg());
        else throw new IllegalStateException("no register value for " + v.describe());
    }

    private void load(int dst, StructLayout.Kind kind, int base, int off) {
        switch (kind) {
            case BYTE: emit(LDX | MEMSX | B, dst, base, off, 0); break;
            case SHORT: emit(LDX | MEMSX | H, dst, base, off, 0); break;
            case BOOLEAN: emit(LDX | MEM | B, dst, base, off, 0); break;
            case CHAR: emit(LDX | MEM | H, dst, base, off, 0); break;
            case INT: emit(LDX | MEM | W, dst, base, off, 0); break;
            default: emit(LDX | MEM | DW, dst, base, off, 0); break;
        }
    }

    private void store(int size, int base, int off, Operand value) {
        if (value instanceof Imm c && (size < 8 || c.value() == (int) c.value())) {
            emit(ST | MEM | sizeFor(size), base, 0, off, size == 8 ? c.value() : (int) c.value());
        } else if (value instanceof Imm c) {
            int t = mir.newVreg();
            loadImm(t, c.value(), true);
            emit(STX | MEM | sizeFor(size), base, t, off, 0);
        } else {
            emit(STX | MEM | sizeFor(size), base, ((Reg) value).reg(), off, 0);
        }
    }

    // ---- helper call sequences: arguments into r1..r5, then the call, then r0 into a fresh register ----------

    private final List<Runnable> pendingArgs = new ArrayList<>();

    private void setArg(int reg, Operand o, boolean isLong) {
        pendingArgs.add(() -> {
            if (o instanceof Imm c) loadImm(reg, c.value(), isLong);
            else emit(ALU64 | MOV | X, reg, ((Reg) o).reg(), 0, 0);
        });
    }

    private void setArgImm(int reg, long v) { pendingArgs.add(() -> loadImm(reg, v, true)); }

    private void setArgAddr(int reg, Addr addr) {
        pendingArgs.add(() -> {
            emit(ALU64 | MOV | X, reg, addr.reg(), 0, 0);
            if (addr.off() != 0) emit(ALU64 | ADD | K, reg, 0, 0, addr.off());
        });
    }

    private void setArgMap(int reg, MapDecl map) {
        pendingArgs.add(() -> {
            Mir.MInsn m = emit(LD | IMM | DW, reg, PSEUDO_MAP_FD, 0, 0);
            m.ref = map.name();
        });
    }

    /** Emits the pending argument moves and a call of a helper that returns nothing. */
    private void callVoid(int helper, int nargs) {
        for (Runnable r : pendingArgs) r.run();
        pendingArgs.clear();
        Mir.MInsn c = emit(JMP | CALL, 0, 0, 0, helper);
        c.callArgs = nargs;
    }

    /** Emits the pending argument moves and the call; returns a fresh register holding r0. */
    private int call(int helper, int nargs) {
        callVoid(helper, nargs);
        int t = mir.newVreg();
        emitMov64(t, R0);
        return t;
    }

    private int callResult(int helper) { return call(helper, 0); }
}
