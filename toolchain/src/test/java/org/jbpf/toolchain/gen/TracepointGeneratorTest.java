package org.jbpf.toolchain.gen;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.lang.reflect.Field;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.ToolProvider;
import org.jbpf.Struct;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.Codecs;
import org.jbpf.testsupport.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated tracepoint records compile, and jbpf's own @Struct codec reads every field from the offset the format
 * file gives: a record filled with a distinct byte pattern per field decodes to exactly those bytes.
 */
class TracepointGeneratorTest {
    @TempDir Path tmp;

    /** Compiles the generated source against jbpf-api and loads the class. */
    private Class<?> compile(Path source, String className) throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        String api = Path.of(Struct.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        var out = new java.io.ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, out, out, "-d", classes.toString(), "-cp", api, source.toString());
        assertEquals(0, rc, "javac: " + out);
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass(className);
    }

    /** Fills each format field with its own bytes, decodes the record with the class's codec and compares field by field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assertFieldsAtFormatOffsets(TracepointFormat format, Class<?> cls) throws Exception {
        int end = format.fields().stream().mapToInt(f -> f.offset() + f.size()).max().orElseThrow();
        byte[] record = new byte[end + 8];
        for (int i = 0; i < format.fields().size(); i++) {
            TracepointFormat.Field f = format.fields().get(i);
            for (int b = 0; b < f.size(); b++) record[f.offset() + b] = (byte) (0x11 * (i + 1) + b);
        }
        Codec codec = Codecs.of(cls);
        Object value = codec.read(ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN));
        List<String> checked = new ArrayList<>();
        for (TracepointFormat.Field f : format.fields()) {
            Field jf = cls.getField(TracepointStructWriter.fieldName(f.name()));
            ByteBuffer expected = ByteBuffer.wrap(record, f.offset(), f.size()).order(ByteOrder.LITTLE_ENDIAN);
            Object got = jf.get(value);
            String what = cls.getSimpleName() + "." + jf.getName() + " (" + f.name() + " at " + f.offset() + ")";
            if (got instanceof byte[] bytes) assertArrayEquals(Arrays.copyOfRange(record, f.offset(), f.offset() + f.size()), bytes, what);
            else if (got instanceof Byte b) assertEquals(expected.get(), b, what);
            else if (got instanceof Short s) assertEquals(expected.getShort(), s, what);
            else if (got instanceof Integer n) assertEquals(expected.getInt(), n, what);
            else if (got instanceof Long l) assertEquals(expected.getLong(), l, what);
            else fail(what + " has type " + jf.getType());
            checked.add(f.name());
        }
        assertEquals(format.fields().stream().map(TracepointFormat.Field::name).toList(), checked);
    }

    @Test void sysEnterOpenatFromThisKernelCompilesWithTheFormatsOffsets() throws Exception {
        Path tracefs = Path.of("/sys/kernel/tracing");
        Skip.unless(Files.isReadable(tracefs.resolve("events/syscalls/sys_enter_openat/format")), "kernel",
                "tracefs is not readable at " + tracefs + " (run as root; scripts/kernel-fs mounts it)");
        TracepointGenerator gen = new TracepointGenerator(tracefs);
        Path file = gen.generate("syscalls/sys_enter_openat", tmp.resolve("src"), "com.acme.tp");
        assertEquals(tmp.resolve("src/com/acme/tp/SysEnterOpenat.java"), file);
        String src = Files.readString(file);
        assertTrue(src.contains("    /** {@code const char * filename}: offset 24, size 8, unsigned; an address. */\n    public long filename;\n"), src);
        assertTrue(src.contains("public static final String TRACEPOINT = \"syscalls/sys_enter_openat\";"), src);
        TracepointFormat format = gen.format("syscalls/sys_enter_openat");
        assertEquals(List.of("common_type", "common_flags", "common_preempt_count", "common_pid", "__syscall_nr", "dfd", "filename",
                "flags", "mode"), format.fields().stream().map(TracepointFormat.Field::name).toList());
        Class<?> cls = compile(file, "com.acme.tp.SysEnterOpenat");
        assertNotNull(cls.getAnnotation(Struct.class));
        assertFieldsAtFormatOffsets(format, cls);
        assertEquals(48, Codecs.of(cls).size(), "the record up to mode's 8 bytes at 40");
    }

    @Test void gapsGetPaddingAndMisalignedFieldsBecomeByteArrays() throws Exception {
        String text = """
                name: odd_event
                ID: 1
                format:
                \tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
                \tfield:u32 packed;\toffset:2;\tsize:4;\tsigned:0;
                \tfield:char comm[16];\toffset:6;\tsize:16;\tsigned:0;
                \tfield:__data_loc char[] name;\toffset:28;\tsize:4;\tsigned:0;
                \tfield:s64 when;\toffset:40;\tsize:8;\tsigned:1;
                \tfield:int class;\toffset:48;\tsize:4;\tsigned:1;
                """;
        TracepointFormat format = TracepointFormat.parse("demo", "odd_event", text, "odd_event/format");
        Path file = tmp.resolve("OddEvent.java");
        Files.writeString(file, TracepointStructWriter.write(format, "", "OddEvent"));
        String src = Files.readString(file);
        assertTrue(src.contains("@Size(4) public byte[] packed;"), "u32 at offset 2 cannot be an int: " + src);
        assertTrue(src.contains("@Size(6) public byte[] pad0;"), "bytes 22..27 padded: " + src);
        assertTrue(src.contains("public int name;"), src);
        assertTrue(src.contains("@Size(8) public byte[] pad1;"), "bytes 32..39 padded, since a long after 32 would sit at 32: " + src);
        assertTrue(src.contains("public int class_;"), src);
        Class<?> cls = compile(file, "OddEvent");
        assertFieldsAtFormatOffsets(format, cls);
    }

    @Test void textAndAddressFieldsAreMarkedFromTheirTypeAndTheKernelsPrintLine() throws Exception {
        String text = """
                name: addr_event
                ID: 2
                format:
                \tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
                \tfield:char comm[16];\toffset:8;\tsize:16;\tsigned:0;
                \tfield:__u8 label[8];\toffset:24;\tsize:8;\tsigned:0;
                \tfield:__u8 saddr[4];\toffset:32;\tsize:4;\tsigned:0;
                \tfield:__u8 daddr_v6[16];\toffset:36;\tsize:16;\tsigned:0;
                \tfield:__u8 raw[4];\toffset:52;\tsize:4;\tsigned:0;
                \tfield:__be32 dst;\toffset:56;\tsize:4;\tsigned:0;
                \tfield:unsigned char mac[6];\toffset:60;\tsize:6;\tsigned:0;

                print fmt: "comm=%s label=%s %% src=%pI4 dst6=%pI6c raw=%x dst=%pI4 mac=%pM", REC->comm, REC->label, REC->saddr, \
                REC->daddr_v6, __print_flags(REC->raw, "|", { 1, "A" }, { 2, "B" }), &REC->dst, REC->mac
                """;
        TracepointFormat format = TracepointFormat.parse("demo", "addr_event", text, "addr_event/format");
        assertEquals("%pI6c", format.printedAs().get("daddr_v6"));
        assertNull(format.printedAs().get("raw"), "an expression names no field");
        String src = TracepointStructWriter.write(format, "", "AddrEvent");
        assertTrue(src.contains("@CString @Size(16) public byte[] comm;"), "a char array is text: " + src);
        assertTrue(src.contains("@CString @Size(8) public byte[] label;"), "bytes printed with %s are text: " + src);
        assertTrue(src.contains("@IpAddress @Size(4) public byte[] saddr;"), src);
        assertTrue(src.contains("@IpAddress @Size(16) public byte[] daddrV6;"), src);
        assertTrue(src.contains("    @Size(4) public byte[] raw;"), "other bytes stay bytes: " + src);
        assertTrue(src.contains("    @IpAddress public int dst;"), src);
        assertTrue(src.contains("    @Size(6) public byte[] mac;"), "a MAC address prints as hex: " + src);
        Path file = tmp.resolve("AddrEvent.java");
        Files.writeString(file, src);
        Class<?> cls = compile(file, "AddrEvent");
        assertNotNull(cls.getField("comm").getAnnotation(org.jbpf.CString.class));
        assertNotNull(cls.getField("saddr").getAnnotation(org.jbpf.IpAddress.class));
        assertFieldsAtFormatOffsets(format, cls);
    }

    @Test void signalGenerateFromThisKernelPrintsItsCommandAsText() throws Exception {
        Path tracefs = Path.of("/sys/kernel/tracing");
        Skip.unless(Files.isReadable(tracefs.resolve("events/sock/inet_sock_set_state/format")), "kernel",
                "tracefs is not readable at " + tracefs + " (run as root; scripts/kernel-fs mounts it)");
        TracepointGenerator gen = new TracepointGenerator(tracefs);
        String signal = Files.readString(gen.generate("signal/signal_generate", tmp.resolve("src"), "com.acme.tp"));
        assertTrue(signal.contains("@CString @Size(16) public byte[] comm;"), signal);
        String sock = Files.readString(gen.generate("sock/inet_sock_set_state", tmp.resolve("src"), "com.acme.tp"));
        assertTrue(sock.contains("@IpAddress @Size(4) public byte[] saddr;"), sock);
        assertTrue(sock.contains("@IpAddress @Size(16) public byte[] daddrV6;"), sock);
    }

    @Test void unknownTracepointsAndBadNamesAreOneLineErrors() {
        TracepointGenerator gen = new TracepointGenerator(tmp);
        assertEquals("no tracepoint syscalls/sys_enter_nothing on this kernel (" + tmp.resolve("events/syscalls/sys_enter_nothing/format")
                + " does not exist; see " + tmp.resolve("available_events") + ")",
                assertThrows(IllegalArgumentException.class, () -> gen.format("syscalls/sys_enter_nothing")).getMessage());
        assertEquals("tracepoint \"sys_enter_openat\" must be written category/name, e.g. syscalls/sys_enter_openat",
                assertThrows(IllegalArgumentException.class, () -> gen.format("sys_enter_openat")).getMessage());
        assertEquals("\"com.1acme\" is not a Java package name",
                assertThrows(IllegalArgumentException.class, () -> gen.generate("a/b", tmp, "com.1acme")).getMessage());
        assertEquals("x/format: no \"field:\" lines; is this a tracepoint format file?",
                assertThrows(IllegalArgumentException.class, () -> TracepointFormat.parse("a", "b", "name: b\n", "x/format")).getMessage());
    }
}
