package org.jbpf.translator.ir;

import java.util.List;

/**
 * A program after the translator's optimizations and before register allocation. Physical r0–r5 appear only
 * around helper calls (arguments, result), at entry (r1, the context) and at exit (r0); r10 addresses a frame of
 * {@code frameBytes} bytes below it.
 */
public record IrProgram(String name, String section, List<IrInsn> code, int frameBytes, boolean returnsLong, boolean hasContext) {
    public static final int FIRST_VIRTUAL = 16;

    public IrProgram { code = List.copyOf(code); }
}
