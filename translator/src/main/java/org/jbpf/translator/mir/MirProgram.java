package org.jbpf.translator.mir;

import java.util.List;

/**
 * A program after the translator's optimizations and before register allocation, read-only. Physical r0–r5 appear
 * only around helper calls (arguments, result), at entry (r1, the context) and at exit (r0); r10 addresses a frame
 * of {@code frameBytes} bytes below it.
 */
public record MirProgram(String name, String section, List<MirInstruction> code, int frameBytes, boolean returnsLong,
                         boolean hasContext) {
    public static final int FIRST_VIRTUAL = Mir.VREG_BASE;

    public MirProgram { code = List.copyOf(code); }
}
