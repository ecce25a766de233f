package org.jbpf.it.llvm;

import org.jbpf.it.KernelCheck;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.Translator;
import org.jbpf.translator.llvm.LlvmBackend;
import org.junit.jupiter.api.Assumptions;

/** Probes translated through the LLVM backend, and the kernel check every test here starts with. */
final class LlvmObjects {
    private LlvmObjects() {}

    static final Translator.Options OPTIONS = new Translator.Options(List.of(Path.of("../examples/src/main/java"), Path.of("src/test/java")));

    static BpfObject translate(Class<?> probe) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(probe.getClassLoader());
        return LlvmBackend.translate(classes.read(probe.getName().replace('.', '/')), classes, OPTIONS);
    }

    /** Loads the probe's LLVM translation and attaches its programs, like {@code BPF.loadAndAttach} does for the direct one. */
    static BPF loadAndAttach(Class<?> probe) throws Exception {
        BPF bpf = BPF.load(translate(probe), probe);
        try {
            return bpf.attachAll();
        } catch (RuntimeException e) {
            bpf.close();
            throw e;
        }
    }

    /** Kernel and LLVM: skipped with the reason when either is missing, failed instead under JBPF_REQUIRE_KERNEL=1. */
    static void require() {
        org.jbpf.it.KernelCheck.require();
        String reason = LlvmBackend.unavailableReason();
        if (reason != null) org.jbpf.testsupport.Skip.because("llvm", reason);
    }
}
