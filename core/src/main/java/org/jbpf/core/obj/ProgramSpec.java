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
 * {@link #coreRelocations} list the instructions whose constants depend on the running kernel's types (CO-RE); the
 * loader patches them before loading.
 */
public record ProgramSpec(String name, String section, List<Insn> insns, List<FuncInfo> funcInfos,
                          List<CoreRelocation> coreRelocations) {

    /** A function starting at slot {@code insnOff} whose BTF FUNC type has id {@code btfFuncType}. */
    public record FuncInfo(int insnOff, int btfFuncType) {}

    /**
     * Instruction {@code insn} (an index into {@link #insns}, not a slot) holds relocation {@code kind} (numbered as
     * {@code enum bpf_core_relo_kind}) of the object's BTF type {@code localTypeId} along {@code access}, e.g. "0:2".
     */
    public record CoreRelocation(int insn, int localTypeId, String access, int kind) {}

    public ProgramSpec {
        insns = List.copyOf(insns);
        funcInfos = List.copyOf(funcInfos);
        coreRelocations = List.copyOf(coreRelocations);
    }

    public ProgramSpec(String name, String section, List<Insn> insns, List<FuncInfo> funcInfos) {
        this(name, section, insns, funcInfos, List.of());
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
