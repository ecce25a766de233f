package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * bpf_loop bodies, loaded with the BTF function records the kernel needs for a callback: the kernel follows the path
 * where the body is called no more, then each further round, up to the count's largest value or until a round's state
 * lies within an earlier one's. The simulation once followed exactly one round, so it accepted a counter the body
 * changes being used as an offset after the loop, where the kernel sees it unchanged too (zero rounds).
 */
class CallbackAgreementTest {
    private static final String SECTION = "tracepoint/syscalls/sys_enter_read";

    /**
     * fp-8 = {@code start}; bpf_loop(4, body, fp-8); then a byte at fp-40 + fp-8 (masked with {@code mask} when not -1)
     * is written. The body sets fp-8 to {@code step}, or adds it when {@code adds}.
     */
    static BpfObject counterProgram(long start, long step, boolean adds, int mask) {
        List<Insn> main = new ArrayList<>(List.of(storeImm(8, R10, -8, start), mov64Imm(R1, 4), Insn.ldImm64(R2, 0).withSrc(PSEUDO_FUNC),
                mov64Reg(R3, R10), alu64Imm(ADD, R3, -8), mov64Imm(R4, 0), call(181), load(8, R1, R10, -8)));
        if (mask != -1) main.add(alu64Imm(AND, R1, mask));
        main.addAll(List.of(mov64Reg(R2, R10), alu64Imm(ADD, R2, -40), alu64Reg(ADD, R2, R1), storeImm(1, R2, 0, 0), mov64Imm(R0, 0), exit()));
        int body = 0;
        for (Insn i : main) body += i.slots();
        main.set(2, Insn.ldImm64(R2, body - 3).withSrc(PSEUDO_FUNC)); // from the slot after the load (slot 3)
        List<Insn> all = new ArrayList<>(main);
        if (adds) all.addAll(List.of(load(8, R3, R2, 0), alu64Imm(ADD, R3, step), store(8, R2, 0, R3)));
        else all.add(storeImm(8, R2, 0, step));
        all.addAll(List.of(mov64Imm(R0, 0), exit()));
        Btf btf = new Btf();
        int number = btf.add(new BtfType.IntType("long", 8, 1, 0, 64)), pointer = btf.add(new BtfType.Ptr(0));
        int mainType = btf.add(new BtfType.Func("prog", btf.add(new BtfType.FuncProto(number, List.of(new BtfType.Param("ctx", pointer)))),
                BtfType.LINKAGE_GLOBAL));
        int bodyType = btf.add(new BtfType.Func("body", btf.add(new BtfType.FuncProto(number,
                List.of(new BtfType.Param("i", number), new BtfType.Param("c", pointer)))), BtfType.LINKAGE_STATIC));
        ProgramSpec p = new ProgramSpec("prog", SECTION, all, List.of(new ProgramSpec.FuncInfo(0, mainType), new ProgramSpec.FuncInfo(body, bodyType)));
        return new BpfObject("callback", "GPL", List.of(), List.of(p), btf);
    }

    private static boolean kernelAccepts(BpfObject o) {
        try (BPF loaded = BPF.load(o)) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void aCounterTheBodyChangesIsAlsoSeenUnchanged() {
        BpfObject o = counterProgram(100, 1, false, -1);
        VerifierResult r = Verifier.verify(o, o.programs().get(0));
        assertFalse(r.ok(), r.toString());
        assertEquals("invalid write to stack R2 off=60 size=1", r.errors().get(0).kernelMessage());
        assertTrue(r.errors().get(0).javaMessage().startsWith("prog insn 12: "), r.errors().get(0).javaMessage());
    }

    @Test
    void roundsUpToTheCountAreFollowedAsTheKernelFollowsThem() {
        // adding 1 four times keeps fp-40 + fp-8 inside the frame: the kernel stops at the count, 4 rounds
        BpfObject o = counterProgram(0, 1, true, -1);
        assertEquals(66, Verifier.verify(o, o.programs().get(0)).processedInsns());
    }

    @Test
    void verdictsAgreeWithTheKernel() {
        KernelAgreementTest.assumeKernel();
        List<String> differ = new ArrayList<>();
        int refused = 0;
        for (long start : new long[] {0, 100}) for (long step : new long[] {1, 8, 12}) for (boolean adds : new boolean[] {false, true})
            for (int mask : new int[] {-1, 31}) {
                BpfObject o = counterProgram(start, step, adds, mask);
                boolean kernel = kernelAccepts(o), sim = Verifier.verify(o, o.programs().get(0)).ok();
                if (!kernel) refused++;
                if (kernel != sim) differ.add("start " + start + " step " + step + (adds ? " added" : " set") + " mask " + mask + ": kernel " + kernel + ", simulation " + sim);
            }
        assertEquals(List.of(), differ);
        // with no mask, a start of 100 is refused whatever the body does (6 programs), and 0 with 12 added 4 times (48)
        assertEquals(7, refused);
    }
}
