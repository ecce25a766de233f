package org.jbpf.it.examples;

import org.jbpf.it.KernelCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The objects jbpf writes are ordinary BPF ELF files: stock bpftool (libbpf) loads every example, those with labelled
 * sections ({@code perf_event/cpu-clock-99hz}, {@code xdp/firewall}, {@code tc/ingress}) included, and its dump of the
 * translated code shows the Java source lines from the BTF line info.
 */
class BpftoolLoadsExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler", "PerCpuCounters",
            "ExecPerfEvents", "ExecRingEvents", "HelloPrintk", "PidOpens", "ReadSizes", "Profile", "net.XdpFirewall", "net.FlowBytes",
            "net.EgressBytes"})
    void bpftoolLoadsAndShowsJavaLines(String example) throws Exception {
        KernelCheck.require();
        org.jbpf.testsupport.Tools.require("bpftool");
        BpfObject o = Translator.translate("org.jbpf.examples." + example,
                Translator.ClassSource.of(getClass().getClassLoader()),
                new Translator.Options(List.of(Path.of("../examples/src/main/java"))));
        Path obj = Files.createTempFile("jbpf-" + example, ".o");
        Path pin = Path.of("/sys/fs/bpf/jbpf-it-" + example.replace('.', '-') + "-" + ProcessHandle.current().pid());
        try {
            Files.write(obj, ObjectWriter.write(o));
            Result load = bpftool("prog", "loadall", obj.toString(), pin.toString());
            assertEquals(0, load.code, "bpftool prog loadall " + example + ":\n" + load.out);
            for (ProgramSpec p : o.programs()) {
                Result dump = bpftool("prog", "dump", "xlated", "pinned", pin.resolve(p.name()).toString());
                assertEquals(0, dump.code, dump.out);
                // a line of the Java source, as written in the example, appears as a comment in the dump
                String javaLine = p.insns().get(0).source().text();
                assertTrue(dump.out.contains("; " + javaLine), "dump of " + p.name() + " shows '" + javaLine + "':\n" + dump.out);
            }
        } finally {
            Files.deleteIfExists(obj);
            if (Files.exists(pin)) {
                try (var s = Files.list(pin)) { for (Path f : (Iterable<Path>) s::iterator) Files.deleteIfExists(f); }
                Files.deleteIfExists(pin);
            }
        }
    }

    record Result(int code, String out) {}

    static Result bpftool(String... args) throws Exception {
        org.jbpf.testsupport.Tools.Result r = org.jbpf.testsupport.Tools.bpftool(args);
        return new Result(r.exitCode(), r.output());
    }
}
