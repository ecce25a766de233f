package org.jbpf.sim.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;

/**
 * The running kernel's BTF ({@code /sys/kernel/btf/vmlinux}), read once on first use, for the checks the kernel makes
 * against its own types: a map's fields read through the map pointer, a tracing program's arguments.
 */
final class RunningKernelBtf {
    static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

    private RunningKernelBtf() {}

    private static final class Holder {
        static final Btf BTF = load();

        private static Btf load() {
            try {
                return BtfReader.read(Files.readAllBytes(VMLINUX), VMLINUX.toString()).btf();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** The kernel's BTF, or null when this machine has none. */
    static Btf get() { return Holder.BTF; }
}
