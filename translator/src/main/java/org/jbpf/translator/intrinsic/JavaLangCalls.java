package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.analysis.InvokeAnalyzer;
import org.jbpf.translator.analysis.JavaText;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.BodyLowering;
import org.jbpf.translator.lower.BranchLowering;
import org.jbpf.translator.lower.Conditions;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The java.lang methods a probe may call: boxing and unboxing of Integer, Long, Short and Byte (a boxed value is the
 * number itself) and a box's hashCode, the unsigned arithmetic of Integer and Long, their static min, max, sum and
 * hashCode, compare and hashCode of Short, Byte, Character and Boolean, Math.min, max
 * and abs on ints and longs, Boolean's logicalAnd, logicalOr and logicalXor, System.nanoTime (bpf_ktime_get_ns), the bit
 * methods of {@link BitCalls} and Math.multiplyHigh ({@link WideMultiply}).
 */
final class JavaLangCalls implements Intrinsic {
    @Override
    public Value type(TypingCall c) {
        MethodInsnNode mi = c.insn();
        Value receiver = c.receiver();
        List<Value> args = c.args();
        String o = mi.owner, n = mi.name;
        if (BitCalls.handles(mi)) return BitCalls.type(c);
        if (WideMultiply.handles(mi)) return WideMultiply.type(c);
        if (o.equals("java/lang/Boolean") && receiver == null && n.startsWith("logical") && args.size() == 2) {
            for (Value v : args) if (!(v instanceof Value.Scalar)) throw c.error(n + " needs booleans");
            Long x = ((Value.Scalar) args.get(0)).constant(), y = ((Value.Scalar) args.get(1)).constant();
            Long folded = x == null || y == null ? null : n.equals("logicalAnd") ? x & y : n.equals("logicalOr") ? x | y : x ^ y;
            return new Value.Scalar(false, folded);
        }
        boolean boxOwner = o.equals("java/lang/Integer") || o.equals("java/lang/Long") || o.equals("java/lang/Short") || o.equals("java/lang/Byte")
                || o.equals("java/lang/Character");
        if (boxOwner && n.equals("valueOf") && args.size() == 1 && args.get(0) instanceof Value.Scalar) {
            ValueType.Prim t = (ValueType.Prim) (o.endsWith("Integer") ? ValueType.INT : o.endsWith("Long") ? ValueType.LONG : o.endsWith("Short") ? ValueType.SHORT
                    : o.endsWith("Character") ? ValueType.CHAR : ValueType.BYTE);
            if (!flowsIntoJoin(c.insn())) return new Value.Boxed(t, ((Value.Scalar) args.get(0)).constant());
            // Long w = z != null ? z : Long.valueOf(7): the number goes to the stack, so w is one reference on every path
            c.method().callFacts.put(c.index(), BOXED_ON_STACK);
            return new Value.Ptr(t, false, c.site(), "a boxed " + t.javaName(), false);
        }
        if (boxOwner && receiver != null && (n.endsWith("Value") || n.equals("hashCode")) && args.isEmpty()) {
            if (receiver instanceof Value.Ptr p) {
                if (p.nullable()) throw c.error(p.origin() + " may be null here; test it against null before using its value");
                if (!(p.target() instanceof ValueType.Prim)) throw c.error("cannot unbox " + p.describe());
            } else if (receiver instanceof Value.Null) {
                // a path where the box is null reaches the unboxing (the null arm of a ternary, a null assigned before)
                throw c.error("this value is null on a path that reaches here, where Java would throw a NullPointerException; "
                        + "test it against null before using its value");
            } else if (!(receiver instanceof Value.Boxed)) {
                throw c.error("cannot unbox " + receiver.describe());
            }
            return new Value.Scalar(Type.getReturnType(mi.desc).getSort() == Type.LONG, null);
        }
        boolean narrowOwner = o.equals("java/lang/Short") || o.equals("java/lang/Byte") || o.equals("java/lang/Character")
                || o.equals("java/lang/Boolean");
        boolean unsignedCompare = n.equals("compareUnsigned") && (o.equals("java/lang/Short") || o.equals("java/lang/Byte"));
        if (narrowOwner && receiver == null && ((n.equals("compare") || unsignedCompare) && args.size() == 2 || n.equals("hashCode") && args.size() == 1)) {
            for (Value v : args) if (!(v instanceof Value.Scalar)) throw c.error(n + " needs numbers");
            return new Value.Scalar(false, null);
        }
        if ((o.equals("java/lang/Integer") || o.equals("java/lang/Long")) && receiver == null) {
            switch (n) {
                case "compareUnsigned": case "divideUnsigned": case "remainderUnsigned": case "toUnsignedLong":
                    for (Value v : args) if (!(v instanceof Value.Scalar)) throw c.error(n + " needs numbers");
                    if (n.equals("divideUnsigned") || n.equals("remainderUnsigned"))
                        c.method().constantFault(c.index(), ((Value.Scalar) args.get(1)).constant() != null && ((Value.Scalar) args.get(1)).constant() == 0
                                ? org.jbpf.translator.analysis.JavaText.DIVISION_BY_ZERO : null);
                    return new Value.Scalar(Type.getReturnType(mi.desc).getSort() == Type.LONG, null);
                case "min": case "max": case "sum": case "hashCode":
                    if (args.size() != (n.equals("hashCode") ? 1 : 2)) break;
                    for (Value v : args) if (!(v instanceof Value.Scalar)) throw c.error(n + " needs numbers");
                    return new Value.Scalar(Type.getReturnType(mi.desc).getSort() == Type.LONG, null);
                default: break;
            }
        }
        if ((o.equals("java/lang/Short") || o.equals("java/lang/Byte")) && receiver == null
                && (n.equals("toUnsignedInt") || n.equals("toUnsignedLong")) && args.size() == 1) {
            if (!(args.get(0) instanceof Value.Scalar)) throw c.error(n + " needs a number");
            return new Value.Scalar(n.equals("toUnsignedLong"), null);
        }
        if (o.equals("java/lang/Math") && receiver == null && n.equals("clamp") && (mi.desc.equals("(JII)I") || mi.desc.equals("(JJJ)J"))) {
            // Java 21's clamp throws when min > max: only bounds known to be in order have a BPF form
            Long min = args.get(1) instanceof Value.Scalar s ? s.constant() : null, max = args.get(2) instanceof Value.Scalar s ? s.constant() : null;
            if (!(args.get(0) instanceof Value.Scalar) || min == null || max == null || min > max)
                throw c.error("Math.clamp throws when its minimum is above its maximum, which a BPF program cannot; give it constant "
                        + "bounds in order, or write Math.min(Math.max(value, min), max)");
            return new Value.Scalar(mi.desc.endsWith("J"), null);
        }
        if (o.equals("java/lang/Math") && receiver == null && (n.equals("min") || n.equals("max") || n.equals("abs"))) {
            Type rt = Type.getReturnType(mi.desc);
            if (rt.getSort() != Type.INT && rt.getSort() != Type.LONG) throw c.error("Math." + n + " is only supported for int and long");
            return new Value.Scalar(rt.getSort() == Type.LONG, null);
        }
        if (o.equals("java/lang/System") && n.equals("nanoTime")) return new Value.Scalar(true, null);
        if (o.equals("java/lang/Object") && n.equals("<init>")) return null;
        if (mi.getOpcode() == org.objectweb.asm.Opcodes.INVOKEINTERFACE)
            throw c.error(receiver instanceof Value.FuncRef ? InvokeAnalyzer.LAMBDAS : InvokeAnalyzer.interfaceCall(mi));
        throw c.error("cannot call " + o.replace('/', '.') + "." + n + " in a BPF program"
                + (o.equals("java/lang/String") && n.equals("charAt") ? ": strings do not exist in BPF programs; keep the characters "
                           + "in a static final char[] or byte[] table and index it (static final byte[] HEX = {'0', '1', ..}; HEX[i])"
                   : o.equals("java/lang/String") || o.equals("java/lang/StringBuilder") ? ": " + JavaText.ADVICE
                   : o.equals("java/lang/System") && n.equals("currentTimeMillis") ? ": it reads the wall clock, which BPF programs "
                           + "cannot; use System.nanoTime(), the kernel's monotonic clock (the JVM's nanoTime on Linux), and convert in Java"
                   : n.equals("toString") || n.startsWith("to") && n.endsWith("String") ? ": strings do not exist in BPF "
                           + "programs; print numbers with a printk format (printk(\"n %d\", x)), or send them to Java in a map or ring record"
                   : o.equals("java/lang/Character") ? characterAdvice(n)
                   : o.equals("java/lang/Math") && n.endsWith("Exact") ? ": it throws on overflow, which a BPF program cannot; use the "
                           + "plain operator and test the result (a sum of positives below either operand overflowed)"
                   : "; the java.lang methods that translate are boxing, Math.min/max/abs/clamp and floor and ceil division, System.nanoTime, the Integer/Long "
                           + "bit, unsigned, min/max/sum and compare methods, and compare and hashCode of every box class (README, "
                           + "Translation notes)"));
    }

