package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.maps.SimMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * BPF-to-BPF calls on the kernel: {@link Functions} runs with BPF_PROG_TEST_RUN on edge and random inputs and every
 * result must be the JVM's; its functions take numbers, the context, local structs and map values, and nest four
 * deep, on both backends (LLVM keeps the {@code @NoInline} ones as functions). The verifier simulation accepts the
 * program and its interpreter agrees.
 */
class FunctionsKernelTest {
    static final int PACKET = 64;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void functionsComputeWhatTheJvmComputes(Backend backend) {
        KernelCheck.require();
        BpfObject obj = backend.translate(Functions.class);
        int runs = 0;
        long sharedSum = 0;
        try (BPF bpf = BPF.load(obj, Functions.class)) {
            BpfMap<Integer, Long> in = bpf.map(Functions.in), out = bpf.map(Functions.out);
            BpfMap<Integer, Functions.Acc> accs = bpf.map(Functions.accs);
            for (long[] ab : SemanticsKernelTest.inputs()) {
                long a = ab[0], b = ab[1];
                in.put(0, a);
                in.put(1, b);
                assertEquals(2, bpf.program("run").testRun(new byte[PACKET], 1).retval());
                long[] expected = {Functions.mix(a, b), Functions.mix(b, a), Functions.mix(a ^ b, 7), Functions.mix(a, a + b),
                        Functions.mix(b - a, a), Functions.clamp((int) a, -50, 50), (a + b) * 1000 + 2 + (int) b, Functions.level1(a),
                        PACKET * b};
                for (int slot = 0; slot < expected.length; slot++) {
                    assertEquals(expected[slot], out.get(slot), "slot " + slot + " on (" + a + ", " + b + ")");
                    runs++;
                }
                sharedSum += a;
            }
            Functions.Acc shared = accs.get(0);
            assertEquals(SemanticsKernelTest.inputs().size(), shared.count);
            assertEquals(sharedSum, shared.sum);
        }
        assertEquals(SemanticsKernelTest.inputs().size() * 9, runs);
        System.out.println("functions (" + backend + "): " + runs + " kernel results agreed with the JVM");
    }

    @Test
    void verifierSimulationAcceptsAndInterpreterAgrees() {
        BpfObject obj = Backend.DIRECT.translate(Functions.class);
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        Interpreter sim = new Interpreter(obj);
        for (long[] ab : SemanticsKernelTest.inputs().subList(0, 60)) {
            sim.map("in").update(SimMap.u32(0), SimMap.u64(ab[0]), SimMap.ANY);
            sim.map("in").update(SimMap.u32(1), SimMap.u64(ab[1]), SimMap.ANY);
            assertEquals(2, sim.runPacket("run", new byte[PACKET]));
            assertEquals(Functions.mix(ab[1], ab[0]), sim.map("out").getLong(1));
            assertEquals(Functions.level1(ab[0]), sim.map("out").getLong(7));
            assertEquals(PACKET * ab[1], sim.map("out").getLong(8));
        }
    }

    @Test
    void fiveCallsOfOneFunctionAreSmallerThanFiveCopies() {
        BpfObject obj = Backend.DIRECT.translate(Functions.class);
        ProgramSpec inlined = obj.program("runInlined").orElseThrow();
        ProgramSpec called = obj.program("run").orElseThrow();
        int mixSize = functionSlots(called, "mix");
        int inlinedSlots = slots(inlined.insns());
        // the part of run that matches runInlined: its code up to the clamp call, plus mix itself
        int calledSlots = slotsBefore(called.insns(), "clamp") + mixSize;
        System.out.println("five calls of mix: " + calledSlots + " slots with a BPF function (mix itself " + mixSize
                + "), " + inlinedSlots + " slots with five inlined copies");
        assertTrue(mixSize >= 35, "mix is about 40 instructions: " + mixSize);
        assertTrue(calledSlots <= inlinedSlots - 3 * mixSize, calledSlots + " vs " + inlinedSlots);
        assertEquals(5, called.insns().stream().filter(i -> i.isLocalCall() && "mix".equals(i.reference())).count());
        assertEquals(0, inlined.insns().stream().filter(Insn::isLocalCall).count());
    }

    @Test
    void llvmBackendCallsTheNoInlineFunctions() {
        ProgramSpec run = Backend.LLVM.translate(Functions.class).program("run").orElseThrow();
        // clamp, accumulate, level1..3 and lengthTimes stay functions; mix, the translator's own choice, is left to LLVM
        assertEquals(7, run.funcInfos().size(), run.funcInfos().toString());
        assertTrue(run.insns().stream().anyMatch(Insn::isLocalCall));
    }

    static int slots(List<Insn> insns) { return Insn.slotOffsets(insns)[insns.size()]; }

    /** Slots of the program's entry function before the first call of {@code function}. */
    static int slotsBefore(List<Insn> insns, String function) {
        int k = 0;
        while (!(insns.get(k).isLocalCall() && function.equals(insns.get(k).reference()))) k++;
        return slots(insns.subList(0, k));
    }

    /** Slots of BPF function {@code name}: from the first instruction a call of it reaches to the next function's start. */
    static int functionSlots(ProgramSpec p, String name) {
        int[] slot = Insn.slotOffsets(p.insns());
        int start = -1;
        for (int i = 0; i < p.insns().size(); i++)
            if (p.insns().get(i).isLocalCall() && name.equals(p.insns().get(i).reference())) start = slot[i] + (int) p.insns().get(i).imm() + 1;
        int end = slot[p.insns().size()];
        for (ProgramSpec.FuncInfo f : p.funcInfos()) if (f.insnOff() > start && f.insnOff() < end) end = f.insnOff();
        return end - start;
    }
}
