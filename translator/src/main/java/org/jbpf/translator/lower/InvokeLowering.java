package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.translator.analysis.Frame;
import org.jbpf.translator.analysis.InvokeAnalyzer;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.analysis.MethodAnalysis;
import org.jbpf.translator.analysis.Subprogram;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.EnumSwitches;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.intrinsic.Intrinsic;
import org.jbpf.translator.intrinsic.Intrinsics;
import org.jbpf.translator.intrinsic.LoweringCall;
import org.jbpf.translator.lower.Operand.Imm;
import org.jbpf.translator.lower.Operand.Known;
import org.jbpf.translator.lower.Operand.Reg;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Lowers method calls: a struct constructor zeroes the new object, an intrinsic (helper, map, context or java.lang
 * call) is lowered by its family, a static method the analysis made a BPF function is called (a loop body is handed
 * to bpf_loop), and any other static method, and any method or constructor of a @Struct, is inlined: its body is
 * lowered in place with its returns jumping to the code after the call.
 */
final class InvokeLowering {
    private final BodyLowering body;
    private final Emitter out;

    InvokeLowering(BodyLowering body, Emitter out) {
        this.body = body;
        this.out = out;
    }

    void invoke(int i, MethodInsnNode mi, Frame f) {
        mi = body.a.boxCalls.getOrDefault(i, mi);
        int n = Type.getArgumentTypes(mi.desc).length;
        List<Operand> args = new ArrayList<>();
        List<Value> vals = new ArrayList<>();
        for (int k = 0; k < n; k++) { args.add(0, body.pop()); vals.add(0, f.peek(k)); }
        boolean isStatic = mi.getOpcode() == INVOKESTATIC;
        Value.StackObj ordinals = body.a.enumValues.get(i);
        if (ordinals != null) {
            // an enum's values(): a fresh array of its ordinals 0, 1, ..
            int off = out.objectOffset(ordinals);
            out.zero(off);
            for (int k = 1; k < ValueType.lengthOf(ordinals.type()); k++) out.emit(ST | MEM | W, R10, 0, off + 4 * k, k);
            body.push(new Operand.Known(ordinals));
            return;
        }
        Operand recv = isStatic ? null : body.pop();
        Value recvVal = isStatic ? null : f.peek(n);

        if (mi.getOpcode() == INVOKESPECIAL && mi.name.equals("<init>")) {
            // every stack copy of the uninitialised object becomes the object (Known either way); it starts zeroed
            if (recvVal instanceof Value.Uninit u) {
                Value.StackObj so = constructed(i);
                out.zero(out.objectOffset(so));
                body.constructed(f, u, so);
            }
            // a constructor with code runs inlined on the object
            if (body.a.callees.containsKey(i)) inline(i, mi, withReceiver(recv, args));
            return;
        }
        if (recvVal instanceof Value.Scalar && mi.name.equals("ordinal") && mi.desc.equals("()I") && !body.a.callees.containsKey(i)) {
            body.push(recv);   // an enum value is its ordinal
            return;
        }
        if (recvVal instanceof Value.Scalar && EnumSwitches.isOrdinalCompare(mi) && !body.a.callees.containsKey(i)) {
            enumCompare(mi, recv, args.get(0));
            return;
        }
        if (InvokeAnalyzer.isRequireNonNull(mi) && !body.a.callees.containsKey(i)) {
            body.push(args.get(0));   // the analysis let only a value that cannot be null through
            return;
        }
        Subprogram function = body.a.calls.get(i);
        if (function != null) {
            if (function.loopBody) loop(i, function, args, vals);
            else call(i, function, args, vals);
            return;
        }
        if (body.a.callees.containsKey(i)) {   // inlined by the analysis, also a struct's method called through a JDK interface
            inline(i, mi, isStatic ? args : withReceiver(recv, args));
            return;
        }
        Intrinsic intrinsic = Intrinsics.find(mi);
        if (intrinsic == null) intrinsic = Intrinsics.typedAt(body.a, i);
        if (intrinsic != null) {
            intrinsic.lower(new LoweringCall(body, i, mi, recv, recvVal, args, vals));
            return;
        }
        inline(i, mi, isStatic ? args : withReceiver(recv, args));
    }

