package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.loader.attach.ElfSymbols;
import org.junit.jupiter.api.Test;

/** User frames: ELF symbols by file offset (cached per build id), JIT perf maps, /proc/pid/maps lines, folded lines. */
class UserSymbolsTest {
    private static Path libc() {
        for (String p : List.of("/usr/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib64/libc.so.6"))
            if (Files.exists(Path.of(p))) return Path.of(p);
        throw new IllegalStateException("no libc.so.6 in the usual places");
    }

    @Test void libcFunctionsAreNamedByFileOffsetAndTheFileIsReadOncePerBuildId() {
        NativeSymbols libc = NativeSymbols.of(libc());
        long getpid = ElfSymbols.offset(libc(), "getpid");
        assertEquals("getpid+0x0", libc.symbolize(getpid), "the public name of getpid/__getpid");
        assertEquals("getpid+0x4", libc.symbolize(getpid + 4));
        assertTrue(libc.buildId().matches("[0-9a-f]{40}"), libc.buildId());
        assertSame(libc, NativeSymbols.of(libc()), "read once per build id");
        assertNull(libc.symbolize(0), "the ELF header is no function");
    }

    @Test void perfMapsNameJitCodeAndLaterLinesWin() {
        PerfMap map = PerfMap.parse(List.of(
                "0x00007f984cec79a0 0x00000000000002b8 void Spin.hot()",
                "7f984cec8200 158 void Spin.main(java.lang.String[])",
                "not a line",
                "0x00007f984cec79a0 0x0000000000000100 void Spin.hotAgain()"));
        assertEquals(2, map.size());
        assertEquals("void Spin.hotAgain()", map.symbolize(0x7f984cec79a0L + 0x10));
        assertNull(map.symbolize(0x7f984cec79a0L + 0x100), "past the recompiled method's end");
        assertEquals("void Spin.main(java.lang.String[])", map.symbolize(0x7f984cec8200L + 0x157));
        assertNull(map.symbolize(0x7f984cec8200L + 0x158));
        assertNull(map.symbolize(0x1000));
    }

    /** A frame in a library's data (a frame-pointer walk gone astray) is no function of the library. */
    @Test void onlyExecutableMappingsNameFunctions() throws Exception {
        ProcessSymbols.Mapping data = null;
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"))) {
            ProcessSymbols.Mapping m = ProcessSymbols.parse(line);
            if (m == null || !m.path().endsWith("/libc.so.6")) continue;
            if (!m.executable() && m.offset() > 0 && data == null) data = m;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(data != null, "libc is mapped into this JVM");
        ProcessSymbols self = ProcessSymbols.of(ProcessHandle.current().pid());
        long inData = data.start() + 0x10;
        assertEquals(String.format("0x%x (libc.so.6)", inData), self.symbolize(inData));
    }

    @Test void mapsLinesGiveRangeOffsetAndPath() {
        ProcessSymbols.Mapping m = ProcessSymbols.parse("7f12a000-7f12b000 r-xp 00028000 08:01 1234    /usr/lib/x86_64-linux-gnu/libc.so.6");
        assertEquals(new ProcessSymbols.Mapping(0x7f12a000L, 0x7f12b000L, 0x28000, true, "/usr/lib/x86_64-linux-gnu/libc.so.6"), m);
        assertEquals("", ProcessSymbols.parse("7f000000-7f100000 rwxp 00000000 00:00 0").path(), "anonymous: JIT code");
        assertNull(ProcessSymbols.parse("garbage"));
    }

    @Test void foldedLinesGoOutermostFirst() {
        assertEquals("main;work;getpid+0x0 25", StackTraces.folded(List.of("getpid+0x0", "work", "main"), 25));
        assertEquals("a:b 1", StackTraces.folded(List.of("a;b"), 1), "a ';' inside a name would split the frame");
    }
}
