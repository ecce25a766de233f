package org.jbpf.translator.analysis;

import java.util.List;
import org.objectweb.asm.Type;

/**
 * A static method emitted once as a BPF function of a program (a subprogram) rather than copied into each caller:
 * its analysis with the parameters every call site passes in r1–r5, and whether it is the body of a loop, whose
 * result the kernel reads as "stop" (1) or "go on" (0).
 */
public final class Subprogram {
    /** The function's name: its BTF FUNC and ELF symbol, unique within the program. */
    public final String name;
    public final MethodAnalysis body;
    /** What each parameter holds inside the function, in order (at most five). */
    public final List<Value> params;
    public final boolean loopBody;
    /**
     * How many of a loop body's first parameters are its lambda's captures: the kernel gives the body the index and the
     * context the caller made, whose first 8 bytes hold the state's address and the next ones each capture's value.
     */
    public final int captures;

    Subprogram(String name, MethodAnalysis body, List<Value> params, boolean loopBody, int captures) {
        this.name = name;
        this.body = body;
        this.params = List.copyOf(params);
        this.loopBody = loopBody;
        this.captures = captures;
    }

    /** How many registers the function takes: a loop body with captures takes the index and its context's address. */
    public int arity() { return captures > 0 ? 2 : params.size(); }

    /** True when the method returns a value (in r0). */
    public boolean returnsValue() { return Type.getReturnType(body.method.desc).getSort() != Type.VOID; }

    /** True when the method returns a long (a 64-bit r0). */
    public boolean returnsLong() { return Type.getReturnType(body.method.desc).getSort() == Type.LONG; }

    /** The value a caller finds on its stack after the call: any number of the return type, or null for void. */
    Value result() { return returnsValue() ? new Value.Scalar(returnsLong(), null) : null; }
}
