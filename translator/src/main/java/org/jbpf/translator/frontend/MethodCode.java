package org.jbpf.translator.frontend;

import org.jbpf.translator.TranslationException;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** A method's instructions with the source line of each, so every check can name the Java line it rejects. */
public class MethodCode {
    public final MethodNode method;
    public final String file;
    public final AbstractInsnNode[] insns;
    /** The source line in effect at each instruction (the method's first line before any line entry). */
    public final int[] lines;

    public MethodCode(MethodNode method, String file) {
        this.method = method;
        this.file = file;
        this.insns = method.instructions.toArray();
        this.lines = new int[insns.length];
        int line = ProbeClass.firstLine(method);
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof LineNumberNode ln) line = ln.line;
            lines[i] = line;
        }
    }

    /** Where instruction {@code index} is, for messages: {@code File.java:LINE}, or the file alone in a class without line numbers. */
    public String position(int index) {
        int line = index >= 0 && index < lines.length ? lines[index] : -1;
        return line > 0 ? file + ":" + line : file;
    }

    /**
     * An error at instruction {@code index}'s line (no line when the index is outside the method); in a class without
     * line numbers, at the method and the instruction's bytecode offset, as javap shows them.
     */
    public TranslationException error(int index, String message) {
        int line = index >= 0 && index < lines.length ? lines[index] : -1;
        int offset = line > 0 || index < 0 || index >= insns.length ? -1 : BytecodeOffsets.of(method, insns[index]);
        return offset < 0 ? new TranslationException(file, line, message)
                : new TranslationException(file, line, "method " + method.name + ", bytecode offset " + offset + ": " + message, true);
    }
}
