package org.jbpf.core.obj;

import static org.jbpf.core.asm.Opcodes.JEQ;
import static org.jbpf.core.asm.Opcodes.R0;
import static org.jbpf.core.asm.Opcodes.R1;
import static org.jbpf.core.asm.Opcodes.R6;
import static org.jbpf.core.asm.Opcodes.RSH;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;

/**
 * Limits an object's tracing programs to one process: each begins with a test of the current thread's process id
 * (its tgid) and returns 0 at once for any other process, so a probe loaded by a JVM counts only that JVM's threads.
 * Programs of other kinds (packets, sockets) have no current process and are left as they are. The test is
 * prepended to the program, so relative jumps and calls keep their targets; function starts and CO-RE relocations,
 * which count from the program's start, move by its length.
 */
public final class ProcessFilter {
    private ProcessFilter() {}

    /** Instructions the test adds in front of each tracing program. */
    public static final int LENGTH = 7;

    /** {@code object} with each tracing program limited to process {@code tgid}. */
    public static BpfObject only(BpfObject object, long tgid) {
        if (tgid <= 0 || tgid > Integer.MAX_VALUE) throw new IllegalArgumentException("not a process id: " + tgid);
        List<ProgramSpec> programs = new ArrayList<>();
        for (ProgramSpec p : object.programs()) programs.add(filtersProcesses(p) ? only(p, tgid) : p);
        return new BpfObject(object.name(), object.license(), object.maps(), programs, object.btf(), object.globals());
    }

    /** True when {@code program} runs on behalf of a process (tracepoints, raw tracepoints, k/uprobes, perf events). */
    public static boolean filtersProcesses(ProgramSpec program) {
        SectionKind kind = SectionKinds.ofSection(program.section());
        return kind != null && kind.isTracing();
    }

    static ProgramSpec only(ProgramSpec p, long tgid) {
        SourceLine at = p.insns().isEmpty() ? null : p.insns().get(0).source();
        List<Insn> insns = new ArrayList<>(List.of(
                Insn.mov64Reg(R6, R1),                               // keep the context across the call
                Insn.call(HelperTable.GET_CURRENT_PID_TGID),
                Insn.alu64Imm(RSH, R0, 32),                          // the process id is the upper half
                Insn.jumpImm(JEQ, R0, tgid, 2),
                Insn.mov64Imm(R0, 0),
                Insn.exit(),
                Insn.mov64Reg(R1, R6)));
        insns.replaceAll(i -> i.withSource(at));
        insns.addAll(p.insns());
        List<ProgramSpec.FuncInfo> funcs = new ArrayList<>();
        for (ProgramSpec.FuncInfo f : p.funcInfos())
            funcs.add(f.insnOff() == 0 ? f : new ProgramSpec.FuncInfo(f.insnOff() + LENGTH, f.btfFuncType()));
        List<ProgramSpec.CoreRelocation> relocations = new ArrayList<>();
        for (ProgramSpec.CoreRelocation r : p.coreRelocations())
            relocations.add(new ProgramSpec.CoreRelocation(r.insn() + LENGTH, r.localTypeId(), r.access(), r.kind()));
        return new ProgramSpec(p.name(), p.section(), insns, funcs, relocations);
    }
}
