package org.jbpf.loader;

import org.jbpf.core.asm.SourceLine;
import org.jbpf.loader.sys.BpfException;

/**
 * The kernel verifier refused a program. The message names the program, the Java source line of the failing
 * instruction when known, and ends with the last lines of the verifier log; {@link #log()} has all of it.
 */
public class VerifierException extends BpfException {
    private final String program;
    private final String log;
    private final int failingInsn;
    private final SourceLine source;

    public VerifierException(String message, String program, String log, int failingInsn, SourceLine source) {
        super(message);
        this.program = program;
        this.log = log;
        this.failingInsn = failingInsn;
        this.source = source;
    }

    public String program() { return program; }

    /** The complete verifier log (log level 1). */
    public String log() { return log; }

    /** Slot index of the last instruction the verifier reported, or -1. */
    public int failingInsn() { return failingInsn; }

    /** Java source of that instruction, or null. */
    public SourceLine source() { return source; }
}
