package org.jbpf.translator.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.translator.Translator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example translates through LLVM into an object with the direct backend's maps, programs and sections. */
class ExamplesThroughLlvmTest {
    static final Translator.Options OPTIONS = new Translator.Options(List.of(Path.of("../examples/src/main/java")));

    static byte[] classFile(String example) throws Exception {
        return Translator.ClassSource.of(ExamplesThroughLlvmTest.class.getClassLoader()).read("org/jbpf/examples/" + example);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler", "PerCpuCounters",
            "ExecPerfEvents", "ExecRingEvents", "HelloPrintk"})
    void exampleTranslatesThroughLlvm(String example) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        BpfObject direct = Translator.translate(classFile(example), classes, OPTIONS);
        BpfObject llvm = LlvmBackend.translate(classFile(example), classes, OPTIONS);

        assertEquals(direct.license(), llvm.license());
        assertEquals(direct.maps(), llvm.maps(), "maps with their BTF key and value types");
        assertEquals(direct.programs().size(), llvm.programs().size());
        for (ProgramSpec d : direct.programs()) {
            ProgramSpec l = llvm.program(d.name()).orElseThrow();
            assertEquals(d.section(), l.section());
            assertEquals(d.funcInfos(), l.funcInfos(), "BTF FUNC of " + d.name());
            assertTrue(l.insns().get(l.insns().size() - 1).isExit() || l.insns().stream().anyMatch(Insn::isExit), "exits");
            // LLVM's line info, with the translator's source text: the first instruction has a Java line
            assertTrue(l.insns().get(0).source() != null && l.insns().get(0).source().file().equals(example + ".java")
                    && !l.insns().get(0).source().text().isBlank(), "Java line of " + d.name() + ": " + l.insns().get(0).source());
            // map references survive LLVM as relocations against the map symbols
            assertEquals(mapRefs(d), mapRefs(l), "maps referenced by " + d.name());
            System.out.printf("%s.%s: direct %d slots, llvm %d slots%n", example, d.name(),
                    Insn.slotOffsets(d.insns())[d.insns().size()], Insn.slotOffsets(l.insns())[l.insns().size()]);
        }
        // LLVM's own object declares the maps as BTF-defined .maps from its debug info
        byte[] classFile = classFile(example);
        var ir = Translator.translateToMir(classFile, classes, OPTIONS);
        BpfObject raw = ObjectReader.read(LlvmBackend.compile(ir, LlvmBackend.sourceDirectory(classFile, ir, OPTIONS)), example + ".llvm.o");
        assertEquals(direct.maps().size(), raw.maps().size());
        for (var d : direct.maps()) {
            var r = raw.map(d.name()).orElseThrow();
            assertEquals(List.of(d.type(), d.keySize(), d.valueSize(), d.maxEntries(), d.flags()),
                    List.of(r.type(), r.keySize(), r.valueSize(), r.maxEntries(), r.flags()), "map " + d.name() + " in LLVM's BTF");
            assertEquals(d.btfValueType() != 0, r.btfValueType() != 0, "map " + d.name() + " value type in LLVM's BTF");
            if (d.btfValueType() != 0)
                assertEquals(direct.btf().sizeOf(d.btfValueType()), raw.btf().sizeOf(r.btfValueType()), "value size from LLVM's BTF");
        }
        assertFalse(raw.programs().get(0).funcInfos().isEmpty(), "LLVM's func_info");
        // written with BTF-defined maps and read back unchanged
        BpfObject back = ObjectReader.read(ObjectWriter.write(llvm), example);
        assertEquals(llvm.maps(), back.maps());
        for (ProgramSpec p : llvm.programs()) {
            VerifierResult r = Verifier.verify(llvm, p);
            assertTrue(r.ok(), example + "." + p.name() + " through LLVM:\n" + r + "\n" + Disassembler.listing(p.insns()));
        }
    }

    private static List<String> mapRefs(ProgramSpec p) {
        return p.insns().stream().filter(i -> i.reference() != null).map(Insn::reference).distinct().sorted().toList();
    }
}
