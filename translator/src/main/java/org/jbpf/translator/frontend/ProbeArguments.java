package org.jbpf.translator.frontend;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.abi.X86_64;
import org.jbpf.core.layout.StructLayout.Kind;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;
import org.jbpf.translator.TranslationException;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Typed function arguments of a uprobe or kprobe program: {@code onWrite(PtRegs ctx, int fd, long buf, long count)}
 * reads the probed function's arguments by position from the registers the x86-64 calling convention passes them in,
 * each at the width of its Java type ({@code int} is the register's low 32 bits, {@code short} its low 16
 * sign-extended...). A uretprobe or kretprobe program takes one typed parameter instead: the function's return value.
 * Pointers are {@code long} addresses, read with {@code probeReadUser}/{@code probeReadUserStr}.
 */
public final class ProbeArguments {
    /** One typed parameter: where it is in {@code struct pt_regs} and how wide a load reads it. */
    public record Argument(int ptRegsOffset, Kind kind) {
        /** True when the Java value takes two local slots. */
        public boolean isLong() { return kind == Kind.LONG; }
    }

    private ProbeArguments() {}

    /**
     * The typed arguments of section method {@code m} after its context parameter (none when it takes at most one
     * parameter); refuses at the method's line a list the section's kind cannot give.
     */
    public static List<Argument> of(String file, MethodNode m, String section) {
        Type[] params = Type.getArgumentTypes(m.desc);
        if (params.length <= 1) return List.of();
        int line = ProbeClass.firstLine(m);
        SectionKind kind = SectionKinds.ofSection(section);
        boolean entry = kind == SectionKind.UPROBE || kind == SectionKind.KPROBE;
        boolean exit = kind == SectionKind.URETPROBE || kind == SectionKind.KRETPROBE;
        if (!entry && !exit)
            throw new TranslationException(file, line, "@Section method " + m.name + " takes at most one parameter, its context"
                    + " (typed function arguments after PtRegs ctx are for uprobe, uretprobe, kprobe and kretprobe sections)");
        if (!params[0].getDescriptor().equals("Lorg/jbpf/PtRegs;"))
            throw new TranslationException(file, line, "program " + m.name + " in section \"" + section + "\" takes the probed function's arguments"
                    + " after its registers; declare its first parameter as PtRegs ctx");
        if (exit && params.length > 2)
            throw new TranslationException(file, line, "program " + m.name + " in " + kind + " section \"" + section + "\" runs when the function"
                    + " returns, after its argument registers were overwritten; take one typed parameter after PtRegs ctx, the return value"
                    + " (read arguments in a " + (kind == SectionKind.URETPROBE ? "uprobe" : "kprobe") + " program)");
        if (params.length - 1 > X86_64.PARAM_REGISTERS)
            throw new TranslationException(file, line, "program " + m.name + " takes " + (params.length - 1) + " function arguments; x86-64 passes"
                    + " only the first " + X86_64.PARAM_REGISTERS + " in registers, the rest on the stack: read those from ctx.sp() with probeReadUser");
        List<Argument> args = new ArrayList<>();
        for (int i = 1; i < params.length; i++) {
            int offset = exit ? X86_64.PT_REGS_RET : X86_64.paramOffset(i - 1);
            args.add(new Argument(offset, kindOf(file, line, m, i, params[i])));
        }
        return List.copyOf(args);
    }

    private static Kind kindOf(String file, int line, MethodNode m, int index, Type t) {
        return switch (t.getSort()) {
            case Type.LONG -> Kind.LONG;
            case Type.INT -> Kind.INT;
            case Type.SHORT -> Kind.SHORT;
            case Type.CHAR -> Kind.CHAR;
            case Type.BYTE -> Kind.BYTE;
            case Type.BOOLEAN -> Kind.BOOLEAN;
            case Type.FLOAT, Type.DOUBLE -> throw new TranslationException(file, line, "parameter " + name(m, index) + " of " + m.name + " is "
                    + t.getClassName() + ": x86-64 passes floating-point arguments in SSE registers, which a probe's pt_regs does not hold");
            default -> throw new TranslationException(file, line, "parameter " + name(m, index) + " of " + m.name + " is " + simple(t)
                    + "; a function argument is read as long, int, short, char, byte or boolean (a pointer as a long address,"
                    + " read through probeReadUser or probeReadUserStr)");
        };
    }

    /** The parameter's source name when the class file has it, else its position. */
    private static String name(MethodNode m, int index) {
        int slot = 0;
        Type[] params = Type.getArgumentTypes(m.desc);
        for (int i = 0; i < index; i++) slot += params[i].getSize();
        if (m.localVariables != null)
            for (LocalVariableNode v : m.localVariables) if (v.index == slot) return v.name;
        if (m.parameters != null && index < m.parameters.size()) return m.parameters.get(index).name;
        return "#" + (index + 1);
    }

    private static String simple(Type t) {
        String n = t.getClassName();
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
