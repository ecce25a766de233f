package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectFiles;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.VerifierException;
import org.jbpf.runtime.BpfMap;
import org.jbpf.testsupport.Tools;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's two loads of a program, with its BTF and then without, against the real verifier: a program refused
 * only for its BTF loads without it and says so; a program refused both ways is explained by the load that carried
 * the BTF, which is the program the user wrote (with its global functions verified as such), not by the load without.
 */
class RefusedWithBtfKernelTest {
    @TempDir Path dir;

    @BeforeEach void kernel() { Kernel.require(); }

    @Test void aProgramRefusedOnlyForItsBtfLoadsWithoutItAndSaysSo() {
        BpfObject sound = Translator.translate("org.jbpf.examples.PerCpuCounters", Translator.ClassSource.of(getClass().getClassLoader()),
                Translator.Options.DEFAULT);
        ProgramSpec p = sound.programs().get(0);
        assertFalse(p.funcInfos().isEmpty(), "the translator describes the program's function in BTF");
        int notAFunction = firstOfKind(sound.btf(), BtfType.IntType.class);
        List<ProgramSpec.FuncInfo> wrong = new ArrayList<>();
        for (ProgramSpec.FuncInfo f : p.funcInfos()) wrong.add(new ProgramSpec.FuncInfo(f.insnOff(), notAFunction));
        ProgramSpec damaged = new ProgramSpec(p.name(), p.section(), p.insns(), wrong, p.coreRelocations());
        BpfObject object = new BpfObject(sound.name(), sound.license(), sound.maps(), List.of(damaged), sound.btf(), sound.globals());
        try (BPF bpf = BPF.load(object).attachAll()) {
            assertEquals(List.of("program " + p.name() + ": rejected with its BTF line info; retried without it"), bpf.warnings());
            BpfMap<Integer, Long> perProcess = bpf.map("perProcess", Integer.class, Long.class);
            for (int i = 0; i < 3; i++) Kernel.getppid();
            assertEquals(3L, perProcess.getAggregated(Kernel.pid()), "the program loaded without BTF runs");
        }
    }

    @Test void aProgramRefusedBothWaysIsExplainedByTheVerifierNotByItsMissingBtf() throws Exception {
        Path c = dir.resolve("global_function_refused.c"), o = dir.resolve("global_function_refused.o");
        try (InputStream in = getClass().getResourceAsStream("/loader/global_function_refused.c")) {
            Files.write(c, in.readAllBytes());
        }
        Tools.check(Tools.find("clang-19") != null ? "clang-19" : "clang", "-O2", "-g", "-target", "bpf", "-c", c.toString(), "-o", o.toString());
        BpfObject withBtf = ObjectFiles.read(o);
        VerifierException e = assertThrows(VerifierException.class, () -> BPF.load(withBtf).close());
        assertTrue(e.getMessage().startsWith("the kernel verifier rejected program \"refused\" (section tracepoint/syscalls/"
                + "sys_enter_getppid) at " + c + ":20 (return (int) v[index & 15];), instruction "), e.getMessage());
        assertTrue(e.getMessage().contains("invalid access to map value, value_size=8 off=120 size=8"), e.getMessage());

        // Without its BTF the kernel cannot tell that read_past is a global function: it verifies the call with index 9
        // and refuses a read at offset 72. The message above is the verdict on the global function alone, index
        // unknown (0 to 15, so up to offset 120): the load that carried the BTF.
        BpfObject without = new BpfObject(withBtf.name(), withBtf.license(), withBtf.maps(), withBtf.programs(), null, withBtf.globals());
        VerifierException bare = assertThrows(VerifierException.class, () -> BPF.load(without).close());
        assertTrue(bare.getMessage().contains("invalid access to map value, value_size=8 off=72 size=8"), bare.getMessage());
    }

    /** The id of the first type of class {@code kind} in {@code btf}. */
    private static int firstOfKind(Btf btf, Class<? extends BtfType> kind) {
        for (int id = 1; id <= btf.types().size(); id++) if (kind.isInstance(btf.type(id))) return id;
        throw new AssertionError("no " + kind.getSimpleName() + " in the object's BTF");
    }
}
