package org.jbpf.translator.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.translator.Translator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kernel structs read by name through LLVM: the object has the direct backend's CO-RE records (kind, struct, field),
 * each on an instruction holding the same local constant, no stand-in constant of the inline assembly is left, and the
 * verifier simulation relocates and accepts it.
 */
class CoreThroughLlvmTest {
    @ParameterizedTest
    @ValueSource(strings = {"kernel.ExecSnoop"})
    void coreRecordsMatchTheDirectBackends(String example) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        byte[] classFile = classes.read("org/jbpf/examples/" + example.replace('.', '/'));
        BpfObject direct = Translator.translate(classFile, classes, ExamplesThroughLlvmTest.OPTIONS);
        BpfObject llvm = LlvmBackend.translate(classFile, classes, ExamplesThroughLlvmTest.OPTIONS);
        boolean any = false;
        for (ProgramSpec d : direct.programs()) {
            ProgramSpec l = llvm.program(d.name()).orElseThrow();
            List<String> want = records(direct, d), got = records(llvm, l);
            any |= !want.isEmpty();
            assertEquals(new java.util.TreeSet<>(want), new java.util.TreeSet<>(got), "CO-RE records of " + d.name());
            for (Insn in : l.insns()) {
                assertFalse(in.imm() >= CoreMarks.IMM_BASE && in.imm() < CoreMarks.IMM_BASE + CoreMarks.MAX, "stand-in left: " + in);
                assertTrue(in.reference() == null || !in.reference().startsWith("core:"), "mark left: " + in);
            }
        }
        assertTrue(any, example + " reads kernel structs");
        for (VerifierResult r : Verifier.verifyAll(llvm)) assertTrue(r.ok(), r.toString());
    }

    /** Each record as kind, struct, access and the local constant of its instruction (offset of a load, else immediate). */
    static List<String> records(BpfObject object, ProgramSpec p) {
        List<String> out = new ArrayList<>();
        for (ProgramSpec.CoreRelocation r : p.coreRelocations()) {
            Insn in = p.insns().get(r.insn());
            long constant = (in.opcode() & 0x07) == 0x01 ? in.off() : in.imm();
            String struct = ((BtfType.Struct) object.btf().type(r.localTypeId())).name();
            out.add(r.kind() + " " + struct + " " + r.access() + " " + constant);
        }
        return out;
    }
}
