package org.jbpf.toolchain.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.tools.ToolProvider;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.kernel.KernelField;
import org.jbpf.kernel.KernelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel classes generated from a BTF file written here: the requested fields become readers with their kernel names
 * and offsets (fields of anonymous unions at their offset in the struct, bitfields left out, embedded structs only on
 * a path through them), pointers to generated structs are typed, and the classes compile against jbpf-api.
 */
class KernelStructGeneratorTest {
    @TempDir Path tmp;

    /** task_struct { pid_t pid @8; pid_t tgid @12; task_struct *real_parent @16; union { u64 a @24; }; char comm[16] @32;
     *  mm_struct *mm @48; unsigned flags:3 @56; struct list_head tasks @64 }, and mm_struct { long total_vm @0 }. */
    private Path btfFile() throws Exception {
        Btf b = new Btf();
        int integer = b.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
        int pidT = b.add(new BtfType.Typedef("pid_t", integer));
        int u64 = b.add(new BtfType.IntType("unsigned long long", 8, 0));
        int ch = b.add(new BtfType.IntType("char", 1, BtfType.INT_SIGNED));
        int comm = b.add(new BtfType.Array(ch, integer, 16));
        int union = b.add(new BtfType.Union("", 8, List.of(new BtfType.Member("a", u64, 0))));
        int listPtr = b.add(new BtfType.Ptr(b.size() + 2));
        int list = b.add(new BtfType.Struct("list_head", 16, List.of(new BtfType.Member("next", listPtr, 0), new BtfType.Member("prev", listPtr, 64))));
        int task = b.size() + 4, mm = b.size() + 5; // after the two pointers and unsigned int below
        int taskPtr = b.add(new BtfType.Ptr(task));
        int mmPtr = b.add(new BtfType.Ptr(mm));
        b.add(new BtfType.IntType("unsigned int", 4, 0));
        b.add(new BtfType.Struct("task_struct", 80, List.of(
                new BtfType.Member("pid", pidT, 64), new BtfType.Member("tgid", pidT, 96), new BtfType.Member("real_parent", taskPtr, 128),
                new BtfType.Member("", union, 192), new BtfType.Member("comm", comm, 256), new BtfType.Member("mm", mmPtr, 384),
                new BtfType.Member("flags", task - 1, 448, 3), new BtfType.Member("tasks", list, 512))));
        b.add(new BtfType.Struct("mm_struct", 8, List.of(new BtfType.Member("total_vm", u64, 0))));
        int kuid = b.add(new BtfType.Typedef("kuid_t", b.add(new BtfType.Struct("", 4, List.of(new BtfType.Member("val", integer, 0))))));
        b.add(new BtfType.Struct("user_struct", 4, List.of(new BtfType.Member("uid", kuid, 0))));
        Path f = tmp.resolve("vmlinux");
        Files.write(f, BtfWriter.encode(b).bytes());
        return f;
    }

