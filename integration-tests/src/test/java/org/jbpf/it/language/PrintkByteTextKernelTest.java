package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * printk's %s given byte[] texts prints in the trace buffer what Java's meaning of the text is: its bytes up to the first
 * NUL, or all of them when the array has none (the kernel would read on past the array). Texts with a NUL at every
 * place and none, from a local array, a map value's field and the task's comm, on both backends.
 */
class PrintkByteTextKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void percentSPrintsTheTextUpToItsFirstNul(Backend backend) throws Exception {
        var object = backend.translate(PrintkByteText.class);
        KernelCheck.require();
        Path trace = Files.isDirectory(Path.of("/sys/kernel/tracing/events")) ? Path.of("/sys/kernel/tracing/trace")
                : Path.of("/sys/kernel/debug/tracing/trace");
        assertEquals("1", Files.readString(trace.resolveSibling("tracing_on")).trim(), "the trace buffer must be on for this test");
        Random random = new Random(backend.ordinal() * 7919L + System.nanoTime());
        int found = 0;
        try (BPF bpf = BPF.load(object, PrintkByteText.class)) {
            String comm = Files.readString(Path.of("/proc/thread-self/comm")).trim();
            for (int round = 0; round < 40; round++) {
                long tag = random.nextLong() & Long.MAX_VALUE;
                byte[] text = printable(random, 16);
                if (round < 16) text[round] = 0; else if (round < 24) text[random.nextInt(16)] = 0;
                long a = 0, b = 0;
                for (int k = 7; k >= 0; k--) {
                    a = a << 8 | (text[k] & 0xff);
                    b = b << 8 | (text[k + 8] & 0xff);
                }
                PrintkByteText.Label label = new PrintkByteText.Label();
                label.name = printable(random, 12);
                if (round % 3 == 0) label.name[random.nextInt(12)] = 0;
                bpf.map(PrintkByteText.in).put(0, tag);
                bpf.map(PrintkByteText.in).put(1, a);
                bpf.map(PrintkByteText.in).put(2, b);
                bpf.map(PrintkByteText.labels).put(0, label);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                byte[] local = PrintkByteText.local(a, b);
                // the trace buffer may be small: read it after each run, before other lines push these out
                Set<String> lines = messages(trace);
                for (String line : List.of("jbpf-text " + tag + " [" + PrintkByteText.text(local) + "]", "jbpf-comm [" + comm + "] " + tag,
                        "jbpf-two " + tag + " " + PrintkByteText.text(label.name) + "|" + PrintkByteText.text(local))) {
                    assertTrue(lines.contains(line), "no trace line \"" + line + "\" (" + backend + ")");
                    found++;
                }
            }
        }
        assertEquals(120, found);
    }

    /** The printk messages of this probe in the trace buffer now. */
    private static Set<String> messages(Path trace) throws java.io.IOException {
        Set<String> lines = new HashSet<>();
        for (String line : Files.readAllLines(trace, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            int message = line.indexOf(": jbpf-");
            if (message >= 0) lines.add(line.substring(message + 2));
        }
        return lines;
    }

    /** n printable ASCII bytes. */
    private static byte[] printable(Random random, int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) b[k] = (byte) (' ' + random.nextInt(95));
        return b;
    }
}
