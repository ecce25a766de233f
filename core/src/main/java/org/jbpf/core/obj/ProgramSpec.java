package org.jbpf.core.obj;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;

/**
 * One loadable program: its ELF section (which says how it attaches, e.g. {@code tracepoint/syscalls/sys_enter_read}),
 * its function name and its complete instruction list. Subprograms a program calls are already appended to
 * {@link #insns} with their pseudo-call offsets resolved, so the list can be loaded as it is.
 * Source positions travel on each {@link Insn#source()}; {@link #funcInfos} give the BTF FUNC of each function start.
 */
public record ProgramSpec(String name, String section, List<Insn> insns, List<FuncInfo> funcInfos) {

    /** A function starting at slot {@code insnOff} whose BTF FUNC type has id {@code btfFuncType}. */
    public record FuncInfo(int insnOff, int btfFuncType) {}

    public ProgramSpec {
        insns = List.copyOf(insns);
        funcInfos = List.copyOf(funcInfos);
    }

    /**
     * The attach kind: the canonical name of the section's {@link SectionKind} (so "tp/..." gives "tracepoint"), or
     * the section name up to its first '/' when it names no known kind.
     */
    public String kind() {
        SectionKind kind = SectionKinds.ofSection(section);
        return kind != null ? kind.canonicalName() : SectionKinds.prefixOf(section);
    }
}
