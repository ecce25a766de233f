package org.jbpf.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.relo.CoreRelocationException;
import org.jbpf.core.relo.CoreRelocator;
import org.jbpf.core.relo.TargetTypes;

/**
 * The running kernel's BTF ({@code /sys/kernel/btf/vmlinux}), read once per process and only when a program has
 * CO-RE relocations, and the relocation of such programs against it before they are loaded.
 */
final class KernelTypes {
    static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

    private static CoreRelocator relocator;

    private KernelTypes() {}

    /** {@code p} with its CO-RE relocations applied for this kernel; {@code p} itself when it has none. */
    static ProgramSpec relocate(ProgramSpec p, BpfObject obj) {
        if (p.coreRelocations().isEmpty()) return p;
        return new ProgramSpec(p.name(), p.section(), relocator().relocate(p, obj.btf()), p.funcInfos(), p.coreRelocations());
    }

    private static synchronized CoreRelocator relocator() {
        if (relocator == null) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(VMLINUX);
            } catch (IOException e) {
                throw new CoreRelocationException("CO-RE relocation needs the kernel's BTF, but " + VMLINUX + " cannot be read ("
                        + e.getMessage() + "); this kernel must be built with CONFIG_DEBUG_INFO_BTF=y");
            }
            relocator = new CoreRelocator(new TargetTypes(BtfReader.read(bytes, VMLINUX.toString()).btf()));
        }
        return relocator;
    }
}
