package org.jbpf.translator.intrinsic;

import java.util.List;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.BodyLowering;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * A call as the lowering sees it: the operands of its receiver (null for a static call) and arguments, already
 * popped, with the analysis's values for each, and the body it is lowered into.
 */
public record LoweringCall(BodyLowering body, int index, MethodInsnNode insn, Operand receiver, Value receiverValue,
                           List<Operand> args, List<Value> values) {
    public Emitter out() { return body.out(); }

    /** Pushes a fresh register (no other stack entry refers to it) as the call's result. */
    public void pushResult(int reg) { body.push(new Operand.Reg(reg, true)); }

    /** The address of struct or byte array argument k. */
    public Addr address(int k) { return body.address(index, args.get(k), values.get(k)); }

    /** The analysis's value on top of the stack after the call: its result. */
    public Value result() { return body.analysis().frames[index + 1].peek(0); }

    public TranslationException error(String message) { return body.error(index, message); }
}
