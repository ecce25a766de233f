package org.jbpf.it.object;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.relo.CoreRelocationException;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clang objects with CO-RE relocations loaded by jbpf's own loader on the running kernel: the real parent's tgid read
 * through a task_struct the probe declares itself, the field, type and enum checks against what bpftool reads from
 * the kernel's BTF, the relocated code equal to what bpftool (libbpf) loads, and a missing field named at load.
 */
class CoreRelocationKernelTest {
    @TempDir Path tmp;

    private Path compile(String name) throws Exception {
        Tools.requireTool("clang");
        Path c = tmp.resolve(name + ".c"), o = tmp.resolve(name + ".o");
        try (InputStream in = getClass().getResourceAsStream("/object/" + name + ".c")) {
            assertNotNull(in, "test resource object/" + name + ".c");
            Files.write(c, in.readAllBytes());
        }
        Tools.check("clang", "-O2", "-g", "-target", "bpf", "-c", c.toString(), "-o", o.toString());
        return o;
    }

    private LoadedObject load(Path o) throws Exception {
        BpfObject obj = ObjectReader.read(Files.readAllBytes(o), o.getFileName().toString());
        return new Loader().load(obj);
    }

    @Test
    void realParentTgidOfSpawnedChildrenAndGrandchildren() throws Exception {
        Path o = compile("core_parent");
        Kernel.requireTracefs();
        try (LoadedObject obj = load(o)) {
            obj.program("on_exec").attach();
            BpfMap<Integer, Integer> parents = BpfMap.of(obj.map("parents"), Codecs.of(Integer.class), Codecs.of(Integer.class), false);
            long me = ProcessHandle.current().pid();
            List<Long> children = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Process p = new ProcessBuilder("/bin/true").start();
                assertEquals(0, p.waitFor());
                children.add(p.pid());
            }
            Process sh = new ProcessBuilder("/bin/sh", "-c", "/bin/true & echo $!; wait").start();
            long grandchild = Long.parseLong(new String(sh.getInputStream().readAllBytes()).trim());
            assertEquals(0, sh.waitFor());
            for (long child : children) assertEquals((int) me, parents.get((int) child), "parent of child " + child);
            assertEquals((int) me, parents.get((int) sh.pid()), "parent of sh");
            assertEquals((int) sh.pid(), parents.get((int) grandchild), "parent of sh's child " + grandchild);
        }
    }

    @Test
    void fieldTypeAndEnumChecksMatchTheKernelsBtf() throws Exception {
        Path o = compile("core_parent");
        Kernel.requireTracefs();
        Tools.requireTool("bpftool");
        String raw = Tools.check("bpftool", "btf", "dump", "file", "/sys/kernel/btf/vmlinux", "format", "raw");
        Matcher task = Pattern.compile("\\[(\\d+)] STRUCT 'task_struct' size=(\\d+) vlen=\\d+\\n((?:\\t.*\\n)+)").matcher(raw);
        assertTrue(task.find(), "bpftool lists struct task_struct");
        Matcher bits = Pattern.compile("'in_execve' type_id=\\d+ bits_offset=(\\d+) bitfield_size=1").matcher(task.group(3));
        assertTrue(bits.find(), "task_struct has the bitfield in_execve");
        long bitOff = Long.parseLong(bits.group(1)), loadOff = bitOff / 32 * 4;
        try (LoadedObject obj = load(o)) {
            obj.program("on_exec").attach();
            BpfMap<Integer, Long> info = BpfMap.of(obj.map("info"), Codecs.of(Integer.class), Codecs.of(Long.class), false);
            assertEquals(0, new ProcessBuilder("/bin/true").start().waitFor());
            long[] expected = {
                0,                              // task->no_such_field exists: no
                1,                              // task->tgid exists
                4,                              // tgid is 4 bytes
                1,                              // and signed (pid_t)
                loadOff,                        // in_execve is read by the aligned 4-byte load that covers it
                4,
                64 - (bitOff + 1 - loadOff * 8), // shifts that isolate its one bit in a u64
                63,
                Long.parseLong(task.group(2)),  // sizeof(struct task_struct) on this kernel
                1,                              // struct task_struct exists
                1,                              // PIDTYPE_TGID is 1 on the kernel (7 in the probe's enum)
                0,                              // PIDTYPE_NO_SUCH_TYPE does not exist
                Long.parseLong(task.group(1)),  // task_struct's id in the kernel's BTF
            };
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], info.get(i), "info[" + i + "]");
        }
    }

    @Test
    void relocatedCodeEqualsWhatBpftoolLoads() throws Exception {
        Path o = compile("core_parent");
        Tools.requireRoot();
        Tools.requireTool("bpftool");
        Path pins = Tools.pinDir("core");
        try (LoadedObject obj = load(o)) {
            Tools.check("bpftool", "prog", "loadall", o.toString(), pins.toString());
            String theirs = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve("on_exec").toString());
            int id = ProgramInfo.of(obj.program("on_exec").fd()).id();
            String ours = Tools.check("bpftool", "prog", "dump", "xlated", "id", Integer.toString(id));
            assertTrue(theirs.contains("r1 = 1\n") || theirs.contains("r1 = 1"), theirs);
            assertEquals(withoutMapIds(theirs), withoutMapIds(ours));
        } finally {
            Tools.deleteTree(pins);
        }
    }

    @Test
    void objectWriterKeepsTheRelocationsForJbpfAndForBpftool() throws Exception {
        Path o = compile("core_parent");
        BpfObject original = ObjectReader.read(Files.readAllBytes(o), "core_parent.o");
        Path rewritten = tmp.resolve("rewritten.o");
        Files.write(rewritten, ObjectWriter.write(original));
        BpfObject again = ObjectReader.read(Files.readAllBytes(rewritten), "rewritten.o");
        List<ProgramSpec.CoreRelocation> relos = original.program("on_exec").orElseThrow().coreRelocations();
        assertEquals(15, relos.size(), "offsets of tgid and real_parent, and the 13 recorded checks");
        assertEquals(relos, again.program("on_exec").orElseThrow().coreRelocations());
        Tools.requireRoot();
        Tools.requireTool("bpftool");
        Path pins = Tools.pinDir("core_rewritten");
        try (LoadedObject obj = load(o)) {
            Tools.check("bpftool", "prog", "loadall", rewritten.toString(), pins.toString());
            String theirs = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve("on_exec").toString());
            String ours = Tools.check("bpftool", "prog", "dump", "xlated", "id", Integer.toString(ProgramInfo.of(obj.program("on_exec").fd()).id()));
            assertEquals(withoutMapIds(ours), withoutMapIds(theirs));
        } finally {
            Tools.deleteTree(pins);
        }
    }

    /** Map ids differ between two loads of one object; everything else of the translated code must not. */
    private static String withoutMapIds(String xlated) { return xlated.replaceAll("map\\[id:\\d+]", "map[id:N]"); }

    @Test
    void aFieldTheKernelLacksIsNamedWithProgramSourceLineAndKernelType() throws Exception {
        Path o = compile("core_missing");
        Kernel.require();
        String m = assertThrows(CoreRelocationException.class, () -> load(o)).getMessage();
        // clang places the offset's constant on the line of the read or of the declaration before it
        assertTrue(m.matches("core_missing\\.c:(19|20): program read_missing: field byte offset of struct task_struct, access 0:1 "
                + "\\(task_struct\\.no_such_field\\): the kernel's struct task_struct has no field no_such_field"), m);
    }
}
