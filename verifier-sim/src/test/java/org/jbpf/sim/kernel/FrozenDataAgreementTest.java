package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Frozen read-only data read as constants: each program reads a global section the kernel holds frozen (written,
 * then BPF_MAP_FREEZE, as the loader does with {@code .rodata}), and the simulation told the values are final
 * ({@link Verifier#verifyFrozen}) must give the kernel's verdict, its message and, for the loop, a count of processed
 * instructions near the kernel's. Without that promise ({@link Verifier#verify}) the values are load-time constants
 * the simulation cannot know, except in string sections.
 */
class FrozenDataAgreementTest {
    private static final Pattern PROCESSED = Pattern.compile("processed (\\d+) insns");

    /** r1 = &section + off. */
    private static Insn valueAddress(String section, int off) {
        return new Insn(LD | IMM | DW, R1, PSEUDO_MAP_VALUE, 0, (long) off << 32, section, null);
    }

    /** r0 = 0; if r2 == want skip; r0 = *(u64 *)(r0 + 0) (refused); exit: accepted only if r2 is known to be want. */
    private static Insn[] mustEqual(long want) {
        return new Insn[] { mov64Imm(R0, 0), jumpImm(JEQ, R2, want, 1), load(8, R0, R0, 0), exit() };
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    private record Case(String name, String section, byte[] data, boolean kernelAccepts, boolean acceptedUnfrozen, Insn... insns) {}

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        byte[] data = bytes(0, 0, 0, 0, 5, 0, 0, 0, 0xff, 0x34, 0x12, 0, 1, 2, 3, 4, 5, 6, 7, 8);
        c.add(new Case("zero_decides_a_branch", ".rodata", data, true, false,
                Corpus.cat(valueAddress(".rodata", 0), load(4, R2, R1, 0), mustEqual(0))));
        c.add(new Case("five_decides_the_other_way", ".rodata", data, false, false,
                Corpus.cat(valueAddress(".rodata", 4), load(4, R2, R1, 0), mustEqual(0))));
        c.add(new Case("half_word_at_an_offset", ".rodata", data, true, false,
                Corpus.cat(valueAddress(".rodata", 8), load(2, R2, R1, 1), mustEqual(0x1234))));
        c.add(new Case("byte_sign_extended", ".rodata", data, true, false,
                Corpus.cat(valueAddress(".rodata", 0), loadSigned(1, R2, R1, 8), mustEqual(-1))));
        c.add(new Case("double_word", ".rodata", data, true, false,
                Corpus.cat(valueAddress(".rodata", 12), load(8, R2, R1, 0), ldImm64(R3, 0x0807060504030201L),
                        mov64Imm(R0, 0), jumpReg(JEQ, R2, R3, 1), load(8, R0, R0, 0), exit())));
        c.add(new Case("variable_offset_is_unknown", ".rodata", data, false, false,
                Corpus.cat(call(7), alu64Imm(AND, R0, 3), valueAddress(".rodata", 0), alu64Reg(ADD, R1, R0), load(1, R2, R1, 0),
                        mustEqual(0))));
        c.add(new Case("string_section_known_before_load", ".rodata.str1.1", bytes('h', 'i', 0), true, true,
                Corpus.cat(valueAddress(".rodata.str1.1", 1), load(1, R2, R1, 0), mustEqual('i'))));
        // the loop bound is a load-time constant: known, the loop is bounded; unknown, it is not
        c.add(new Case("constant_bounds_a_loop", ".rodata", bytes(40, 0, 0, 0), true, false,
                mov64Imm(R6, 0), mov64Imm(R7, 0), valueAddress(".rodata", 0), load(4, R8, R1, 0), call(7),
                jumpImm(JSET, R0, 1, 1), alu64Imm(ADD, R7, 1), alu64Imm(ADD, R6, 1), jumpReg(JLT, R6, R8, -5),
                mov64Imm(R0, 0), exit()));
        return c;
    }

    @Test
    void frozenReadOnlyDataIsReadAsTheKernelReadsIt() {
        KernelAgreementTest.assumeKernel();
        List<String> problems = new ArrayList<>();
        for (Case c : cases()) {
            GlobalData section = new GlobalData(c.section(), c.data(), List.of(), 0);
            MapSpec spec = section.mapSpec();
            int fd = KernelBpf.createMap(MapTypes.ARRAY, 4, spec.valueSize(), 1, spec.flags());
            try {
                KernelBpf.update(fd, new byte[4], c.data());
                KernelBpf.freeze(fd);
                List<Insn> patched = new ArrayList<>();
                for (Insn i : c.insns())
                    patched.add(i.isLdImm64() && i.src() == PSEUDO_MAP_VALUE ? i.withImm(i.imm() & 0xffffffff00000000L | fd) : i);
                KernelBpf.LoadResult k = KernelBpf.load(KernelBpf.PROG_SOCKET_FILTER, Insn.encode(patched));
                if (k.accepted()) KernelBpf.close(k.fd());
                ProgramSpec p = new ProgramSpec(c.name(), "socket", List.of(c.insns()), List.of());
                BpfObject obj = new BpfObject("frozen", "GPL", List.of(), List.of(p), null, List.of(section));
                VerifierResult frozen = Verifier.verifyFrozen(obj, p), unfrozen = Verifier.verify(obj, p);
                String reason = KernelRunner.reason(k.log());
                Matcher m = PROCESSED.matcher(k.log());
                System.out.printf("  %-36s kernel %-6s %-36s simulation %-6s (%s insns, kernel %s)  before load %s%n", c.name(),
                        k.accepted() ? "accept" : "reject", reason, frozen.ok() ? "accept" : "reject", frozen.processedInsns(),
                        m.find() ? m.group(1) : "?", unfrozen.ok() ? "accept" : "reject");
                if (k.accepted() != c.kernelAccepts()) problems.add(c.name() + ": the kernel " + (k.accepted() ? "accepts" : "refuses: " + reason));
                if (frozen.ok() != k.accepted()) problems.add(c.name() + ": frozen simulation " + frozen + ", kernel: " + reason);
                else if (!k.accepted() && !reason.equals(frozen.errors().get(0).kernelMessage()))
                    problems.add(c.name() + ": simulation says '" + frozen.errors().get(0).kernelMessage() + "', kernel '" + reason + "'");
                if (unfrozen.ok() != c.acceptedUnfrozen()) problems.add(c.name() + ": simulation before load " + unfrozen);
                if (k.accepted() && m.find(0) && Integer.parseInt(m.group(1)) > 2 * frozen.processedInsns())
                    problems.add(c.name() + ": the kernel processed " + m.group(1) + ", the simulation " + frozen.processedInsns());
            } finally {
                KernelBpf.close(fd);
            }
        }
        assertEquals(List.of(), problems);
    }
}
