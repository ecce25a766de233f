package org.jbpf.it.object;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.core.elf.ElfFile;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.core.obj.ObjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects clang builds that jbpf cannot load faithfully yet are refused by {@link ObjectReader} with a message naming
 * the program and what it needs, instead of loading with wrong field offsets or naming nothing.
 */
class ClangRefusedObjectTest {
    @TempDir Path tmp;

    private byte[] compile(String name) throws Exception {
        Tools.requireTool("clang");
        Path c = tmp.resolve(name + ".c"), o = tmp.resolve(name + ".o");
        try (InputStream in = getClass().getResourceAsStream("/object/" + name + ".c")) {
            assertNotNull(in, "test resource object/" + name + ".c");
            Files.write(c, in.readAllBytes());
        }
        Tools.check("clang", "-O2", "-g", "-target", "bpf", "-c", c.toString(), "-o", o.toString());
        return Files.readAllBytes(o);
    }

    @Test
    void aCoreRelocationKindTheLoaderCannotComputeIsRefusedNamingProgramKindAndType() throws Exception {
        byte[] elf = compile("core_matches");
        setFirstCoreRelocationKind(elf, 12); // BPF_CORE_TYPE_MATCHES
        String m = assertThrows(ObjectFormatException.class, () -> ObjectReader.read(elf, "core_matches.o")).getMessage();
        assertTrue(m.startsWith("core_matches.o: section tracepoint/syscalls/sys_enter_getppid: program check_layout needs a CO-RE "
                + "relocation jbpf cannot compute: type matches of struct task_struct, access 0; build it without that builtin "
                + "(e.g. bpf_core_type_matches) (at byte "), m);
    }

    /** Rewrites the kind of the object's first CO-RE record (struct bpf_core_relo: insn_off, type_id, access_str_off, kind). */
    private static void setFirstCoreRelocationKind(byte[] elf, int kind) {
        ElfFile.Section ext = ElfFile.parse(elf, "core_matches.o").section(".BTF.ext");
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int base = (int) ext.offset(), hdrLen = b.getInt(base + 4), coreOff = b.getInt(base + 24), coreLen = b.getInt(base + 28);
        assertTrue(coreLen > 0, "the object has CO-RE records");
        int records = base + hdrLen + coreOff;
        assertEquals(16, b.getInt(records), "record size");
        assertEquals(1, b.getInt(records + 8), "one record in the first section");
        int first = records + 12;
        assertEquals(9, b.getInt(first + 12), "compiled as type size");
        b.putInt(first + 12, kind);
    }
}
