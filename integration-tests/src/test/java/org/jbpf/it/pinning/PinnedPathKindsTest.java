package org.jbpf.it.pinning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.BPF;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening something that is not a pinned map as one says what it is: a pinned program, a plain file, a device, a
 * directory (this used to read a program's info as a map's, sizing buffers from garbage, or blame the verifier).
 */
class PinnedPathKindsTest {

    @Test
    void aPinnedProgramIsNamedAsSuch() {
        KernelCheck.require();
        Path pin = Path.of("/sys/fs/bpf/jbpf-test-prog-" + ProcessHandle.current().pid());
        try (BPF bpf = BPF.load(org.jbpf.translator.Translator.translate(RingFlood.class), RingFlood.class)) {
            BpfSyscalls.kernel().objPin(pin.toString(), bpf.program("produce").fd().value());
            try {
                BpfException e = assertThrows(BpfException.class, () -> BpfMap.openPinnedRaw(pin));
                assertEquals(pin + " is a pinned program, not a map", e.getMessage());
                // a pinned map next to it still opens, sized from the kernel's own description
                Path mapPin = Path.of(pin + "-counts");
                bpf.map(RingFlood.counts).pin(mapPin);
                try (BpfMap<byte[], byte[]> m = BpfMap.openPinnedRaw(mapPin)) {
                    assertEquals(8, m.spec().valueSize());
                    assertEquals(3, m.entries().size());
                } finally {
                    BpfMap.unpin(mapPin);
                }
            } finally {
                BpfMap.unpin(pin);
            }
        }
    }

    @Test
    void filesThatAreNoBpfObjectAreDescribed(@TempDir Path dir) throws Exception {
        KernelCheck.require();
        Path plain = Files.writeString(dir.resolve("plain"), "not a map");
        String fs = Files.getFileStore(plain).type();
        assertEquals(plain + " is a plain file (file system " + fs + "), not a pinned map (pinned maps live on a bpf file system such as /sys/fs/bpf)",
                assertThrows(BpfException.class, () -> BpfMap.openPinnedRaw(plain)).getMessage());
        assertEquals("/dev/zero is a device or special file, not a pinned map",
                assertThrows(BpfException.class, () -> BpfMap.openPinnedRaw(Path.of("/dev/zero"))).getMessage());
        assertEquals("/sys/fs/bpf is a directory, not a pinned map",
                assertThrows(BpfException.class, () -> BpfMap.openPinnedRaw(Path.of("/sys/fs/bpf"))).getMessage());
    }
}
