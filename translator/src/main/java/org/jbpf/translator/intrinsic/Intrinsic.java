package org.jbpf.translator.intrinsic;

import org.jbpf.translator.analysis.Value;

/**
 * A family of calls the translator implements itself instead of inlining: helpers, printk, map operations, context
 * accessors and the java.lang methods probes may use. One object carries both halves of a call's meaning, so they
 * cannot drift apart: the typing rule the analysis applies and the code the lowering emits.
 */
public interface Intrinsic {
    /**
     * Checks the call's arguments and gives the value it leaves on the stack, or null when it leaves none. Misuse is
     * reported with {@link TypingCall#error} at the call's line.
     */
    Value type(TypingCall call);

    /** Emits the call's code and pushes its result (if any) onto the lowering's operand stack. */
    void lower(LoweringCall call);
}
