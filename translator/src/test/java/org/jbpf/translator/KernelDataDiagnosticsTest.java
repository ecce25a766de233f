package org.jbpf.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.obj.BpfObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Misused tracepoint record views, kernel struct classes and typed probe arguments are refused at the Java line with what to do instead. */
class KernelDataDiagnosticsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RecordWrite|RecordWrite.java:12: cannot assign RecordTp.filename: the tracepoint record is read-only; copy the value into a local variable or a @Struct of your own",
        "RecordNotStruct|RecordNotStruct.java:11: ctx.as(T.class) needs a @Struct class literal such as ctx.as(SysEnterOpenat.class) (jbpf gen tracepoint writes them); java.lang.String is not annotated @Struct",
        "KernelUnnamed|KernelUnnamed.java:11: KernelTask.unnamed() has no @KernelField naming the kernel field it reads; regenerate the class with jbpf gen btf",
        "KernelText|KernelText.java:11: KernelTask.text() returns java.lang.String; a field reader returns byte, short, int, long or a @KernelType class",
        "ArgFloat|ArgFloat.java:11: parameter x of probe is double: x86-64 passes floating-point arguments in SSE registers, which a probe's pt_regs does not hold",
        "ArgTracepoint|ArgTracepoint.java:11: @Section method probe takes at most one parameter, its context (typed function arguments after PtRegs ctx are for uprobe, uretprobe, kprobe and kretprobe sections)",
        "ArgRetTwo|ArgRetTwo.java:11: program probe in uretprobe section \"uretprobe//usr/lib/x86_64-linux-gnu/libc.so.6:read\" runs when the function returns, after its argument registers were overwritten; take one typed parameter after PtRegs ctx, the return value (read arguments in a uprobe program)",
        "ArgSeven|ArgSeven.java:11: program probe takes 7 function arguments; x86-64 passes only the first 6 in registers, the rest on the stack: read those from ctx.sp() with probeReadUser",
        "ArgString|ArgString.java:11: parameter text of probe is String; a function argument is read as long, int, short, char, byte or boolean (a pointer as a long address, read through probeReadUser or probeReadUserStr)",
        "ArgNoRegs|ArgNoRegs.java:10: program probe in section \"uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:puts\" takes the probed function's arguments after its registers; declare its first parameter as PtRegs ctx",
        "ReadPastLongs|ReadPastLongs.java:14: probeReadUser size 24 exceeds the destination's 16 bytes",
        "ReadIntoString|ReadIntoString.java:13: probeReadKernel needs a destination in the program: a local or field byte, short, char, int or long array, or a @Struct object",
        "KernelNotTask|KernelNotTask.java:11: KernelMm.current(): only a @KernelType(\"task_struct\") class has a current struct (the running task)",
    })
    void refusesWithTheJavaLine(String probe, String message) {
        TranslationException e = assertThrows(TranslationException.class, () -> Translator.translate(
                "org.jbpf.translator.bad." + probe, Translator.ClassSource.of(getClass().getClassLoader()),
                new Translator.Options(List.of())));
        assertEquals(message, e.getMessage());
    }

    @Test
    void recordByteArraysAreCopiedWithContextLoads() {
        BpfObject object = Translator.translate("org.jbpf.translator.bad.RecordArray",
                Translator.ClassSource.of(getClass().getClassLoader()), new Translator.Options(List.of()));
        List<Integer> contextOffsets = new ArrayList<>();
        for (Insn insn : object.programs().get(0).insns())
            if (insn.opcode() == (Opcodes.LDX | Opcodes.MEM | Opcodes.DW) && insn.src() == 1) contextOffsets.add(insn.off());
        assertEquals(List.of(16, 24), contextOffsets, "RecordTp.name, 16 bytes at offset 16, copied 8 bytes at a time");
    }

    @Test
    void recordArraysAtOddOffsetsAreCopiedToAlignedSlots() {
        BpfObject object = Translator.translate("org.jbpf.translator.bad.RecordOddArray",
                Translator.ClassSource.of(getClass().getClassLoader()), new Translator.Options(List.of()));
        int next = 20;
        for (Insn insn : object.programs().get(0).insns()) {
            int size = insn.opcode() & 0x18;
            int width = size == Opcodes.DW ? 8 : size == Opcodes.W ? 4 : size == Opcodes.H ? 2 : 1;
            if (insn.opcode() == (Opcodes.LDX | Opcodes.MEM | size) && insn.src() == 1) {
                assertEquals(List.of(next, 0), List.of((int) insn.off(), insn.off() % width), "context loads in order, each aligned");
                next += width;
            }
            if (insn.opcode() == (Opcodes.STX | Opcodes.MEM | size) && insn.dst() == 10)
                assertEquals(0, insn.off() % width, "a " + width + "-byte store at fp" + insn.off());
        }
        assertTrue(next >= 26, "RecordOddTp.comm from offset 20: at least the 6 bytes compared with \"sleep\" are loaded, up to " + next);
    }
}
