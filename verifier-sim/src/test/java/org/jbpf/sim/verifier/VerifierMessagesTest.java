package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierError;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

class VerifierMessagesTest {
    static final MapSpec COUNTS = new MapSpec("counts", MapTypes.HASH, 4, 8, 64, 0, 0, 0);

    static VerifierResult verify(String section, List<MapSpec> maps, Insn... insns) {
        ProgramSpec p = new ProgramSpec("count", section, List.of(insns), List.of());
        return Verifier.verify(new BpfObject("ProcessCounter", "GPL", maps, List.of(p), null), p);
    }

    @Test
    void theInstructionIsNamedOnceWhereTheKernelsWordsNameItAlready() {
        assertEquals("A.java:3: loops [verifier simulation: infinite loop detected at insn 5]",
                new VerifierError(4, 5, "infinite loop detected at insn 5", "A.java:3: loops", null).toString());
        assertEquals("A.java:3: null [verifier simulation: R0 invalid mem access 'scalar' at insn 5]",
                new VerifierError(4, 5, "R0 invalid mem access 'scalar'", "A.java:3: null", null).toString());
    }

    @Test
    void nullDereferenceIsExplainedAtTheJavaLine() {
        SourceLine line14 = new SourceLine("ProcessCounter.java", 14);
        VerifierResult r = verify("tracepoint/syscalls/sys_enter_read", List.of(COUNTS),
                storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, "counts"), call(1),
                load(8, R1, R0, 0).withSource(line14), mov64Imm(R0, 0), exit());
        assertFalse(r.ok());
        VerifierError e = r.errors().get(0);
        assertEquals("R0 invalid mem access 'map_value_or_null'", e.kernelMessage());
        assertEquals("ProcessCounter.java:14: value of a map lookup may be null here; test it against null first", e.javaMessage());
        assertEquals(5, e.insn());
        assertEquals(6, e.slot(), "the map load occupies two slots");
        assertSame(line14, e.source());
    }

    @Test
    void verifyAllCoversEveryProgram() {
        ProgramSpec good = new ProgramSpec("good", "socket", List.of(mov64Imm(R0, 0), exit()), List.of());
        ProgramSpec bad = new ProgramSpec("bad", "socket", List.of(exit()), List.of());
        List<VerifierResult> all = Verifier.verifyAll(new BpfObject("o", "GPL", List.of(), List.of(good, bad), null));
        assertEquals(2, all.size());
        assertTrue(all.get(0).ok());
        assertEquals("R0 !read_ok", all.get(1).errors().get(0).kernelMessage());
    }

    @Test
    void unknownSectionIsAClearError() {
        VerifierResult r = verify("lsm/file_open", List.of(), mov64Imm(R0, 0), exit());
        assertTrue(r.errors().get(0).javaMessage().contains("lsm/file_open"), r.toString());
    }

    @Test
    void boundedIndexIntoMapValueIsAccepted() {
        MapSpec arr = new MapSpec("arr", MapTypes.ARRAY, 4, 64, 1, 0, 0, 0);
        VerifierResult r = verify("tracepoint/a/b", List.of(arr), storeImm(4, R10, -4, 0), mov64Reg(R2, R10),
                alu64Imm(ADD, R2, -4), ldMap(R1, "arr"), call(1), jumpImm(JEQ, R0, 0, 6), mov64Reg(R6, R0), call(7),
                jumpImm(JGT, R0, 56, 3), alu64Reg(ADD, R6, R0), load(8, R0, R6, 0), mov64Imm(R0, 0), mov64Imm(R0, 0), exit());
        assertTrue(r.ok(), r.toString());
        // 57 would let an 8-byte read run past the 64-byte value
        VerifierResult bad = verify("tracepoint/a/b", List.of(arr), storeImm(4, R10, -4, 0), mov64Reg(R2, R10),
                alu64Imm(ADD, R2, -4), ldMap(R1, "arr"), call(1), jumpImm(JEQ, R0, 0, 6), mov64Reg(R6, R0), call(7),
                jumpImm(JGT, R0, 57, 3), alu64Reg(ADD, R6, R0), load(8, R0, R6, 0), mov64Imm(R0, 0), mov64Imm(R0, 0), exit());
        assertEquals("R6 max value is outside of the allowed memory range", bad.errors().get(0).kernelMessage());
    }
}
