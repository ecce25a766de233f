package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Syscall} marks reach BTF on map keys and struct fields, and the numbers print by the headers' names, or jbpf's table's past them. */
class SyscallNamesTest {
    @Test void theHeadersDefinitionsAreTheTable(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("unistd_64.h");
        Files.writeString(h, "#ifndef _ASM_UNISTD_64_H\n#define __NR_read 0\n#define __NR_getppid 110\n#define __NR_alias __NR_read\n#endif\n");
        assertEquals(Map.of(0L, "read", 110L, "getppid"), SyscallNames.read(List.of(dir.resolve("missing.h"), h)));
        assertEquals(Map.of(), SyscallNames.read(List.of(dir.resolve("missing.h"))));
    }

    @Test void numbersPastTheHeadersAreNamedFromJbpfsOwnTable() throws Exception {
        Map<Long, String> own = SyscallNames.table(SyscallNames.class.getResourceAsStream(SyscallNames.TABLE));
        assertEquals("getppid", own.get(110L));
        assertEquals("mseal", own.get(462L));
        assertEquals("file_setattr", own.get(469L));
        assertEquals("mseal", SyscallNames.of(462), "past Debian 12's headers, which end at 450");
        assertEquals("uretprobe", SyscallNames.of(335));
        // where this machine's headers name a number, they and the table agree
        Map<Long, String> headers = SyscallNames.read(SyscallNames.HEADERS);
        for (Map.Entry<Long, String> e : headers.entrySet()) assertEquals(e.getValue(), own.get(e.getKey()), "syscall " + e.getKey());
        assertEquals(Map.of(1L, "write", 2L, "open"), SyscallNames.table(new java.io.ByteArrayInputStream(
                "# comment\n1 write\n2 open\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    @Test void unknownNumbersStayNumbers() {
        assertEquals("100000", SyscallNames.of(100000));
        if (Files.isReadable(SyscallNames.HEADERS.get(0))) assertEquals("getppid", SyscallNames.of(110));
    }

    @Test void markedMapKeysAndFieldsCarryTheMark() throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        byte[] probe = classes.read("org/jbpf/toolchain/probes/SyscallCounts");
        BpfObject o = Backends.direct().translate(probe, classes, Translator.Options.DEFAULT);
        Btf btf = o.btf();
        MapSpec byNumber = o.map("byNumber").orElseThrow(), plain = o.map("plain").orElseThrow(), byKey = o.map("byKey").orElseThrow();
        assertTrue(MapText.isSyscall(btf, byNumber.btfKeyType()));
        assertTrue(!MapText.isSyscall(btf, plain.btfKeyType()), "an unmarked map keeps its plain key");
        BtfType.Struct key = MapText.struct(btf, byKey.btfKeyType());
        BtfType.Member nr = key.members().stream().filter(m -> m.name().equals("nr")).findFirst().orElseThrow();
        BtfType.Member pid = key.members().stream().filter(m -> m.name().equals("pid")).findFirst().orElseThrow();
        assertTrue(MapText.isSyscall(btf, nr.type()));
        assertTrue(!MapText.isSyscall(btf, pid.type()));
        byte[] bytes = new byte[key.size()];
        bytes[0] = 7;
        bytes[4] = (byte) 0xa0;
        bytes[5] = (byte) 0x86;
        bytes[6] = 1;
        assertEquals("{pid=7, nr=100000}", MapText.show(bytes, key, btf, false), "a number the table lacks prints as the number");
    }
}
