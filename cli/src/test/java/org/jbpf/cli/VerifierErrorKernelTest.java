package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.VerifierReason;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe the kernel verifier refuses: the error line carries its reason and the Java line; --verbose the log. */
class VerifierErrorKernelTest {
    /** Dereferences the number 1234 at BadRead.java:42, which the kernel refuses ("R2 invalid mem access 'scalar'"). */
    private static Path badObject(Path dir) throws Exception {
        List<Insn> insns = List.of(
                Insn.mov64Imm(0, 0).withSource(new SourceLine("BadRead.java", 40, 0, "long x = 0;")),
                Insn.mov64Imm(2, 1234).withSource(new SourceLine("BadRead.java", 41, 0, "long p = 1234;")),
                Insn.load(8, 0, 2, 0).withSource(new SourceLine("BadRead.java", 42, 0, "x = read(p);")),
                Insn.exit().withSource(new SourceLine("BadRead.java", 43, 0, "return x;")));
        BpfObject bad = new BpfObject("BadRead", "GPL", List.of(),
                List.of(new ProgramSpec("badRead", "tracepoint/syscalls/sys_enter_getppid", insns, List.of())), null);
        Path o = dir.resolve("BadRead.o");
        Files.write(o, ObjectWriter.write(bad));
        return o;
    }

    @Test void errorLineHasTheVerifierReasonAndTheJavaLine(@TempDir Path dir) throws Exception {
        Kernel.requireTracefs();
        Path o = badObject(dir);
        Cli r = Cli.run("run", o.toString(), "--duration", "1s");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("jbpf: " + o + ": the kernel verifier rejected program \"badRead\""), r.err());
        assertTrue(r.err().contains("at BadRead.java:42 (x = read(p);)"), r.err());
        assertTrue(r.err().contains(": R2 invalid mem access 'scalar' (--verbose prints the whole verifier log)"), r.err());
    }

    @Test void verbosePrintsTheWholeVerifierLog(@TempDir Path dir) throws Exception {
        Kernel.requireTracefs();
        Cli r = Cli.run("--verbose", "run", badObject(dir).toString(), "--duration", "1s");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertTrue(r.err().contains("\nverifier log:\n"), r.err());
        assertTrue(r.err().contains("2: (79) r0 = *(u64 *)(r2 +0)"), "the instruction trace:\n" + r.err());
        assertTrue(r.err().contains("processed 3 insns"), "the closing statistics:\n" + r.err());
    }

    @Test void reasonIsTheLastLineBeforeTheStatistics() {
        String log = "0: R1=ctx() R10=fp0\n0: (b7) r0 = 0                        ; R0_w=0\n"
                + "2: (79) r0 = *(u64 *)(r2 +0)\nR2 invalid mem access 'scalar'\n"
                + "processed 3 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";
        assertEquals("R2 invalid mem access 'scalar'", VerifierReason.reason(log));
        assertNull(VerifierReason.reason(""));
    }
}
