package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
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
 * printk's %s of texts helpers filled prints, in the kernel's trace buffer, Java's meaning of the array: the running
 * thread's comm as /proc names it, a user string cut to the array's 15 bytes and its NUL, an empty text where the
 * kernel string read fails, and texts written after the helper (a NUL-free array on one branch, bytes padded through
 * an alias, a loop's second turn) ended at the array's end. For the first kinds printk is given the array itself.
 */
class PrintkHelperTextKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void helperFilledTextsPrintUpToTheirNulOrTheArraysEnd(Backend backend) throws Exception {
        var object = backend.translate(PrintkHelperText.class);
        KernelCheck.require();
        Path trace = Files.isDirectory(Path.of("/sys/kernel/tracing/events")) ? Path.of("/sys/kernel/tracing/trace")
                : Path.of("/sys/kernel/debug/tracing/trace");
        assertEquals("1", Files.readString(trace.resolveSibling("tracing_on")).trim(), "the trace buffer must be on for this test");
        Random random = new Random(backend.ordinal() * 7919L + System.nanoTime());
        String comm = Files.readString(Path.of("/proc/thread-self/comm")).trim();
        String padded = (comm + ".".repeat(16)).substring(0, 16);
        String turned = (comm + "-".repeat(15)).substring(0, 15) + "+";
        int found = 0;
        Memory user = new Memory(64);
        try (BPF bpf = BPF.load(object, PrintkHelperText.class)) {
            for (int round = 0; round < 8; round++) {
                long tag = random.nextLong() & Long.MAX_VALUE;
                long branch = round % 2;
                // a string of 10 to 40 letters: longer ones are cut to 15 and the helper's NUL
                StringBuilder s = new StringBuilder();
                for (int k = 10 + random.nextInt(31); k > 0; k--) s.append((char) ('a' + random.nextInt(26)));
                user.setString(0, s.toString(), "US-ASCII");
                bpf.map(PrintkHelperText.in).put(0, tag);
                bpf.map(PrintkHelperText.in).put(1, branch);
                bpf.map(PrintkHelperText.in).put(2, com.sun.jna.Pointer.nativeValue(user));
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                Set<String> lines = messages(trace);
                String userText = s.length() > 15 ? s.substring(0, 15) : s.toString();
                for (String line : List.of("jbpf-hc-comm " + tag + " [" + comm + "]", "jbpf-hc-padded " + tag + " [" + padded + "]",
                        "jbpf-hc-branch " + tag + " [" + (branch == 0 ? comm : "Q".repeat(16)) + "]",
                        "jbpf-hc-turn0 " + tag + " [" + comm + "]", "jbpf-hc-turn1 " + tag + " [" + turned + "]",
                        "jbpf-hc-user " + tag + " [" + userText + "]", "jbpf-hc-kernel " + tag + " []")) {
                    assertTrue(lines.contains(line), "no trace line \"" + line + "\" (" + backend + ") among " + lines);
                    found++;
                }
            }
        }
        assertEquals(56, found);
    }

    /** The printk messages of this probe in the trace buffer now. */
    private static Set<String> messages(Path trace) throws java.io.IOException {
        Set<String> lines = new HashSet<>();
        for (String line : Files.readAllLines(trace, StandardCharsets.ISO_8859_1)) {
            int message = line.indexOf(": jbpf-hc-");
            if (message >= 0) lines.add(line.substring(message + 2));
        }
        return lines;
    }
}
