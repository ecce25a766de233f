package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.VerifierException;
import org.jbpf.loader.sys.BpfException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code BPF.open(path)} names the object file in front of a load or attach failure, as {@code jbpf run} does: the
 * loader's own message names only the program, which does not say which file it came from. The failure keeps its
 * type, so a verifier refusal is still a {@link VerifierException} with its log.
 */
class OpenedObjectErrorsKernelTest {
    private static Path write(Path dir, String name, ProgramSpec program) throws Exception {
        Path o = dir.resolve(name + ".o");
        Files.write(o, ObjectWriter.write(new BpfObject(name, "GPL", List.of(), List.of(program), null)));
        return o;
    }

    @Test void aRefusedProgramNamesTheFile(@TempDir Path dir) throws Exception {
        KernelCheck.require();
        List<Insn> insns = List.of(
                Insn.mov64Imm(0, 0).withSource(new SourceLine("BadRead.java", 40, 0, "long x = 0;")),
                Insn.mov64Imm(2, 1234).withSource(new SourceLine("BadRead.java", 41, 0, "long p = 1234;")),
                Insn.load(8, 0, 2, 0).withSource(new SourceLine("BadRead.java", 42, 0, "x = read(p);")),
                Insn.exit().withSource(new SourceLine("BadRead.java", 43, 0, "return x;")));
        Path o = write(dir, "BadRead", new ProgramSpec("badRead", "tracepoint/syscalls/sys_enter_getppid", insns, List.of()));
        VerifierException e = assertThrows(VerifierException.class, () -> BPF.open(o).close());
        assertTrue(e.getMessage().startsWith(o + ": the kernel verifier rejected program \"badRead\""), e.getMessage());
        assertTrue(e.getMessage().contains("at BadRead.java:42 (x = read(p);)"), e.getMessage());
        assertTrue(e.log().contains("R2 invalid mem access 'scalar'"), "the verifier's log stays with the exception");
    }

    @Test void aFailedAttachNamesTheFile(@TempDir Path dir) throws Exception {
        KernelCheck.require();
        List<Insn> insns = List.of(Insn.mov64Imm(0, 0), Insn.exit());
        Path o = write(dir, "NoSuchEvent", new ProgramSpec("onNothing", "tracepoint/syscalls/sys_enter_jbpf_no_such_call", insns, List.of()));
        try (BPF bpf = BPF.open(o)) {
            RuntimeException e = assertThrows(RuntimeException.class, bpf::attachAll);
            assertTrue(e.getMessage().startsWith(o + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("sys_enter_jbpf_no_such_call"), e.getMessage());
            assertInstanceOf(BpfException.class, e);
        }
    }

    @Test void anObjectLoadedFromMemoryKeepsTheLoadersMessage() throws Exception {
        KernelCheck.require();
        List<Insn> insns = List.of(Insn.mov64Imm(0, 0), Insn.exit());
        BpfObject object = new BpfObject("InMemory", "GPL", List.of(),
                List.of(new ProgramSpec("onNothing", "tracepoint/syscalls/sys_enter_jbpf_no_such_call", insns, List.of())), null);
        try (BPF bpf = BPF.load(object)) {
            RuntimeException e = assertThrows(RuntimeException.class, bpf::attachAll);
            assertFalse(e.getMessage().startsWith("InMemory"), e.getMessage());
        }
    }
}
