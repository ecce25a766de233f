package org.jbpf.it.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.events.RingBufferReader;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.kernel.probes.LibcArguments;
import org.jbpf.it.kernel.probes.LibcCall;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uprobe function arguments by position with their Java type, on the running kernel: this JVM calls libc's
 * posix_fadvise, access and lseek through JNA with distinctive values, and the typed parameters of
 * {@link LibcArguments}'s programs read back exactly those values: ints and longs whole, a pointer read as a string,
 * narrower types truncated and extended as a Java cast would, and the uretprobe's int result. The verifier simulation
 * accepts the programs the kernel loads.
 */
class UprobeArgumentsKernelTest {
    /** The libc functions the test calls, as JNA binds them. */
    public interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int posix_fadvise(int fd, long offset, long length, int advice);

        int access(String path, int mode);

        long lseek(int fd, long offset, int whence);
    }

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void typedParametersAreTheArgumentsTheFunctionGot(Backend backend) throws Exception {
        int pid = (int) ProcessHandle.current().pid();
        String path = "/nonexistent/jbpf-uprobe-" + backend + "-" + System.nanoTime();
        BpfObject obj = backend.translate(LibcArguments.class);
        List<VerifierResult> simulated = Verifier.verifyAll(obj);
        assertEquals(4, simulated.size());
        for (VerifierResult r : simulated) assertTrue(r.ok(), "verifier simulation: " + r);
        try (BPF bpf = BPF.builder(obj, LibcArguments.class).constant("targetPid", pid).loadAndAttach()) {
            List<LibcCall> got = new ArrayList<>();
            try (RingBufferReader<LibcCall> reader = bpf.ringBuffer(LibcArguments.calls, LibcCall.class, got::add)) {
                int fadvised = LibC.INSTANCE.posix_fadvise(-5, 0x1_2345_6789L, -7L, 4);
                int accessed = LibC.INSTANCE.access(path, 6);
                long seeked = LibC.INSTANCE.lseek(-5, 0x1_0000_0181L, 0xFFFE);
                assertEquals(9, fadvised, "posix_fadvise on a bad descriptor returns EBADF");
                assertEquals(-1, accessed);
                assertEquals(-1L, seeked);
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < deadline && (find(got, 1, path) == null || find(got, 2, path) == null
                        || find(got, 3, path) == null || find(got, 4, path) == null)) reader.poll(50);

                LibcCall fadvise = find(got, 1, path);
                assertEquals(List.of(pid, -5, 0x1_2345_6789L, -7L, 4),
                        List.of(fadvise.pid, fadvise.fd, fadvise.offset, fadvise.length, fadvise.advice), "posix_fadvise's arguments");
                assertEquals(9, find(got, 2, path).result, "posix_fadvise's result in the uretprobe");
                LibcCall access = find(got, 3, path);
                assertEquals(List.of(path, 6), List.of(text(access.path), access.advice), "access's path pointer and mode");
                LibcCall lseek = find(got, 4, path);
                assertEquals(List.of((short) -5, (byte) 0x81, (char) 0xFFFE, -5, 0xFFFE),
                        List.of(lseek.shortFd, lseek.byteOffset, lseek.charWhence, lseek.fd, lseek.advice),
                        "lseek's arguments read as short, byte and char, then widened");
            }
        }
    }

    /** The call of the given program with the test's values (this JVM makes other libc calls too). */
    private static LibcCall find(List<LibcCall> got, int program, String path) {
        for (LibcCall c : got) {
            boolean ours = switch (program) {
                case 1 -> c.fd == -5 && c.advice == 4;
                case 2 -> c.result == 9;
                case 3 -> text(c.path).equals(path);
                default -> c.shortFd == -5 && c.charWhence == 0xFFFE;
            };
            if (c.program == program && ours) return c;
        }
        return null;
    }

    private static String text(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
