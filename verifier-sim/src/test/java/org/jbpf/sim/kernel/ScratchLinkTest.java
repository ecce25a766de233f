package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.junit.jupiter.api.Test;

class ScratchLinkTest {
    static void show(String name, Insn... p) {
        KernelBpf.LoadResult k = KernelBpf.load(KernelBpf.PROG_SOCKET_FILTER, Insn.encode(List.of(p)));
        try { java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/vscratch/log.txt"), "=== " + name + " accepted=" + k.accepted() + "\n" + k.log() + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND); } catch (Exception e) { throw new RuntimeException(e); }
    }
    static Insn[] pre() { return new Insn[] { call(7), alu64Imm(AND, R0, 7) }; }
    static Insn[] cat(Insn[] a, Insn... b) { Insn[] r = java.util.Arrays.copyOf(a, a.length + b.length); System.arraycopy(b, 0, r, a.length, b.length); return r; }
    static final Insn[] END = { mov64Imm(R0, 0), exit() };

    @Test void run() {
        for (Corpus.Entry e : LinkedScalarsCorpus.all()) if (e.name().equals("linked_copy_spilled_and_filled")) {
            KernelBpf.LoadResult k = KernelRunner.verify(e.section(), e.maps(), e.insns());
            try { java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/vscratch/log.txt"), k.log()); } catch (Exception x) { throw new RuntimeException(x); }
        }
    }
}
