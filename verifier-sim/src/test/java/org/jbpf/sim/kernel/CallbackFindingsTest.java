package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * The smallest programs of the disagreements the callback mode of {@link RandomAgreementTest} found, each with the
 * verdict the kernel gives it: a bpf_loop body never called (a count of 0) placed last after another BPF function,
 * which 6.18 refuses (the body's code is dropped and its address then points past the program), and alone or
 * followed by a function, which it accepts; nonzero flags, which only the helper's run refuses; and the body of
 * random#149 (seed 20261130601), whose rounds the simulation once took for an endless loop there (in that program;
 * alone the body passes either way, and is kept as a check of its verdict).
 */
class CallbackFindingsTest {
    private static final String SECTION = "tracepoint/syscalls/sys_enter_read";

    /**
     * main: fp-8 = a random number below 16; bpf_loop(count, body, fp-8, flags); [call f;] r0 = 0; exit. body: the given code. f: r0 = 0;
     * exit, after the body or, when {@code functionFirst}, before it.
     */
    static List<Insn> program(long count, long flags, boolean otherFunction, List<Insn> body) {
        return program(count, flags, otherFunction, false, body);
    }

    static List<Insn> program(long count, long flags, boolean otherFunction, boolean functionFirst, List<Insn> body) {
        List<Insn> p = new ArrayList<>(List.of(call(7), alu64Imm(AND, R0, 15), store(8, R10, -8, R0), mov64Imm(R1, count),
                CallbackSnippets.address(R2, "body"), mov64Reg(R3, R10), alu64Imm(ADD, R3, -8), mov64Imm(R4, flags), call(181)));
        if (otherFunction) p.add(CallbackSnippets.callFunction("f"));
        p.addAll(List.of(mov64Imm(R0, 0), exit()));
        List<Insn> b = new ArrayList<>(body);
        b.set(0, b.get(0).withReference("start:body"));
        List<Insn> f = otherFunction ? List.of(mov64Imm(R0, 0).withReference("start:f"), exit()) : List.of();
        if (functionFirst) p.addAll(f);
        p.addAll(b);
        if (!functionFirst) p.addAll(f);
        return RandomPrograms.link(p);
    }

    static final List<Insn> RETURN = List.of(mov64Imm(R0, 0), exit());
    /**
     * Writes the index into a map value, then adds 8 to the counter for any index but 0 (the body of random#149 of
     * seed 20261130601).
     */
    static final List<Insn> SAME_ROUNDS = List.of(mov64Reg(R6, R1), mov64Reg(R7, R2), store(4, R10, -4, R6), mov64Reg(R2, R10),
            alu64Imm(ADD, R2, -4), ldMap(R1, "h"), call(1), jumpImm(JEQ, R0, 0, 1), store(8, R0, 8, R6), mov64Imm(R8, 0),
            jumpImm(JLT, R6, 1, 1), mov64Imm(R8, 8), load(8, R3, R7, 0), alu64Reg(ADD, R3, R8), store(8, R7, 0, R3),
            mov64Imm(R0, 0), exit());

    /**
     * random#973 of seed 20261130602, reduced: main calls bpf_loop(0, outer) and f; outer, never called, is placed
     * after inner, the body only outer hands to bpf_loop, and before f. The kernel drops inner and outer as one run,
     * so outer's address, inside the run, then points into the middle of nothing.
     */
    static List<Insn> deadPair() {
        List<Insn> p = new ArrayList<>(List.of(mov64Imm(R1, 0), CallbackSnippets.address(R2, "outer"), mov64Imm(R3, 0), mov64Imm(R4, 0),
                call(181), CallbackSnippets.callFunction("f"), mov64Imm(R0, 0), exit(),
                mov64Imm(R0, 0).withReference("start:inner"), exit(),
                mov64Imm(R1, 1).withReference("start:outer"), CallbackSnippets.address(R2, "inner"), mov64Imm(R3, 0), mov64Imm(R4, 0),
                call(181), mov64Imm(R0, 0), exit(),
                mov64Imm(R0, 0).withReference("start:f"), exit()));
        return RandomPrograms.link(p);
    }

    static Map<String, List<Insn>> cases() {
        Map<String, List<Insn>> c = new LinkedHashMap<>();
        c.put("count 0, another function after the body", program(0, 0, true, RETURN));
        c.put("count 0, another function before the body", program(0, 0, true, true, RETURN));
        c.put("count 0, no other function", program(0, 0, false, RETURN));
        c.put("count 1, another function", program(1, 0, true, RETURN));
        c.put("flags 1", program(4, 1, false, RETURN));
        c.put("two bodies never called, one inside the other's run", deadPair());
        c.put("rounds the same at one instruction", program(100, 0, false, SAME_ROUNDS));
        return c;
    }

