package org.jbpf.it.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects with BPF functions and bpf_loop bodies as files: libbpf ({@code bpftool prog loadall}) loads them with
 * each function named by its BTF, and jbpf's reader reads them back into programs that compute the JVM's results.
 */
class FunctionsObjectTest {
    @TempDir Path tmp;

    static long expectedSum(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) s += SharedFunctions.score(i);
        return s;
    }

    @Test
    void bpftoolLoadsFunctionsAndLoopBodies() throws Exception {
        Tools.requireRoot();
        Tools.requireTool("bpftool");
        Path obj = tmp.resolve("SharedFunctions.o");
        Files.write(obj, ObjectWriter.write(Backend.DIRECT.translate(SharedFunctions.class)));
        Path pins = Tools.pinDir("functions");
        try {
            Tools.check("bpftool", "prog", "loadall", obj.toString(), pins.toString());
            assertTrue(Files.exists(pins.resolve("packet")) && Files.exists(pins.resolve("getppid")), "both programs pinned");
            String xlated = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve("packet").toString());
            assertTrue(xlated.contains("int packet(void * ctx):"), xlated);
            assertTrue(xlated.contains("long score(long x):"), "the function, named by its BTF:\n" + xlated);
            assertTrue(xlated.contains("long addScore(int index, void * sum):"), "the loop body:\n" + xlated);
            // the kernel inlines bpf_loop with a constant body into a loop calling it
            assertTrue(xlated.matches("(?s).*call pc[+-]\\d+#bpf_prog_\\w+_addScore.*"), "the loop calls its body:\n" + xlated);
            assertTrue(xlated.contains("; return x * x + 3 * x + 1;"), "line info of the function:\n" + xlated);
        } finally {
            Tools.deleteTree(pins);
        }
    }

    @Test
    void readBackObjectComputesWhatTheJvmComputes() {
        KernelCheck.require();
        byte[] elf = ObjectWriter.write(Backend.DIRECT.translate(SharedFunctions.class));
        BpfObject read = ObjectReader.read(elf, "SharedFunctions");
        try (BPF bpf = BPF.load(read, SharedFunctions.class)) {
            BpfMap<Integer, Long> out = bpf.map(SharedFunctions.out);
            for (int length : new int[] {14, 64, 1500}) {
                assertEquals(2, bpf.program("packet").testRun(new byte[length], 1).retval());
                assertEquals(expectedSum(length), out.get(0), "sum for " + length);
                assertEquals(SharedFunctions.score(length), out.get(1));
            }
        }
    }
}
