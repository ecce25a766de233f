package org.jbpf.translator.intrinsic;

import java.util.List;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.lower.Operand;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Methods of a {@code String} constant ({@code TAG.length()}, {@code "abc".charAt(1)}, {@code NAME.equals("x")},
 * {@code hashCode}, {@code startsWith}, {@code indexOf}, ...) whose arguments are constants too: the answer is Java's
 * own, computed at translation, and the call is that number. Any other String call is refused as before; so is
 * {@code equals} of a constant with a byte array, which Java answers false whatever the bytes (Strings.equals compares
 * them).
 */
final class ConstantStringCalls implements Intrinsic {
    static final String STRING = "java/lang/String";
    private final Intrinsic otherwise;

    ConstantStringCalls(Intrinsic otherwise) { this.otherwise = otherwise; }

    @Override
    public Value type(TypingCall c) {
        if (c.receiver() instanceof Value.StringConst && c.insn().name.equals("equals") && !c.args().isEmpty()
                && !(c.args().get(0) instanceof Value.StringConst))
            throw c.error("equals of a String with " + c.args().get(0).describe() + " is false in Java whatever it holds (a string is "
                    + "never equal to anything but a string); compare a byte[] buffer with Strings.equals(buf, \"text\")");
        Long folded = fold(c.insn(), c.receiver(), c.args());
        if (folded == null) return otherwise.type(c);
        return new Value.Scalar(false, folded);
    }

    @Override
    public void lower(LoweringCall c) {
        c.body().push(new Operand.Imm(fold(c.insn(), c.receiverValue(), c.values())));
    }

    /** Java's answer for the call on constants, or null when the receiver or an argument is not one (or the method is another). */
    static Long fold(MethodInsnNode mi, Value receiver, List<Value> args) {
        if (!(receiver instanceof Value.StringConst r)) return null;
        String s = r.text();
        String text = !args.isEmpty() && args.get(0) instanceof Value.StringConst t ? t.text() : null;
        Long n = !args.isEmpty() && args.get(0) instanceof Value.Scalar k ? k.constant() : null;
        switch (mi.name + mi.desc) {
            case "length()I": return (long) s.length();
            case "isEmpty()Z": return s.isEmpty() ? 1L : 0L;
            case "isBlank()Z": return s.isBlank() ? 1L : 0L;
            case "hashCode()I": return (long) s.hashCode();
            case "charAt(I)C": return n != null && n >= 0 && n < s.length() ? (long) s.charAt((int) (long) n) : null;
            case "equals(Ljava/lang/Object;)Z": return text == null ? null : s.equals(text) ? 1L : 0L;
            case "equalsIgnoreCase(Ljava/lang/String;)Z": return text == null ? null : s.equalsIgnoreCase(text) ? 1L : 0L;
            case "startsWith(Ljava/lang/String;)Z": return text == null ? null : s.startsWith(text) ? 1L : 0L;
            case "endsWith(Ljava/lang/String;)Z": return text == null ? null : s.endsWith(text) ? 1L : 0L;
            case "contains(Ljava/lang/CharSequence;)Z": return text == null ? null : s.contains(text) ? 1L : 0L;
            case "compareTo(Ljava/lang/String;)I": return text == null ? null : (long) s.compareTo(text);
            case "indexOf(Ljava/lang/String;)I": return text == null ? null : (long) s.indexOf(text);
            case "lastIndexOf(Ljava/lang/String;)I": return text == null ? null : (long) s.lastIndexOf(text);
            case "indexOf(I)I": return n == null ? null : (long) s.indexOf((int) (long) n);
            case "lastIndexOf(I)I": return n == null ? null : (long) s.lastIndexOf((int) (long) n);
            default: return null;
        }
    }
}
