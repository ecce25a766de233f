package org.jbpf.it.semantics;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.Loader;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.VerifierException;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Numeric iterator programs written instruction by instruction, in the shapes the kernel accepts (a long loop, nested
 * loops, a loop left early, an iterator closed unused) and refuses (no destroy, next before new or after destroy, new
 * twice, the slot read directly, the number read without the null test): the verifier simulation gives the kernel's
 * verdict and, for each refusal, the kernel's reason.
 */
class IteratorShapesKernelTest {
    static final String NEW = "bpf_iter_num_new", NEXT = "bpf_iter_num_next", DESTROY = "bpf_iter_num_destroy";

    record Shape(String name, List<Insn> insns, String refusal) {}

    /** r1 = the iterator at fp{@code off}. */
    static Insn[] it(int off) { return new Insn[] {mov64Reg(R1, R10), alu64Imm(ADD, R1, off)}; }

    static Insn[] make(int off, int from, int to) { return cat(it(off), mov32Imm(R2, from), mov32Imm(R3, to), callKernel(NEW)); }

    static Insn[] cat(Object... parts) {
        List<Insn> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Insn i) out.add(i);
            else for (Insn i : (Insn[]) p) out.add(i);
        }
        return out.toArray(new Insn[0]);
    }

    static final Insn[] PASS = {mov64Imm(R0, 2), exit()};

    static List<Shape> shapes() {
        List<Shape> s = new ArrayList<>();
        // while ((p = next(it))) sum += *p;  over 100,000 numbers
        s.add(new Shape("sum_of_100000", List.of(cat(mov64Imm(R6, 0), make(-8, 0, 100_000),
                it(-8), callKernel(NEXT), jumpImm(JEQ, R0, 0, 3), load(4, R1, R0, 0), alu64Reg(ADD, R6, R1), ja(-7),
                it(-8), callKernel(DESTROY), PASS)), null));
        // two nested loops of 1,000 numbers each, counting inner iterations
        s.add(new Shape("nested_loops", List.of(cat(mov64Imm(R6, 0), make(-8, 0, 1000),
                it(-8), callKernel(NEXT), jumpImm(JEQ, R0, 0, 15),
                make(-16, 0, 1000), it(-16), callKernel(NEXT), jumpImm(JEQ, R0, 0, 2), alu64Imm(ADD, R6, 1), ja(-6),
                it(-16), callKernel(DESTROY), ja(-19),
                it(-8), callKernel(DESTROY), PASS)), null));
        // a loop left when the number reaches 10
        s.add(new Shape("break_at_ten", List.of(cat(make(-8, 0, 100),
                it(-8), callKernel(NEXT), jumpImm(JEQ, R0, 0, 3), load(4, R1, R0, 0), jumpImm(JEQ, R1, 10, 1), ja(-7),
                it(-8), callKernel(DESTROY), PASS)), null));
        s.add(new Shape("destroy_unused", List.of(cat(make(-8, 0, 10), it(-8), callKernel(DESTROY), PASS)), null));
        s.add(new Shape("no_destroy", List.of(cat(make(-8, 0, 10), PASS)), "Unreleased reference"));
        s.add(new Shape("next_before_new", List.of(cat(it(-8), callKernel(NEXT), PASS)), "expected an initialized iter_num as arg #0"));
        s.add(new Shape("next_after_destroy", List.of(cat(make(-8, 0, 10), it(-8), callKernel(DESTROY), it(-8), callKernel(NEXT), PASS)),
                "expected an initialized iter_num as arg #0"));
        s.add(new Shape("destroy_twice", List.of(cat(make(-8, 0, 10), it(-8), callKernel(DESTROY), it(-8), callKernel(DESTROY), PASS)),
                "expected an initialized iter_num as arg #0"));
        s.add(new Shape("new_twice", List.of(cat(make(-8, 0, 10), make(-8, 0, 10), it(-8), callKernel(DESTROY), PASS)),
                "expected uninitialized iter_num as arg #0"));
        s.add(new Shape("read_the_slot", List.of(cat(make(-8, 0, 10), load(8, R6, R10, -8), it(-8), callKernel(DESTROY), PASS)),
                "invalid read from stack off -8+0 size 8"));
        s.add(new Shape("number_without_null_test", List.of(cat(make(-8, 0, 10), it(-8), callKernel(NEXT), load(4, R6, R0, 0),
                it(-8), callKernel(DESTROY), PASS)), "R0 invalid mem access 'scalar'"));
        return s;
    }

    static BpfObject object(Shape shape) {
        return new BpfObject("shapes", "GPL", List.of(), List.of(new ProgramSpec(shape.name(), "xdp", shape.insns(), List.of())), null);
    }

    @Test
    void simulationAndKernelAgreeOnEveryShape() {
        KernelCheck.require();
        List<String> disagreements = new ArrayList<>();
        for (Shape shape : shapes()) {
            BpfObject obj = object(shape);
            VerifierResult sim = Verifier.verifyAll(obj).get(0);
            String kernel = null;
            try (LoadedObject loaded = new Loader().load(obj)) {
                assertEquals(1, loaded.programs().size());
            } catch (VerifierException e) {
                kernel = e.log();
            }
            boolean kernelAccepts = kernel == null;
            if (kernelAccepts != (shape.refusal() == null)) disagreements.add(shape.name() + ": kernel " + (kernelAccepts ? "accepts" : "refuses:\n" + kernel));
            if (sim.ok() != kernelAccepts) disagreements.add(shape.name() + ": simulation " + sim);
            if (!kernelAccepts && shape.refusal() != null) {
                if (!kernel.contains(shape.refusal())) disagreements.add(shape.name() + ": kernel log lacks '" + shape.refusal() + "':\n" + kernel);
                if (!sim.ok() && !sim.errors().get(0).kernelMessage().startsWith(shape.refusal()))
                    disagreements.add(shape.name() + ": simulation says '" + sim.errors().get(0).kernelMessage() + "'");
            }
        }
        assertEquals(List.of(), disagreements);
    }

    /** A kfunc this kernel lacks is named in a one-line error before anything is loaded. */
    @Test
    void aMissingKernelFunctionIsNamed() {
        KernelCheck.require();
        BpfObject obj = object(new Shape("missing", List.of(cat(it(-8), callKernel("bpf_no_such_function"), PASS)), null));
        BpfException e = assertThrows(BpfException.class, () -> new Loader().load(obj).close());
        assertEquals("program \"missing\" calls kernel function bpf_no_such_function, which this kernel ("
                + System.getProperty("os.version") + ") does not have", e.getMessage());
    }

    /** The kernel and the simulation both stop after a few iterations of 100,000, within the simulation's margin. */
    @Test
    void aLongLoopConvergesInAFewIterations() {
        KernelCheck.require();
        for (Shape shape : shapes().subList(0, 3)) {
            VerifierResult sim = Verifier.verifyAll(object(shape)).get(0);
            int kernel;
            try (LoadedObject loaded = new Loader().load(object(shape))) {
                kernel = ProgramInfo.of(loaded.programs().get(0).fd()).verifiedInsns();
            }
            System.out.println(shape.name() + ": kernel processed " + kernel + " insns, simulation " + sim.processedInsns());
            assertTrue(sim.ok(), sim.toString());
            assertTrue(kernel < 500 && sim.processedInsns() < 500, shape.name() + ": kernel " + kernel + ", simulation " + sim.processedInsns());
            assertTrue(kernel <= sim.processedInsns() * 2, shape.name() + ": kernel " + kernel + ", simulation " + sim.processedInsns());
        }
    }
}
