package org.jbpf.core.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.junit.jupiter.api.Test;

/** The per-process test in front of tracing programs, and what moves behind it. */
class ProcessFilterTest {
    @Test void tracingProgramsBeginWithTheProcessTestAndTheirOffsetsMove() {
        BpfObject object = SampleObject.build();
        ProgramSpec before = object.programs().get(0);
        BpfObject filtered = ProcessFilter.only(object, 4242);
        ProgramSpec after = filtered.programs().get(0);
        assertEquals("""
                   0: r6 = r1
                   1: call bpf_get_current_pid_tgid#14
                   2: r0 >>= 32
                   3: if r0 == 0x1092 goto pc+2
                   4: r0 = 0
                   5: exit
                   6: r1 = r6
                """, Disassembler.listing(after.insns().subList(0, ProcessFilter.LENGTH).stream().map(i -> i.withSource(null)).toList()));
        assertEquals(before.insns(), after.insns().subList(ProcessFilter.LENGTH, after.insns().size()), "the program itself is unchanged");
        assertEquals(before.insns().get(0).source(), after.insns().get(0).source(), "the test is charged to the program's first line");
        // the main function still starts at 0; the subprogram moved with its instructions
        assertEquals(before.funcInfos().size(), after.funcInfos().size());
        assertEquals(0, after.funcInfos().get(0).insnOff());
        for (int i = 1; i < before.funcInfos().size(); i++)
            assertEquals(before.funcInfos().get(i).insnOff() + ProcessFilter.LENGTH, after.funcInfos().get(i).insnOff());
        assertEquals(object.maps(), filtered.maps());
    }

    @Test void coreRelocationsFollowTheirInstructions() {
        ProgramSpec p = new ProgramSpec("read", "tracepoint/syscalls/sys_enter_getpid",
                List.of(Insn.mov64Imm(0, 0), Insn.load(4, 0, 1, 8), Insn.exit()), List.of(new ProgramSpec.FuncInfo(0, 3)),
                List.of(new ProgramSpec.CoreRelocation(1, 7, "0:2", 0)));
        ProgramSpec q = ProcessFilter.only(p, 9);
        assertEquals(new ProgramSpec.CoreRelocation(1 + ProcessFilter.LENGTH, 7, "0:2", 0), q.coreRelocations().get(0));
        assertEquals(p.insns().get(1), q.insns().get(q.coreRelocations().get(0).insn()));
    }

    @Test void programsWithoutAProcessAreLeftAlone() {
        ProgramSpec xdp = new ProgramSpec("pass", "xdp", List.of(Insn.mov64Imm(0, 2), Insn.exit()), List.of(new ProgramSpec.FuncInfo(0, 1)));
        BpfObject object = new BpfObject("x", "GPL", List.of(), List.of(xdp), new org.jbpf.core.btf.Btf());
        assertSame(xdp, ProcessFilter.only(object, 7).programs().get(0));
        assertThrows(IllegalArgumentException.class, () -> ProcessFilter.only(object, 0));
    }
}