    /** What to write instead of a Character method, which knows all of Unicode: compares with the ASCII ranges meant. */
    private static String characterAdvice(String n) {
        String e;
        switch (n) {
            case "isLetter": case "isAlphabetic": e = "(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')"; break;
            case "isLetterOrDigit": e = "(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')"; break;
            case "isWhitespace": case "isSpaceChar": e = "c == ' ' || c == '\\t' || c == '\\n'"; break;
            case "isUpperCase": e = "c >= 'A' && c <= 'Z'"; break;
            case "isLowerCase": e = "c >= 'a' && c <= 'z'"; break;
            case "toUpperCase": e = "c >= 'a' && c <= 'z' ? (char) (c - 32) : c"; break;
            case "toLowerCase": e = "c >= 'A' && c <= 'Z' ? (char) (c + 32) : c"; break;
            case "digit": case "getNumericValue": e = "c >= '0' && c <= '9' ? c - '0' : -1"; break;
            default: e = "c >= '0' && c <= '9'";
        }
        return "; compare the char with character constants instead (Java's Character methods know all of Unicode), e.g. " + e;
    }

    /**
     * A box's number as its xxxValue() method returns it: Integer.longValue() widens with the sign, Integer.shortValue()
     * and Long.byteValue() narrow as the casts do.
     */
    private static Operand converted(Emitter out, Operand value, ValueType.Prim box, int sort) {
        if (value instanceof Operand.Imm k) {
            long v = k.value();
            return new Operand.Imm(sort == Type.LONG ? (box.isLong() ? v : (int) v) : sort == Type.SHORT ? (short) v
                    : sort == Type.BYTE ? (byte) v : (int) v);
        }
        int narrow = sort == Type.BYTE && box.size() > 1 ? 8 : sort == Type.SHORT && box.size() > 2 ? 16 : 0;
        if (sort == Type.LONG && !box.isLong() || narrow > 0) {
            int t = out.newVreg();
            if (narrow > 0) out.emit(ALU | MOV | X, t, ((Operand.Reg) value).reg(), narrow, 0);
            else out.emit(ALU64 | MOV | X, t, ((Operand.Reg) value).reg(), 32, 0);
            return new Operand.Reg(t, true);
        }
        return value;
    }

