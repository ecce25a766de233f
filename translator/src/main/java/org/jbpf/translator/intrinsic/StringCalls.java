package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.nio.charset.StandardCharsets;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.lower.StringPool;
import org.jbpf.translator.mir.Mir;

/**
 * {@code Strings.equals(buf, "bash")} and {@code Strings.startsWith(buf, "/etc/")}. A short literal's bytes are
 * compared in place, one byte load and compare each, leaving at the first difference (and, for equals, a test that
 * the byte after the literal is the NUL); byte-wide loads need no alignment, wherever the buffer lies. A literal of
 * 8 bytes or more is put once into read-only data ({@link StringPool}) and compared by bpf_strncmp, whose third
 * argument must be such a frozen string. A literal longer than the buffer is false, and the empty prefix true,
 * without code. {@code Strings.equals(a, b)} of two buffers compares them byte by byte in place up to the shorter
 * one's length, leaving at the first difference or at a NUL both hold; past that length, the longer one must hold a
 * NUL for the texts to be equal.
 */
final class StringCalls implements Intrinsic {
    static final String STRINGS = "org/jbpf/Strings";
    /** Longest literal compared. */
    static final int MAX_LITERAL = 256;
    /** From this length on a literal is compared by bpf_strncmp (kernel 5.17+) against its copy in read-only data. */
    static final int HELPER_FROM = 8;
    /** Strings.equals(byte[], byte[]). */
    private static final String TWO_BUFFERS = "([B[B)Z";

    @Override
    public Value type(TypingCall c) {
        String name = c.insn().name;
        if (!name.equals("equals") && !name.equals("startsWith"))
            throw c.error("Strings." + name + " is not available in BPF programs; use Strings.equals or Strings.startsWith");
        ValueType.Bytes first = Arguments.bytes(c, c.args().get(0), "the first argument of Strings." + name
                + " must be a byte array (e.g. a comm buffer or a @Size(n) byte[] field)");
        if (c.insn().desc.equals(TWO_BUFFERS)) {
            ValueType.Bytes second = Arguments.bytes(c, c.args().get(1), "the second argument of Strings.equals(byte[], "
                    + "byte[]) must be a byte array (e.g. a comm buffer or a @Size(n) byte[] field)");
            int compared = Math.min(first.length(), second.length());
            if (compared > MAX_LITERAL)
                throw c.error("Strings.equals of a byte[" + first.length() + "] and a byte[" + second.length() + "] would compare "
                        + compared + " bytes; at most " + MAX_LITERAL + " are compared: pass a shorter buffer (e.g. a @Size("
                        + MAX_LITERAL + ") byte[] field) for one of them");
            return new Value.Scalar(false, null);
        }
        if (!(c.args().get(1) instanceof Value.StringConst s))
            throw c.error("the second argument of Strings." + name + " must be a string literal or a static final String constant");
        if (literal(s).length > MAX_LITERAL)
            throw c.error("the literal of Strings." + name + " has " + literal(s).length + " bytes; at most " + MAX_LITERAL + " are compared");
        return new Value.Scalar(false, null);
    }

    private static byte[] literal(Value.StringConst s) { return s.text().getBytes(StandardCharsets.UTF_8); }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        if (c.insn().desc.equals(TWO_BUFFERS)) {
            lowerTwoBuffers(c);
            return;
        }
        int length = ((ValueType.Bytes) Arguments.target(c.values().get(0))).length();
        byte[] lit = literal((Value.StringConst) c.values().get(1));
        boolean equals = c.insn().name.equals("equals");
        if (lit.length > length || lit.length == 0 && !equals) {
            c.body().push(new Operand.Imm(lit.length == 0 ? 1 : 0)); // known at translation: the branch folds
            return;
        }
        int result = out.newVreg();
        Addr buf = c.address(0);
        if (lit.length >= HELPER_FROM && !contains(lit, (byte) 0)) {
            // bpf_strncmp(buf, size, literal): equals also compares the byte after the literal with the literal's NUL
            int size = equals ? Math.min(length, lit.length + 1) : lit.length;
            int offset = c.body().program().strings().offsetOf(((Value.StringConst) c.values().get(1)).text(), lit);
            out.setArgAddr(R1, buf);
            out.setArgImm(R2, size);
            out.setArgData(R3, StringPool.SECTION, offset);
            int cmp = out.call(HelperTable.STRNCMP, 3);
            Mir.Label differs = out.newLabel();
            out.loadImm(result, 0, false);
            out.jumpIf(JMP | JNE | K, cmp, 0, 0, differs);
            out.loadImm(result, 1, false);
            out.placeLabel(differs);
            c.pushResult(result);
            return;
        }
        Mir.Label done = out.newLabel();
        out.loadImm(result, 0, false);
        for (int k = 0; k < lit.length; k++) compareByte(out, buf, k, lit[k] & 0xff, done);
        if (equals && lit.length < length) compareByte(out, buf, lit.length, 0, done);
        out.loadImm(result, 1, false);
        out.placeLabel(done);
        c.pushResult(result);
    }

    /**
     * Byte k of both buffers, for k below the shorter length: different is false, equal NULs true; then the longer
     * buffer's next byte must be its NUL (equal lengths: true).
     */
    private static void lowerTwoBuffers(LoweringCall c) {
        Emitter out = c.out();
        int lengthA = ((ValueType.Bytes) Arguments.target(c.values().get(0))).length();
        int lengthB = ((ValueType.Bytes) Arguments.target(c.values().get(1))).length();
        Addr a = c.address(0), b = c.address(1);
        int result = out.newVreg();
        Mir.Label done = out.newLabel(), same = out.newLabel();
        out.loadImm(result, 0, false);
        int shorter = Math.min(lengthA, lengthB);
        for (int k = 0; k < shorter; k++) {
            int x = out.newVreg(), y = out.newVreg();
            out.emit(LDX | MEM | B, x, a.reg(), a.off() + k, 0);
            out.emit(LDX | MEM | B, y, b.reg(), b.off() + k, 0);
            out.jumpIf(JMP32 | JNE | X, x, y, 0, done);
            out.jumpIf(JMP32 | JEQ | K, x, 0, 0, same);
        }
        if (lengthA != lengthB) {
            Addr longer = lengthA > lengthB ? a : b;
            compareByte(out, longer, shorter, 0, done);
        }
        out.placeLabel(same);
        out.loadImm(result, 1, false);
        out.placeLabel(done);
        c.pushResult(result);
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) if (x == b) return true;
        return false;
    }

    private static void compareByte(Emitter out, Addr buf, int k, int expected, Mir.Label differs) {
        int b = out.newVreg();
        out.emit(LDX | MEM | B, b, buf.reg(), buf.off() + k, 0);
        out.jumpIf(JMP32 | JNE | K, b, 0, expected, differs);
    }
}
