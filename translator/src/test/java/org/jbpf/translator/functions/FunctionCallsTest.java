package org.jbpf.translator.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** Which static calls become BPF functions, what they look like, and every refusal word for word. */
class FunctionCallsTest {
    static BpfObject translate(String probe) {
        return Translator.translate("org.jbpf.translator.functions.FunctionProbes$" + probe,
                Translator.ClassSource.of(FunctionCallsTest.class.getClassLoader()));
    }

    static long calls(ProgramSpec p, String function) {
        return p.insns().stream().filter(i -> i.isLocalCall() && function.equals(i.reference())).count();
    }

    static String refusal(String probe) {
        return assertThrows(TranslationException.class, () -> translate(probe)).getMessage();
    }

    @Test
    void aLargeMethodCalledFromFivePlacesBecomesAFunctionASmallOneIsInlined() {
        ProgramSpec p = translate("Choices").programs().get(0);
        assertEquals(5, calls(p, "big"));
        assertEquals(0, calls(p, "small"));
        assertEquals(2, p.funcInfos().size(), "the program and big");
        assertEquals(0, p.funcInfos().get(0).insnOff());
        for (VerifierResult r : Verifier.verifyAll(translate("Choices"))) assertTrue(r.ok(), r.toString());
    }

    @Test
    void aMethodCalledOnceOrMarkedInlineIsInlined() {
        assertEquals(1, translate("CalledOnce").programs().get(0).funcInfos().size());
        ProgramSpec p = translate("ForcedInline").programs().get(0);
        assertEquals(1, p.funcInfos().size());
        assertEquals(0, p.insns().stream().filter(Insn::isLocalCall).count());
    }

    @Test
    void aLambdaRunsAsALoopBody() {
        BpfObject obj = translate("LambdaBody");
        ProgramSpec p = obj.programs().get(0);
        assertEquals(1, p.insns().stream().filter(i -> i.isHelperCall() && i.imm() == HelperTable.LOOP).count());
        assertEquals(2, p.funcInfos().size());
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        // the body stops after index 4: five iterations adding 0 + 1 + 2 + 3 + 4
        assertEquals(5 + 10, new Interpreter(obj).run("run", new byte[64]));
    }

    @Test
    void aCapturingLambdaGetsItsCapturesThroughTheLoopContext() {
        BpfObject obj = translate("CapturingLambda");
        ProgramSpec p = obj.programs().get(0);
        assertEquals(1, p.insns().stream().filter(i -> i.isHelperCall() && i.imm() == HelperTable.LOOP).count());
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        // ten iterations each adding the captured k = 0 + 3 to the state, plus the count of iterations
        assertEquals(10 + 30, new Interpreter(obj).run("run", new byte[64]));
    }

    @Test
    void refusalsNameTheCallAndWhatToDo() {
        assertEquals("FunctionProbes.java:81: method both is marked both @Inline and @NoInline; keep one", refusal("BothMarks"));
        assertEquals("FunctionProbes.java:95: @NoInline method fromMap cannot be a BPF function: argument 1 is map out; pass numbers, "
                + "the context or @Struct references (at most five), or remove @NoInline", refusal("MapArgument"));
        assertEquals("FunctionProbes.java:106: @NoInline method six cannot be a BPF function: it has 6 parameters, more than BPF's five "
                + "argument registers; pass numbers, the context or @Struct references (at most five), or remove @NoInline", refusal("SixParameters"));
        assertEquals("FunctionProbes.java:118: @NoInline method same cannot be a BPF function: it returns a reference; BPF functions "
                + "return numbers; pass numbers, the context or @Struct references (at most five), or remove @NoInline", refusal("ReturnsReference"));
        assertEquals("FunctionProbes.java:154: the state of Loops.repeat must be a local @Struct made with new (or null), not reference to "
                + "FunctionProbes.Counter from counters.lookup(..); the kernel passes the loop body a pointer to the program's stack only", refusal("MapValueState"));
    }

    @Test
    void theStackOfACallChainIsCheckedAsTheKernelDoes() {
        assertEquals("FunctionProbes.java:130: the calls run → fill need 528 bytes of stack together (each function's frame rounded up "
                + "to 16) but BPF allows 512 for one chain of calls; mark a function @Inline, use smaller local structs, or keep data in "
                + "a per-CPU array map", refusal("DeepStack"));
    }
}
