package org.jbpf.translator.intrinsic;

import java.util.List;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.analysis.Frame;
import org.jbpf.translator.analysis.MethodAnalysis;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.StructRegistry;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * A call as the analysis sees it: the instruction at {@code index} of {@code method}, the abstract values of its
 * receiver (null for a static call) and arguments, and the frame after they were popped.
 */
public record TypingCall(MethodAnalysis method, int index, MethodInsnNode insn, Value receiver, List<Value> args, Frame frame,
                         StructRegistry structs) {
    public TranslationException error(String message) { return method.error(index, message); }

    /** The number that identifies the value this call creates. */
    public long site() { return method.site(index); }
}
