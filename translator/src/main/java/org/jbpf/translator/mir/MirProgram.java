package org.jbpf.translator.mir;

import java.util.List;

/**
 * A program after the translator's optimizations and before register allocation, read-only. Physical r0–r5 appear
 * only around helper calls (arguments, result), at entry (r1, the context; r1–r5, the parameters of a function) and
 * at exit (r0); r10 addresses a frame of {@code frameBytes} bytes below it. {@link #functions} are the BPF functions
 * the program calls (BPF_PSEUDO_CALL) or hands to bpf_loop (BPF_PSEUDO_FUNC) by name, each in the same form with no
 * section and {@link #parameters} arguments.
 */
public record MirProgram(String name, String section, List<MirInstruction> code, int frameBytes, boolean returnsLong,
                         boolean hasContext, int parameters, List<MirProgram> functions) {
    public static final int FIRST_VIRTUAL = Mir.VREG_BASE;

    public MirProgram {
        code = List.copyOf(code);
        functions = List.copyOf(functions);
    }

    /** A program that calls no BPF function. */
    public MirProgram(String name, String section, List<MirInstruction> code, int frameBytes, boolean returnsLong, boolean hasContext) {
        this(name, section, code, frameBytes, returnsLong, hasContext, hasContext ? 1 : 0, List.of());
    }

    /** True for a BPF function a program calls, false for a program. */
    public boolean isFunction() { return section == null; }
}