    /** The fact of a valueOf whose box is kept on the BPF stack and used by its address. */
    private static final Object BOXED_ON_STACK = "boxed on the stack";

    /**
     * True when the value a call pushes goes straight into a join of paths (a ternary's arm: the next instruction is a
     * GOTO or a jump target), where the other path may bring a reference into a map.
     */
    private static boolean flowsIntoJoin(MethodInsnNode call) {
        AbstractInsnNode next = call.getNext();
        while (next instanceof LineNumberNode || next instanceof FrameNode) next = next.getNext();
        if (next != null && next.getOpcode() == org.objectweb.asm.Opcodes.GOTO) return true;
        if (!(next instanceof LabelNode label)) return false;
        for (AbstractInsnNode in = call; in != null; in = in.getPrevious())
            if (in instanceof JumpInsnNode j && j.label == label) return true;
        for (AbstractInsnNode in = next; in != null; in = in.getNext())
            if (in instanceof JumpInsnNode j && j.label == label) return true;
        return false;
    }

    @Override
    public void lower(LoweringCall c) {
        MethodInsnNode mi = c.insn();
        BodyLowering body = c.body();
        Emitter out = c.out();
        Operand recv = c.receiver();
        List<Operand> args = c.args();
        String n = mi.name;
        if (BitCalls.handles(mi)) { BitCalls.lower(c); return; }
        if (WideMultiply.handles(mi)) { WideMultiply.lower(c); return; }
        if (mi.owner.equals("java/lang/Boolean") && n.startsWith("logical")) {
            // booleans are 0 and 1, so each is its bitwise operation
            if (c.result() instanceof Value.Scalar s && s.constant() != null) { body.push(new Operand.Imm(s.constant())); return; }
            int t = body.ownedCopy(args.get(0), false);
            int op = n.equals("logicalAnd") ? AND : n.equals("logicalOr") ? OR : XOR;
            if (args.get(1) instanceof Operand.Imm k) out.emit(ALU | op | K, t, 0, 0, (int) k.value());
            else out.emit(ALU | op | X, t, body.toReg(args.get(1), false), 0, 0);
            c.pushResult(t);
            return;
        }
        boolean isLong = mi.owner.equals("java/lang/Long");
        if (n.equals("valueOf") && body.analysis().callFacts.get(c.index()) == BOXED_ON_STACK) {
            ValueType.Prim t = (ValueType.Prim) ((Value.Ptr) body.analysis().frames[c.index() + 1].peek(0)).target();
            int off = out.allocate(8, 8), p = out.newVreg();
            out.store(t.size(), R10, off, args.get(0));
            out.mov64(p, R10);
            out.emit(ALU64 | ADD | K, p, 0, 0, off);
            c.pushResult(p);
            return;
        }
        if (n.equals("valueOf")) { body.push(args.get(0)); return; }
        if (n.endsWith("Value") && recv != null) {
            ValueType.Prim p = c.receiverValue() instanceof Value.Boxed b ? b.type() : (ValueType.Prim) ((Value.Ptr) c.receiverValue()).target();
            Operand value = recv;
            if (c.receiverValue() instanceof Value.Ptr) {
                int t = out.newVreg();
                out.load(t, p.kind(), ((Operand.Reg) recv).reg(), 0);
                value = new Operand.Reg(t, true);
            }
            body.push(converted(out, value, p, Type.getReturnType(mi.desc).getSort()));
            return;
        }
        if (n.equals("hashCode") && recv != null) {   // a box's hashCode is its class's static hashCode of the value
            Operand value = recv;
            if (c.receiverValue() instanceof Value.Ptr ptr) {
                int t = out.newVreg();
                out.load(t, ((ValueType.Prim) ptr.target()).kind(), ((Operand.Reg) recv).reg(), 0);
                value = new Operand.Reg(t, true);
            }
            if (isLong) longHashCode(c, value); else body.push(value);
            return;
        }
        if ((n.equals("compare") || n.equals("compareUnsigned")) && !mi.owner.equals("java/lang/Long") && !mi.owner.equals("java/lang/Integer")) {
            // Short, Byte, Character and Boolean compare as x - y: both fit an int, so the difference is exact; Short and
            // Byte's compareUnsigned as the difference of their low 16 or 8 bits
            int mask = !n.equals("compareUnsigned") ? 0 : mi.owner.equals("java/lang/Short") ? 0xffff : 0xff;
            int t = body.ownedCopy(args.get(0), false);
            if (mask != 0) out.emit(ALU | AND | K, t, 0, 0, mask);
            Operand b = args.get(1);
            if (b instanceof Operand.Imm k) out.emit(ALU | SUB | K, t, 0, 0, mask != 0 ? (int) k.value() & mask : (int) k.value());
            else if (mask != 0) {
                int u = body.ownedCopy(b, false);
                out.emit(ALU | AND | K, u, 0, 0, mask);
                out.emit(ALU | SUB | X, t, u, 0, 0);
            } else out.emit(ALU | SUB | X, t, body.toReg(b, false), 0, 0);
            c.pushResult(t);
            return;
        }
        if (n.equals("hashCode") && !mi.owner.equals("java/lang/Long") && !mi.owner.equals("java/lang/Integer")) {
            if (!mi.owner.equals("java/lang/Boolean")) { body.push(args.get(0)); return; }   // a short, byte or char is its own hash
            // Boolean.hashCode(b) = b ? 1231 : 1237, which is 1237 - 6 * b for b in {0, 1}
            if (args.get(0) instanceof Operand.Imm k) { body.push(new Operand.Imm(k.value() != 0 ? 1231 : 1237)); return; }
            int t = body.ownedCopy(args.get(0), false);
            out.emit(ALU | MUL | K, t, 0, 0, -6);
            out.emit(ALU | ADD | K, t, 0, 0, 1237);
            c.pushResult(t);
            return;
        }
        if (mi.owner.equals("java/lang/Object") && n.equals("<init>")) return;
        if (mi.owner.equals("java/lang/System")) {   // nanoTime: CLOCK_MONOTONIC, which HotSpot's nanoTime also reads on Linux
            c.pushResult(out.call(HelperTable.KTIME_GET_NS, 0));
            return;
        }
        if (mi.owner.equals("java/lang/Short") || mi.owner.equals("java/lang/Byte")) {
            // Short/Byte.toUnsignedInt/Long: the low 16 or 8 bits, which also clears whatever the register held above them
            long mask = mi.owner.equals("java/lang/Short") ? 0xffff : 0xff;
            if (args.get(0) instanceof Operand.Imm k) { body.push(new Operand.Imm(k.value() & mask)); return; }
            int t = out.newVreg();
            out.mov64(t, ((Operand.Reg) args.get(0)).reg());
            out.emit(ALU64 | AND | K, t, 0, 0, (int) mask);
            c.pushResult(t);
            return;
        }
        BranchLowering branches = body.branches();
        switch (n) {
            case "compareUnsigned": {
                if (branches.nextIsIfZero(c.index())) {
                    body.push(args.get(0)); body.push(args.get(1));
                    branches.fuseWithNextBranch(false, isLong);
                    return;
                }
                body.push(branches.compare3(args.get(0), args.get(1), false, isLong));
                return;
            }
            case "toUnsignedLong": {
                int t = out.newVreg();
                Operand x = args.get(0);
                if (x instanceof Operand.Imm k) { body.push(new Operand.Imm(k.value() & 0xffffffffL)); return; }
                out.emit(ALU | MOV | X, t, ((Operand.Reg) x).reg(), 0, 0);
                c.pushResult(t);
                return;
            }
            case "divideUnsigned": case "remainderUnsigned": case "sum": {
                // BPF's DIV and MOD are unsigned, and ADD wraps as Java's does: one ALU operation each
                int aop = n.equals("sum") ? ADD : n.startsWith("divide") ? DIV : MOD;
                int t = body.ownedCopy(args.get(0), isLong);
                Operand b = args.get(1);
                int cls = isLong ? ALU64 : ALU;
                if (b instanceof Operand.Imm k && Conditions.fitsImm(k.value(), isLong)) out.emit(cls | aop | K, t, 0, 0, isLong ? k.value() : (int) k.value());
                else out.emit(cls | aop | X, t, body.toReg(b, isLong), 0, 0);
                c.pushResult(t);
                return;
            }
            case "hashCode": {
                if (!isLong) { body.push(args.get(0)); return; }   // Integer.hashCode(x) is x
                longHashCode(c, args.get(0));
                return;
            }
            case "abs": {
                // (x ^ sign) - sign, sign being x >> 63 (or 31): no branch. A test of x would give the kernel two states
                // that differ in the range of x and of every copy it links to x (a local's spill slot among them); a
                // loop that takes the absolute value of the same local again then finds the test decided, marks the
                // local precise and never prunes the two paths into one (the kernel's million instructions, where a
                // loop calls a function with Math.abs of a local)
                boolean wide = Type.getReturnType(mi.desc).getSort() == Type.LONG;
                int t = body.ownedCopy(args.get(0), wide), sign = out.newVreg();
                int cls = wide ? ALU64 : ALU;
                out.mov64(sign, t);
                out.emit(cls | ARSH | K, sign, 0, 0, wide ? 63 : 31);
                out.emit(cls | XOR | X, t, sign, 0, 0);
                out.emit(cls | SUB | X, t, sign, 0, 0);
                c.pushResult(t);
                return;
            }
            case "min": case "max": {
                boolean wide = Type.getReturnType(mi.desc).getSort() == Type.LONG;
                int t = body.ownedCopy(args.get(0), wide);
                Mir.Label done = out.newLabel();
                Operand b = args.get(1);
                branches.emitCompare(n.equals("min") ? JSLE : JSGE, t, b, wide, done);
                if (b instanceof Operand.Imm k) out.loadImm(t, k.value(), wide); else out.mov64(t, ((Operand.Reg) b).reg());
                out.placeLabel(done);
                c.pushResult(t);
                return;
            }
            case "clamp": {   // bounds are constants in order (the analysis checked): below min is min, above max is max
                int t = body.ownedCopy(args.get(0), true);
                Mir.Label aboveMin = out.newLabel(), done = out.newLabel();
                long min = ((Value.Scalar) c.values().get(1)).constant(), max = ((Value.Scalar) c.values().get(2)).constant();
                branches.emitCompare(JSGE, t, new Operand.Imm(min), true, aboveMin);
                out.loadImm(t, min, true);
                out.placeLabel(aboveMin);
                branches.emitCompare(JSLE, t, new Operand.Imm(max), true, done);
                out.loadImm(t, max, true);
                out.placeLabel(done);
                c.pushResult(t);
                return;
            }
            default: throw c.error("cannot call " + mi.owner.replace('/', '.') + "." + n);
        }
    }

    /** Long.hashCode(x) = (int) (x ^ (x >>> 32)): the low half xor the high half, in 32 bits. */
    private static void longHashCode(LoweringCall c, Operand x) {
        Emitter out = c.out();
        int t = c.body().ownedCopy(x, true);
        int high = out.newVreg();
        out.mov64(high, t);
        out.emit(ALU64 | RSH | K, high, 0, 0, 32);
        out.emit(ALU | XOR | X, t, high, 0, 0);
        c.pushResult(t);
    }
}
