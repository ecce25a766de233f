package org.jbpf.it.globals;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte array globals on the kernel: a name set at load selects the thread counted; the program writes arrays in place. */
class ByteGlobalsKernelTest {
    static void callsFrom(String name, int n) throws InterruptedException {
        Thread t = new Thread(() -> {
            for (int i = 0; i < n; i++) GlobalsKernelTest.LibC.INSTANCE.getppid();
        }, name);
        t.start();
        t.join();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNameSetAtLoadSelectsTheThread(Backend backend) throws Exception {
        KernelCheck.require();
        byte[] name = "jbpf-bytes".getBytes(StandardCharsets.US_ASCII);
        try (BPF bpf = BPF.builder(backend.translate(ByteGlobals.class)).constant("target", name).loadAndAttach()) {
            assertArrayEquals(new byte[] {'j', 'b', 'p', 'f'}, bpf.global("tag").bytes(), ".data starts with the initialiser");
            callsFrom("jbpf-other", 30);
            callsFrom("jbpf-bytes", 50);
            callsFrom("jbpf-bytes2", 20);
            assertEquals(50L, bpf.global("matched").getLong());
            assertArrayEquals(Arrays.copyOf(name, 16), bpf.global("lastComm").bytes());
            assertArrayEquals(new byte[] {'J', 'b', 'p', 'f'}, bpf.global("tag").bytes(), "the program wrote tag[0]");
            assertEquals(50L, bpf.global("tagged").getLong());
            bpf.global("tag").set(new byte[] {'x'});
            callsFrom("jbpf-bytes", 5);
            assertArrayEquals(new byte[] {'J', 0, 0, 0}, bpf.global("tag").bytes(), "Java's write, then the program's");
            assertEquals(50L, bpf.global("tagged").getLong(), "\"J\\0\\0\\0\" is not \"Jbpf\"");
        }
    }

    @Test
    void simulatorAcceptsItAndTooLongAConstantIsRefused() {
        for (VerifierResult r : Verifier.verifyAll(Translator.translate(ByteGlobals.class))) assertTrue(r.ok(), r.toString());
        assertEquals("constant target of ByteGlobals holds 16 bytes; 17 do not fit", assertThrows(IllegalArgumentException.class,
                () -> BPF.builder(Translator.translate(ByteGlobals.class)).constant("target", new byte[17]).object()).getMessage());
    }
}
