package org.jbpf.it.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.translator.Translator;
import org.jbpf.translator.mir.MirObject;
import org.jbpf.translator.mir.MirProgram;
import org.jbpf.translator.llvm.LlvmBackend;
import org.jbpf.translator.llvm.LlvmToolchainBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stock bpftool (libbpf) loads every example as the LLVM backend translates it, BTF-defined maps and labelled
 * sections included, and its dump shows the Java source lines that came through LLVM's line info.
 */
class LlvmBpftoolLoadsExamplesTest {

    /** Every example {@code BpftoolLoadsExamplesTest} loads from the direct backend, as {@code jbpf translate --backend llvm} writes it. */
    @ParameterizedTest
    @ValueSource(strings = {"ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler", "PerCpuCounters",
            "ExecPerfEvents", "ExecRingEvents", "HelloPrintk", "PidOpens", "ReadSizes", "Profile", "net.XdpFirewall", "net.FlowBytes",
            "net.EgressBytes"})
    void bpftoolLoadsTheLlvmObject(String example) throws Exception {
        LlvmObjects.require();
        org.jbpf.testsupport.Tools.require("bpftool");
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        BpfObject o = new LlvmToolchainBackend().translate(classes.read("org/jbpf/examples/" + example.replace('.', '/')), classes, LlvmObjects.OPTIONS);
        Path obj = Files.createTempFile("jbpf-llvm-" + example, ".o");
        Path pin = Path.of("/sys/fs/bpf/jbpf-it-llvm-" + example.replace('.', '-') + "-" + ProcessHandle.current().pid());
        try {
            Files.write(obj, ObjectWriter.write(o));
            String[] load = bpftool("prog", "loadall", obj.toString(), pin.toString());
            assertEquals("0", load[0], "bpftool prog loadall " + example + ":\n" + load[1]);
            for (ProgramSpec p : o.programs()) {
                String[] dump = bpftool("prog", "dump", "xlated", "pinned", pin.resolve(p.name()).toString());
                assertEquals("0", dump[0], dump[1]);
                // the kernel holds LLVM's code with its helper calls (array lookups may be inlined by the kernel)
                assertTrue(dump[1].contains("exit"), dump[1]);
                long calls = p.insns().stream().filter(i -> i.isHelperCall()).count();
                long dumped = dump[1].lines().filter(l -> l.contains(") call ")).count();
                String javaLine = p.insns().get(0).source().text();
                assertTrue(dump[1].contains("; " + javaLine), "dump of " + p.name() + " shows '" + javaLine + "':\n" + dump[1]);
                assertTrue(dumped <= calls && (calls == 0) == (dumped == 0), calls + " helper calls in the object, " + dumped + " in\n" + dump[1]);
            }
        } finally {
            Files.deleteIfExists(obj);
            if (Files.exists(pin)) {
                try (var s = Files.list(pin)) { for (Path f : (Iterable<Path>) s::iterator) Files.deleteIfExists(f); }
                Files.deleteIfExists(pin);
            }
        }
    }

    /** The object exactly as LLVM's BPF target wrote it, BTF-defined maps and line info from LLVM's debug info. */
    @ParameterizedTest
    @ValueSource(strings = {"ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler", "PerCpuCounters",
            "ExecPerfEvents", "ExecRingEvents", "HelloPrintk"})
    void bpftoolLoadsLlvmsOwnObject(String example) throws Exception {
        LlvmObjects.require();
        org.jbpf.testsupport.Tools.require("bpftool");
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        byte[] classFile = classes.read("org/jbpf/examples/" + example);
        MirObject ir = Translator.translateToMir(classFile, classes, LlvmObjects.OPTIONS);
        byte[] elf = LlvmBackend.compile(ir, LlvmBackend.sourceDirectory(classFile, ir, LlvmObjects.OPTIONS));
        Path obj = Files.createTempFile("jbpf-llvm-raw-" + example, ".o");
        Path pin = Path.of("/sys/fs/bpf/jbpf-it-llvm-raw-" + example + "-" + ProcessHandle.current().pid());
        try {
            Files.write(obj, elf);
            String[] load = bpftool("prog", "loadall", obj.toString(), pin.toString());
            assertEquals("0", load[0], "bpftool prog loadall of LLVM's object for " + example + ":\n" + load[1]);
            assertFalse(load[1].contains("Error loading .BTF"), "the kernel takes LLVM's BTF:\n" + load[1]);
            for (MirProgram p : ir.programs()) {
                String[] dump = bpftool("prog", "dump", "xlated", "pinned", pin.resolve(p.name()).toString());
                assertEquals("0", dump[0], dump[1]);
                String javaLine = p.code().stream().filter(i -> i.line() != null).findFirst().orElseThrow().line().text().strip();
                assertTrue(dump[1].contains("; " + javaLine), "dump of " + p.name() + " shows '" + javaLine + "':\n" + dump[1]);
            }
        } finally {
            Files.deleteIfExists(obj);
            if (Files.exists(pin)) {
                try (var s = Files.list(pin)) { for (Path f : (Iterable<Path>) s::iterator) Files.deleteIfExists(f); }
                Files.deleteIfExists(pin);
            }
        }
    }

    static String[] bpftool(String... args) throws Exception {
        org.jbpf.testsupport.Tools.Result r = org.jbpf.testsupport.Tools.bpftool(args);
        return new String[] {Integer.toString(r.exitCode()), r.output()};
    }
}
