package org.jbpf.it.strings;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Strings.equals and Strings.startsWith on the kernel: a tracepoint counts only the getppid calls of threads whose
 * name (comm) equals, or starts with, a literal; and names Java stores in a map compare as the JVM compares them.
 */
class StringsKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
        int getpgid(int pid);
    }

    /** Runs n getppid calls on a thread with this name (the JVM gives it to the kernel as the thread's comm). */
    static void callsFrom(String name, int n) throws InterruptedException {
        Thread t = new Thread(() -> {
            for (int i = 0; i < n; i++) LibC.INSTANCE.getppid();
        }, name);
        t.start();
        t.join();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void countsOnlyTheThreadsWhoseNameMatches(Backend backend) throws Exception {
        KernelCheck.require();
        try (BPF bpf = backend.loadAndAttach(CommMatch.class)) {
            callsFrom("jbpf-strings", 300);
            callsFrom("jbpf-strings2", 200);
            callsFrom("jbpf-stx", 100);
            callsFrom("other", 100);
            assertEquals(300L, bpf.global("exact").getLong(), "equals: only the thread named exactly jbpf-strings");
            assertEquals(500L, bpf.global("prefixed").getLong(), "startsWith jbpf-str: jbpf-strings and jbpf-strings2");
            assertEquals(0L, bpf.global("named").getLong(), "a literal longer than comm never matches");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storedNamesCompareAsInTheJvm(Backend backend) throws Exception {
        KernelCheck.require();
        String[] names = {"bash", "bash\0junk", "bashful", "bas", "", "/etc/passwd", "/etc", "/etc/", "0123456789abcdef", "0123456789abcde"};
        try (BPF bpf = backend.loadAndAttach(CommMatch.class)) {
            for (String name : names) {
                CommMatch.Name n = new CommMatch.Name();
                n.text = Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 16);
                bpf.map(CommMatch.names).put(0, n);
                bpf.global("results").set(-1);
                LibC.INSTANCE.getpgid(0);
                assertEquals(StringsSimulationTest.expected(n.text), bpf.global("results").getLong(), "name \"" + name + "\"");
            }
        }
    }
}
