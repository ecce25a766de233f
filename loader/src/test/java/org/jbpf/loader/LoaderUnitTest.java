package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.program.ProgramTypes;
import org.junit.jupiter.api.Test;

class LoaderUnitTest {

    @Test
    void sectionKindsMapToProgramTypes() {
        assertEquals(ProgramTypes.TRACEPOINT, ProgramKind.of("tracepoint/syscalls/sys_enter_read").progType());
        assertEquals(ProgramTypes.RAW_TRACEPOINT, ProgramKind.of("raw_tp/sys_enter").progType());
        assertEquals(ProgramTypes.KPROBE, ProgramKind.of("uretprobe//bin/bash:readline").progType());
        assertEquals(ProgramTypes.KPROBE, ProgramKind.of("kprobe/do_sys_open").progType());
        assertEquals(ProgramTypes.XDP, ProgramKind.of("xdp").progType());
        assertEquals(ProgramTypes.ATTACH_XDP, ProgramKind.of("xdp").expectedAttachType());
        assertEquals(ProgramTypes.SOCKET_FILTER, ProgramKind.of("socket").progType());
        assertEquals("syscalls/sys_enter_read", ProgramKind.target("tracepoint/syscalls/sys_enter_read"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgramKind.of("fentry/foo"));
        assertTrue(e.getMessage().contains("unknown program kind \"fentry\""), e.getMessage());
    }

    @Test
    void possibleCpuListsCountToHighestIndexPlusOne() {
        assertEquals(4, Cpus.parseRange("0-3\n"));
        assertEquals(1, Cpus.parseRange("0"));
        assertEquals(9, Cpus.parseRange("0-3,5,7-8"));
        assertTrue(Cpus.possible() >= 1);
    }

    @Test
    void onlineCpuListsNameEachCpu() {
        assertEquals("[0, 1, 2, 3, 5, 7, 8]", java.util.Arrays.toString(Cpus.parseList("0-3,5,7-8\n")));
        assertEquals("[0]", java.util.Arrays.toString(Cpus.parseList("0")));
        assertTrue(Cpus.online().length >= 1 && Cpus.online().length <= Cpus.possible());
    }

    @Test
    void verifierLogGivesLastInstructionAndItsJavaLine() {
        String log = "func#0 @0\n0: R1=ctx() R10=fp0\n0: (b7) r0 = 0                        ; R0_w=0\n"
                + "1: (18) r1 = 0xffff\n3: (61) r2 = *(u32 *)(r1 +0)\nR1 invalid mem access 'scalar'\n"
                + "processed 3 insns (limit 1000000)\n";
        assertEquals(3, VerifierLog.lastInsn(log));
        List<Insn> insns = List.of(
                Insn.mov64Imm(0, 0).withSource(new SourceLine("Probe.java", 10)),
                Insn.ldImm64(1, 0xffff).withSource(new SourceLine("Probe.java", 11)),
                Insn.load(4, 2, 1, 0).withSource(new SourceLine("Probe.java", 12, 0, "int x = p.field;")));
        assertEquals(12, VerifierLog.sourceAt(insns, 3).line());
        assertEquals(11, VerifierLog.sourceAt(insns, 2).line(), "second slot of LD_IMM64 belongs to it");
        VerifierException e = VerifierLog.exception("count", "xdp", insns, log, 13);
        assertTrue(e.getMessage().contains("program \"count\""), e.getMessage());
        assertTrue(e.getMessage().contains("Probe.java:12"), e.getMessage());
        assertTrue(e.getMessage().contains("R1 invalid mem access 'scalar'"), e.getMessage());
        assertEquals(3, e.failingInsn());
    }

    @Test
    void verifierTailKeepsTwentyLines() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 50; i++) log.append("line ").append(i).append('\n');
        List<String> tail = VerifierLog.tail(log.toString(), VerifierLog.TAIL_LINES);
        assertEquals(20, tail.size());
        assertEquals("line 49", tail.get(19));
        assertEquals("line 30", tail.get(0));
    }

    @Test
    void lineInfoRecordsOneEntryPerSourceChangeWithPackedLineAndColumn() {
        SourceLine a = new SourceLine("P.java", 5, 3, "a();"), b = new SourceLine("P.java", 6, 0, "b();");
        List<Insn> insns = List.of(Insn.mov64Imm(0, 0).withSource(a), Insn.ldImm64(1, 7).withSource(a),
                Insn.mov64Imm(0, 1).withSource(b), Insn.exit().withSource(b));
        Map<String, Integer> strings = Map.of("P.java", 1, "a();", 8, "b();", 13);
        DebugInfo d = DebugInfo.of(new ProgramSpec("p", "xdp", insns, List.of(new ProgramSpec.FuncInfo(0, 4))), strings::get);
        assertEquals(1, d.funcCount());
        assertEquals(2, d.lineCount());
        ByteBuffer l = ByteBuffer.wrap(d.lineInfo()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, l.getInt(0));
        assertEquals(1, l.getInt(4));
        assertEquals(8, l.getInt(8));
        assertEquals(5 << 10 | 3, l.getInt(12));
        assertEquals(3, l.getInt(16), "insn_off counts slots: the LD_IMM64 took two");
        assertEquals(13, l.getInt(24));
        ByteBuffer f = ByteBuffer.wrap(d.funcInfo()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, f.getInt(0));
        assertEquals(4, f.getInt(4));
    }
}
