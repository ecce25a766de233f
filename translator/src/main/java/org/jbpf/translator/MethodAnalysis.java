package org.jbpf.translator;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The frontend's facts about one method body as inlined at one place: a frame before every reachable instruction. */
final class MethodAnalysis {
    final MethodNode method;
    final String ownerInternalName;
    final String file;
    final AbstractInsnNode[] insns;
    final Frame[] frames;
    final int[] lines;
    final long context;
    final Map<Integer, MethodAnalysis> callees = new HashMap<>();
    Value returnValue;
    /** Outstanding ring buffer reservations when the method returns (the most over all returns). */
    int exitReservations;

    MethodAnalysis(MethodNode method, String owner, String file, long context) {
        this.method = method;
        this.ownerInternalName = owner;
        this.file = file;
        this.insns = method.instructions.toArray();
        this.frames = new Frame[insns.length];
        this.lines = new int[insns.length];
        this.context = context;
    }

    /** A number unique to instruction {@code index} of this inlined body, for value identities. */
    long site(int index) { return context * 65599L + index + 1; }

    TranslationException error(int index, String message) {
        return new TranslationException(file, index >= 0 && index < lines.length ? lines[index] : -1, message);
    }
}