    private static List<Operand> withReceiver(Operand recv, List<Operand> args) {
        List<Operand> all = new ArrayList<>(args);
        all.add(0, recv);
        return all;
    }

    /** A BPF-to-BPF call: arguments into r1–r5 (a local struct by its address), the result from r0. */
    private void call(int i, Subprogram function, List<Operand> args, List<Value> vals) {
        for (int k = 0; k < args.size(); k++) setArg(i, k + 1, args.get(k), vals.get(k));
        if (function.returnsValue()) body.push(new Reg(out.callFunction(function.name, args.size()), true));
        else out.callFunctionVoid(function.name, args.size());
    }

    /**
     * {@code Loops.repeat(n, body, state)}: bpf_loop(n, &body, &state or 0, 0), whose result is the iteration count.
     * A count not known here runs the call only when it is not 0 (0 is then the result, as bpf_loop gives): where the
     * kernel can tell the count is 0, it verifies no round of the body, drops the body as dead code and then misses
     * it for the address the call passes ("verifier bug: No program to jit"); behind the test it drops the call too.
     */
    private void loop(int i, Subprogram function, List<Operand> args, List<Value> vals) {
        Operand count = args.get(0);
        int result = out.newVreg();
        Mir.Label done = null;
        if (!(count instanceof Operand.Imm)) {
            done = out.newLabel();
            out.emit(ALU64 | MOV | K, result, 0, 0, 0);
            out.jumpIf(JMP32 | JEQ | K, body.toReg(count, false), 0, 0, done);
        }
        out.setArg(R1, count, false);
        out.setArgFunction(R2, function.name);
        if (vals.get(1) instanceof Value.FuncRef ref && !ref.captured().isEmpty()) CaptureLowering.pass(body, out, i, ref, args.get(2), vals.get(2));
        else if (vals.get(2) instanceof Value.StackObj) setArg(i, 3, args.get(2), vals.get(2));
        else out.setArgImm(R3, 0);
        out.setArgImm(R4, 0);
        out.mov64(result, out.call(HelperTable.LOOP, 4));
        if (done != null) out.placeLabel(done);
        body.push(new Reg(result, true));
    }

    private void setArg(int i, int reg, Operand o, Value v) {
        if (v instanceof Value.StackObj) out.setArgAddr(reg, body.address(i, o, v));
        else out.setArg(reg, o, !(v instanceof Value.Scalar s) || s.isLong());
    }

    /** Lowers the analysed body of a static method of the probe in place of its call. */
    private void inline(int i, MethodInsnNode mi, List<Operand> args) {
        MethodAnalysis callee = body.a.callees.get(i);
        Mir.Label after = out.newLabel();
        int result = Type.getReturnType(mi.desc).getSort() == Type.VOID ? -1 : out.newVreg();
        new BodyLowering(body.program, callee, args, after, result).run();
        out.placeLabel(after);
        if (result >= 0) {
            Value rv = callee.returnValue;
            body.push(rv.inRegister() ? new Reg(result, true) : rv instanceof Value.Null ? new Imm(0) : BodyLowering.known(rv));
        }
    }

    /** The stack object the constructor call at i initialises, as the analysis made it. */
    private Value.StackObj constructed(int i) {
        Value.StackObj so = body.a.constructed.get(i);
        if (so == null) throw new IllegalStateException("the analysis made no object at the constructor call " + i);
        return so;
    }

    /** An enum's compareTo (the difference of the ordinals, as Enum.compareTo gives) or equals (the same ordinal). */
    private void enumCompare(MethodInsnNode mi, Operand recv, Operand other) {
        if (mi.name.equals("compareTo")) {
            int t = body.ownedCopy(recv, false);
            out.emit(ALU | SUB | X, t, body.toReg(other, false), 0, 0);
            body.push(new Operand.Reg(t, true));
            return;
        }
        int t = out.newVreg();
        Mir.Label done = out.newLabel();
        out.loadImm(t, 1, false);
        body.branches().emitCompare(JEQ, body.toReg(recv, false), other, false, done);
        out.loadImm(t, 0, false);
        out.placeLabel(done);
        body.push(new Operand.Reg(t, true));
    }
}