    static VerifierResult simulate(List<Insn> insns) {
        ProgramSpec p = new ProgramSpec("prog", SECTION, insns, FunctionRecords.of(insns));
        return Verifier.verify(new BpfObject("findings", "GPL", RandomPrograms.MAPS, List.of(p), FunctionRecords.BTF), p);
    }

    @Test
    void verdictsAsTheKernelGivesThem() {
        Map<String, List<Insn>> c = cases();
        assertEquals("verifier bug: No program to jit at insn 15 (subprog < 0)",
                simulate(c.get("count 0, another function before the body")).errors().get(0).kernelMessage());
        assertFalse(simulate(c.get("two bodies never called, one inside the other's run")).ok());
        for (String ok : List.of("count 0, another function after the body", "count 0, no other function", "count 1, another function", "flags 1", "rounds the same at one instruction"))
            assertTrue(simulate(c.get(ok)).ok(), ok + ": " + simulate(c.get(ok)));
    }

    /**
     * random#123 of the callback seed 20261201003: a bpf_loop body with a numeric iterator's loop adds to a counter in
     * the caller's stack, which the caller then uses as an offset. The loop's cut paths lead back through the body's
     * rounds to the state kept at the bpf_loop call between two rounds; 6.18 evicts and frees that state while the loop
     * still holds its cut paths, then walks into it when it carries the counter's precision back, and reads freed
     * memory: it refused this program with "verifier bug: stack slot 8, total slots 0" after 17,889 instructions, and
     * crashed (a NULL dereference in __mark_chain_precision) on reduced copies of it. The simulation accepted it; it
     * refuses it now (past its budget, since it keeps as many states per instruction as the kernel), and random#1249 of
     * the callback seed 20261201101, of the same shape, at the freed state. Neither is loaded into the kernel.
     */
    @Test
    void loopsWhoseCutPathsLeadBackIntoAFreedStateAreRefused() {
        VerifierResult first = simulateRandom(20261201003L, 123);
        assertFalse(first.ok(), first.toString());
        VerifierResult second = simulateRandom(20261201101L, 1249);
        assertFalse(second.ok(), second.toString());
        assertTrue(second.errors().get(0).kernelMessage().startsWith(org.jbpf.sim.verifier.AbstractInterpreter.FREED_STATE), second.toString());
        // at the loop, in the body
        assertTrue(second.errors().get(0).javaMessage().startsWith("random#1249 insn 47: this loop"), second.errors().get(0).javaMessage());
    }

    private static VerifierResult simulateRandom(long seed, int number) {
        RandomPrograms gen = new RandomPrograms(seed, 0.03, true, true);
        Corpus.Entry e = null;
        for (int i = 0; i <= number; i++) e = gen.next(i);
        ProgramSpec p = new ProgramSpec(e.name(), e.section(), e.insns(), FunctionRecords.of(e.insns()));
        return Verifier.verify(new BpfObject("random", "GPL", e.maps(), List.of(p), FunctionRecords.BTF), p);
    }

    @Test
    void kernelAgrees() {
        KernelAgreementTest.assumeKernel();
        int btf = KernelBpf.loadBtf(BtfWriter.encode(FunctionRecords.BTF).bytes());
        List<String> differ = new ArrayList<>();
        Map<String, Integer> fds = KernelRunner.createMaps(RandomPrograms.MAPS);
        try {
            for (Map.Entry<String, List<Insn>> e : cases().entrySet()) {
                KernelBpf.LoadResult k = KernelBpf.loadWithFuncInfo(KernelRunner.progType(SECTION), Insn.encode(KernelRunner.patch(e.getValue(), fds)), btf,
                        FunctionRecords.flat(FunctionRecords.of(e.getValue())));
                if (k.accepted()) KernelBpf.close(k.fd());
                VerifierResult s = simulate(e.getValue());
                if (k.accepted() != s.ok())
                    differ.add(e.getKey() + ": kernel " + (k.accepted() ? "accepts" : "refuses (" + KernelRunner.reason(k.log()) + ")") + ", simulation " + s.ok());
            }
        } finally {
            KernelBpf.close(btf);
            fds.values().forEach(KernelBpf::close);
        }
        assertEquals(List.of(), differ);
    }
}
