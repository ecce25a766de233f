package org.jbpf.it.object;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void coreRelocationsAreRefusedNamingProgramKindTypeAndAccess() throws Exception {
        byte[] elf = compile("core_read");
        String m = assertThrows(ObjectFormatException.class, () -> ObjectReader.read(elf, "core_read.o")).getMessage();
        assertTrue(m.startsWith("core_read.o: section tracepoint/syscalls/sys_enter_getppid: program read_parent needs a CO-RE "
                + "relocation: field byte offset of struct task_struct, access 0:2 (task_struct.real_parent); CO-RE relocation is not "
                + "supported yet, and unrelocated it would use the offsets of the headers it was compiled against instead of this "
                + "kernel's; build it without BPF_CORE_READ/preserve_access_index (at byte "), m);
    }

    @Test
    void readOnlyDataThroughASectionSymbolIsNamedBySectionAndOffset() throws Exception {
        byte[] elf = compile("printk");
        String m = assertThrows(ObjectFormatException.class, () -> ObjectReader.read(elf, "printk.o")).getMessage();
        assertTrue(m.startsWith("printk.o: section tracepoint/syscalls/sys_enter_getppid: program "
                + "say_hello uses global data (say_hello.fmt at byte 0 of .rodata); global and static variables are not supported "
                + "yet, keep such values in a map (at byte "), m);
        assertFalse(m.contains("( in"), m);
    }
}
