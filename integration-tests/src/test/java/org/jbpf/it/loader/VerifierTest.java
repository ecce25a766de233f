package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.*;

import org.jbpf.BPF;
import org.jbpf.loader.VerifierException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifierTest {

    @BeforeEach
    void kernel() { Kernel.require(); }

    @Test
    void rejectionNamesProgramJavaLineAndVerifierReason() {
        VerifierException e = assertThrows(VerifierException.class, () -> BPF.load(Programs.rejected()));
        String msg = e.getMessage();
        assertTrue(msg.contains("program \"bad_deref\""), msg);
        assertTrue(msg.contains("Probe.java:42"), msg);
        assertTrue(msg.contains("R2 invalid mem access 'scalar'"), msg);
        assertEquals(2, e.failingInsn());
        assertEquals(42, e.source().line());
        assertTrue(e.log().contains("processed"), "the full log is kept");
        assertTrue(msg.split("\n").length <= 22, "only the tail of the log is in the message");
    }

    @Test
    void unknownMapReferenceIsReportedBeforeLoading() {
        var obj = new org.jbpf.core.obj.BpfObject("x", "GPL", java.util.List.of(), java.util.List.of(
                new org.jbpf.core.obj.ProgramSpec("p", "xdp", java.util.List.of(org.jbpf.core.asm.Insn.ldMap(1, "ghost"),
                        org.jbpf.core.asm.Insn.mov64Imm(0, 2), org.jbpf.core.asm.Insn.exit()), java.util.List.of())), null);
        var e = assertThrows(org.jbpf.loader.sys.BpfException.class, () -> BPF.load(obj));
        assertTrue(e.getMessage().contains("refers to map \"ghost\", which object x does not declare"), e.getMessage());
    }
}