    private Class<?> compile(List<Path> sources, String className) throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        String api = Path.of(KernelType.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        var out = new java.io.ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", api));
        for (Path s : sources) args.add(s.toString());
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, out, out, args.toArray(String[]::new)), "javac: " + out);
        return new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader()).loadClass(className);
    }

    /** "name -> field@offset (return type)" for each reader, "has" checks marked "?". */
    private static TreeMap<String, String> readers(Class<?> c) {
        TreeMap<String, String> out = new TreeMap<>();
        for (Method m : c.getDeclaredMethods()) {
            KernelField f = m.getAnnotation(KernelField.class);
            if (f != null) out.put(m.getName(), f.value() + "@" + f.offset() + (f.exists() ? "?" : "") + " " + m.getReturnType().getSimpleName());
        }
        return out;
    }

    @Test
    void aWholeStructGivesEveryReadableField() throws Exception {
        List<Path> files = new KernelStructGenerator(btfFile()).generate(List.of("task_struct"), tmp.resolve("src"), "com.acme.k");
        assertEquals(1, files.size(), "mm_struct is only pointed to");
        Class<?> c = compile(files, "com.acme.k.TaskStruct");
        assertEquals("task_struct", c.getAnnotation(KernelType.class).value());
        assertEquals(80, c.getAnnotation(KernelType.class).size());
        TreeMap<String, String> want = new TreeMap<>();
        want.put("pid", "pid@8 int"); want.put("hasPid", "pid@8? boolean");
        want.put("tgid", "tgid@12 int"); want.put("hasTgid", "tgid@12? boolean");
        want.put("realParent", "real_parent@16 TaskStruct"); want.put("hasRealParent", "real_parent@16? boolean");
        want.put("a", "a@24 long"); want.put("hasA", "a@24? boolean");
        want.put("comm", "comm@32 int"); want.put("hasComm", "comm@32? boolean");
        want.put("mm", "mm@48 long"); want.put("hasMm", "mm@48? boolean");
        assertEquals(want, readers(c));
        assertTrue(Files.readString(files.get(0)).contains("public int comm(byte[] dst)"));
        assertEquals(c, c.getMethod("current").getReturnType());
    }

    @Test
    void aPointerToAnythingButAGeneratedStructIsAnAddressNamedByItsCType() throws Exception {
        Btf b = new Btf();
        int ch = b.add(new BtfType.IntType("char", 1, BtfType.INT_SIGNED));
        int name = b.add(new BtfType.Ptr(b.add(new BtfType.Const(ch))));
        int data = b.add(new BtfType.Ptr(0));
        b.add(new BtfType.Struct("irqaction", 16, List.of(new BtfType.Member("name", name, 0), new BtfType.Member("dev_id", data, 64))));
        Path f = tmp.resolve("irq-vmlinux");
        Files.write(f, BtfWriter.encode(b).bytes());
        List<Path> files = new KernelStructGenerator(f).generate(List.of("irqaction"), tmp.resolve("src"), "");
        Class<?> c = compile(files, "Irqaction");
        assertEquals("{devId=dev_id@8 long, hasDevId=dev_id@8? boolean, hasName=name@0? boolean, name=name@0 long}", readers(c).toString());
        String source = Files.readString(files.get(0));
        assertTrue(source.contains("{@code const char *name}") && source.contains("{@code void *dev_id}"), source);
        assertTrue(c.getMethod("name").getAnnotation(KernelField.class).pointer(), "the object records a pointer, as the kernel's is");
    }

    @Test
    void aPathThroughPointersGivesOneClassPerStruct() throws Exception {
        List<Path> files = new KernelStructGenerator(btfFile()).generate(List.of("task_struct.real_parent.tgid", "task_struct.mm.total_vm"),
                tmp.resolve("src"), "");
        assertEquals(List.of("TaskStruct.java", "MmStruct.java"), files.stream().map(p -> p.getFileName().toString()).toList());
        Class<?> task = compile(files, "TaskStruct");
        assertEquals("{hasMm=mm@48? boolean, hasRealParent=real_parent@16? boolean, hasTgid=tgid@12? boolean, mm=mm@48 MmStruct, "
                + "realParent=real_parent@16 TaskStruct, tgid=tgid@12 int}", readers(task).toString());
        Class<?> mm = task.getMethod("mm").getReturnType();
        assertEquals("{hasTotalVm=total_vm@0? boolean, totalVm=total_vm@0 long}", readers(mm).toString());
        assertThrows(NoSuchMethodException.class, () -> mm.getMethod("current"), "only task_struct has a current struct");
    }

    @Test
    void aPathThroughAnEmbeddedStructGivesItsClassAndAnAddressReader() throws Exception {
        List<Path> files = new KernelStructGenerator(btfFile()).generate(List.of("task_struct.tasks.next"), tmp.resolve("src"), "");
        assertEquals(List.of("TaskStruct.java", "ListHead.java"), files.stream().map(p -> p.getFileName().toString()).toList());
        Class<?> task = compile(files, "TaskStruct");
        assertEquals("{hasTasks=tasks@64? boolean, tasks=tasks@64 ListHead}", readers(task).toString());
        assertTrue(task.getMethod("tasks").getAnnotation(KernelField.class).embedded(), "tasks is embedded, not a pointer");
        assertTrue(task.getMethod("hasTasks").getAnnotation(KernelField.class).embedded());
        Class<?> list = task.getMethod("tasks").getReturnType();
        assertEquals("{hasNext=next@0? boolean, next=next@0 ListHead}", readers(list).toString());
        assertTrue(!list.getMethod("next").getAnnotation(KernelField.class).embedded(), "next is a pointer");
    }

    @Test
    void theNumberInsideATypedefOfAnUnnamedStructIsReadByItsPath() throws Exception {
        List<Path> files = new KernelStructGenerator(btfFile()).generate(List.of("user_struct.uid.val"), tmp.resolve("src"), "");
        Class<?> user = compile(files, "UserStruct");
        assertEquals("{hasUidVal=uid.val@0? boolean, uidVal=uid.val@0 int}", readers(user).toString());
    }

    @Test
    void badPathsAreNamed() throws Exception {
        Path btf = btfFile();
        KernelStructGenerator gen = new KernelStructGenerator(btf);
        assertEquals("task_struct.flags: struct task_struct in " + btf + " has no field flags that jbpf can read (numbers, pointers, "
                + "char arrays and named structs embedded in it, not bitfields)",
                assertThrows(IllegalArgumentException.class, () -> gen.generate(List.of("task_struct.flags"), tmp, "")).getMessage());
        assertEquals("task_struct.pid.x: task_struct.pid is neither a pointer to a struct nor an embedded struct, so the path cannot go on to x",
                assertThrows(IllegalArgumentException.class, () -> gen.generate(List.of("task_struct.pid.x"), tmp, "")).getMessage());
        assertEquals("user_struct.uid: user_struct.uid is a kuid_t, a typedef of an unnamed struct; name the field inside it, as user_struct.uid.val",
                assertThrows(IllegalArgumentException.class, () -> gen.generate(List.of("user_struct.uid"), tmp, "")).getMessage());
        assertEquals("user_struct.uid.x: user_struct.uid is a kuid_t, whose unnamed struct has no field x that jbpf can read",
                assertThrows(IllegalArgumentException.class, () -> gen.generate(List.of("user_struct.uid.x"), tmp, "")).getMessage());
        assertEquals("files: " + btf + " has no struct files",
                assertThrows(IllegalArgumentException.class, () -> gen.generate(List.of("files"), tmp, "")).getMessage());
        // "." gave "Index 0 out of bounds for length 0"
        for (String notAPath : new String[] {".", "", "task_struct..pid", ".pid", "task_struct.", "task_struct.comm[3]", "1struct"})
            assertEquals("'" + notAPath + "' is no STRUCT[.FIELD...] path: C names joined by dots, e.g. task_struct.real_parent.tgid",
                    assertThrows(IllegalArgumentException.class, () -> gen.generate(List.of(notAPath), tmp, "")).getMessage());
    }

    @Test
    void theRunningKernelsTypesComeFromTheOneSharedReader() throws Exception {
        org.jbpf.testsupport.Skip.unless(Files.isReadable(KernelStructGenerator.VMLINUX), "kernel", KernelStructGenerator.VMLINUX + " is not readable here");
        List<Path> files = KernelStructGenerator.kernel().generate(List.of("task_struct.tgid"), tmp.resolve("k"), "");
        assertEquals(List.of(tmp.resolve("k/TaskStruct.java")), files);
        int task = org.jbpf.core.btf.RunningKernelBtf.get().find(BtfType.KIND_STRUCT, "task_struct");
        assertTrue(task > 0 && Files.readString(files.get(0)).contains("int tgid()"), Files.readString(files.get(0)));
    }

    @Test
    void aDamagedBtfFileIsNamed() throws Exception {
        Path btf = btfFile();
        byte[] bytes = Files.readAllBytes(btf);
        Path cut = Files.write(tmp.resolve("cut.btf"), java.util.Arrays.copyOf(bytes, bytes.length - 40));
        String m = assertThrows(IllegalArgumentException.class,
                () -> new KernelStructGenerator(cut).generate(List.of("task_struct.pid"), tmp, "")).getMessage();
        assertTrue(m.startsWith(cut + ": ") && m.endsWith("; name a kernel BTF file such as /sys/kernel/btf/vmlinux"), m);
    }
}
