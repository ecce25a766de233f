package org.jbpf.translator.analysis;

import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.frontend.ProbeClass;
import org.objectweb.asm.tree.MethodNode;

/**
 * The context parameter of a program must be the context class of its section's kind (core's section table): the
 * kernel passes a raw tracepoint's arguments, a tracepoint's record and a probe's registers in different layouts, and
 * a mismatch would otherwise fail only at attach time or read the wrong bytes.
 */
public final class SectionContext {
    private SectionContext() {}

    /** Rejects a context parameter of class {@code internalName} that another kind of section takes. */
    static void check(ProbeClass probe, MethodNode m, String internalName) {
        String section = probe.sectionNames.get(m);
        SectionKind kind = SectionKinds.ofSection(section);
        if (kind == null) return;
        String actual = internalName.replace('/', '.'), expected = kind.contextClass();
        if (actual.equals(expected) || !isContextClass(actual)) return;
        throw new TranslationException(probe.file, ProbeClass.firstLine(m), "program " + m.name + " in section \"" + section + "\" takes "
                + simple(actual) + ", but a " + kind.canonicalName() + " program gets " + simple(expected) + "; declare the parameter as "
                + simple(expected) + " ctx");
    }

    /** True for syscall tracepoint sections {@code tracepoint/syscalls/sys_enter_*}, whose records have no return value. */
    public static boolean isSyscallEntry(String section) { return syscallTracepoint(section, "sys_enter_"); }

    /** True for {@code tracepoint/syscalls/sys_exit_*}, whose records carry only the return value. */
    public static boolean isSyscallExit(String section) { return syscallTracepoint(section, "sys_exit_"); }

    private static boolean syscallTracepoint(String section, String prefix) {
        if (section == null || SectionKinds.ofSection(section) != SectionKind.TRACEPOINT) return false;
        String target = section.substring(section.indexOf('/') + 1);
        return target.startsWith("syscalls/" + prefix);
    }

    private static boolean isContextClass(String className) {
        for (SectionKind k : SectionKinds.all()) if (k.contextClass().equals(className)) return true;
        return false;
    }

    private static String simple(String className) { return className.substring(className.lastIndexOf('.') + 1); }
}
