package org.jbpf.translator.frontend;

import static org.objectweb.asm.Opcodes.*;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Where each instruction of a parsed method was in its class file: the offset into the method's code, which is what
 * the JVM, javap and bytecode tools call an instruction by. A class without line numbers (from another compiler, a
 * bytecode tool, or javac -g:none) is refused at a method and offset, not at a line. The offsets are read from the
 * class file's own code as it is parsed, so instructions the translator inserts later have none and are named by the
 * next original instruction.
 */
public final class BytecodeOffsets {
    /** By method: each original instruction's offset. Weak, so a parsed class no longer used keeps nothing alive. */
    private static final Map<MethodNode, Map<AbstractInsnNode, Integer>> OFFSETS = Collections.synchronizedMap(new WeakHashMap<>());

    private BytecodeOffsets() {}

    /** Records the offsets of every method of {@code node}, just parsed from {@code reader}'s bytes. */
    static void record(ClassReader reader, ClassNode node) {
        try {
            int p = reader.header + 6;                                   // access, this and super class
            p += 2 + 2 * reader.readUnsignedShort(p);                    // interfaces
            int fields = reader.readUnsignedShort(p);
            p += 2;
            for (int k = 0; k < fields; k++) p = skipMember(reader, p);
            int methods = reader.readUnsignedShort(p);
            p += 2;
            char[] buffer = new char[reader.getMaxStringLength()];
            for (int k = 0; k < methods && k < node.methods.size(); k++) {
                int attributes = reader.readUnsignedShort(p + 6), a = p + 8;
                for (int n = 0; n < attributes; n++) {
                    int length = reader.readInt(a + 2);
                    if ("Code".equals(reader.readUTF8(a, buffer))) map(reader, a + 6, node.methods.get(k));
                    a += 6 + length;
                }
                p = a;
            }
        } catch (RuntimeException e) {
            // offsets only name places in messages: a class ASM read but this walk cannot is named without them
        }
    }

    /** The offset of {@code in} in {@code m}'s class file, or of the next original instruction; -1 when none is known. */
    public static int of(MethodNode m, AbstractInsnNode in) {
        Map<AbstractInsnNode, Integer> offsets = OFFSETS.get(m);
        if (offsets == null) return -1;
        for (AbstractInsnNode at = in; at != null; at = at.getNext()) {
            Integer offset = offsets.get(at);
            if (offset != null) return offset;
        }
        return -1;
    }

    private static int skipMember(ClassReader reader, int p) {
        int attributes = reader.readUnsignedShort(p + 6), a = p + 8;
        for (int n = 0; n < attributes; n++) a += 6 + reader.readInt(a + 2);
        return a;
    }

    /** Pairs the instructions of the Code attribute at {@code code} with {@code m}'s real instructions, in order. */
    private static void map(ClassReader reader, int code, MethodNode m) {
        int length = reader.readInt(code + 4), start = code + 8, offset = 0;
        Map<AbstractInsnNode, Integer> offsets = new IdentityHashMap<>();
        AbstractInsnNode in = m.instructions.getFirst();
        while (offset < length) {
            while (in != null && in.getOpcode() < 0) in = in.getNext();
            if (in == null) return;  // the parse and the code disagree: keep no offsets rather than wrong ones
            offsets.put(in, offset);
            in = in.getNext();
            offset += size(reader, start, offset);
        }
        OFFSETS.put(m, offsets);
    }

    /** The length in bytes of the instruction at {@code offset} of the code starting at {@code start}. */
    private static int size(ClassReader reader, int start, int offset) {
        int op = reader.readByte(start + offset);
        switch (op) {
            case TABLESWITCH: {
                int p = start + ((offset + 4) & ~3);
                int low = reader.readInt(p + 4), high = reader.readInt(p + 8);
                return p - start - offset + 12 + 4 * (high - low + 1);
            }
            case LOOKUPSWITCH: {
                int p = start + ((offset + 4) & ~3);
                return p - start - offset + 8 + 8 * reader.readInt(p + 4);
            }
            case 196: return reader.readByte(start + offset + 1) == IINC ? 6 : 4;   // wide
            case BIPUSH: case LDC: case ILOAD: case LLOAD: case FLOAD: case DLOAD: case ALOAD: case ISTORE: case LSTORE:
            case FSTORE: case DSTORE: case ASTORE: case RET: case NEWARRAY: return 2;
            case SIPUSH: case 19: case 20: case IINC: case IFEQ: case IFNE: case IFLT: case IFGE: case IFGT: case IFLE: case IF_ICMPEQ:
            case IF_ICMPNE: case IF_ICMPLT: case IF_ICMPGE: case IF_ICMPGT: case IF_ICMPLE: case IF_ACMPEQ: case IF_ACMPNE: case GOTO: case JSR:
            case GETSTATIC: case PUTSTATIC: case GETFIELD: case PUTFIELD: case INVOKEVIRTUAL: case INVOKESPECIAL: case INVOKESTATIC:
            case NEW: case ANEWARRAY: case CHECKCAST: case INSTANCEOF: case IFNULL: case IFNONNULL: return 3;   // 19, 20: ldc_w, ldc2_w
            case MULTIANEWARRAY: return 4;
            case INVOKEINTERFACE: case INVOKEDYNAMIC: case 200: case 201: return 5;   // 200, 201: goto_w, jsr_w
            default: return 1;
        }
    }
}
