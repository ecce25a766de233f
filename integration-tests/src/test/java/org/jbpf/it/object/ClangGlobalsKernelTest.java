package org.jbpf.it.object;

import static org.jbpf.core.asm.Opcodes.PSEUDO_MAP_VALUE;
import static org.junit.jupiter.api.Assertions.*;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects clang builds with global data load and run with jbpf's loader: {@code const volatile} constants set before
 * load and frozen, {@code .bss} counters and {@code .data} initial values read from Java, a static variable reached
 * through the section symbol plus an offset, and bpf_printk's format string in {@code .rodata}.
 */
class ClangGlobalsKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
    }

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

    @Test
    void readsDataSectionsVariablesAndValueReferences() throws Exception {
        BpfObject obj = ObjectReader.read(Files.readAllBytes(compile("globals")), "globals");
        assertEquals(List.of(".rodata", ".bss", ".data"), obj.globals().stream().map(GlobalData::name).toList());
        GlobalData rodata = obj.global(".rodata").orElseThrow(), bss = obj.global(".bss").orElseThrow();
        assertEquals(new GlobalData.Variable("weight", 4, 4, rodata.variable("weight").orElseThrow().btfType()),
                rodata.variable("weight").orElseThrow());
        assertEquals(1, rodata.bytes()[4], "weight's default");
        assertTrue(rodata.readOnly());
        assertEquals(24, bss.size());
        assertEquals(16, bss.variable("last_seen").orElseThrow().offset(), "a static variable, named by its local symbol");
        assertEquals(100, obj.global(".data").orElseThrow().bytes()[0], "total's initial value");
        List<String> refs = obj.program("count_getppid").orElseThrow().insns().stream()
                .filter(i -> i.isLdImm64() && i.src() == PSEUDO_MAP_VALUE).map(i -> i.reference() + "+" + (i.imm() >>> 32)).toList();
        assertEquals(List.of(".rodata+0", ".bss+8", ".bss+0", ".rodata+4", ".data+0", ".bss+16"), refs,
                "the static last_seen comes through the .bss section symbol with addend 16");
    }

    @Test
    void countersConstantsAndDataWorkOnTheKernel() throws Exception {
        KernelCheck.require();
        BpfObject obj = ObjectReader.read(Files.readAllBytes(compile("globals")), "globals");
        int tgid = (int) ProcessHandle.current().pid();
        try (BPF bpf = BPF.builder(obj).constant("target_tgid", tgid).constant("weight", 2).loadAndAttach()) {
            for (int i = 0; i < 1000; i++) LibC.INSTANCE.getppid();
            assertEquals(1000L, bpf.global("hits").getLong());
            assertEquals(100L + 2 * 1000, bpf.global("total").getLong(), ".data started at 100, each call adds weight 2");
            assertEquals(tgid, (int) (bpf.global("last_seen").getLong() >>> 32));
            assertEquals(2, bpf.global("weight").getInt());

            // the constants' map is frozen: not even root may change it now
            Memory key = new Memory(4), value = new Memory(8);
            key.setInt(0, 0);
            value.clear();
            int fd = bpf.loaded().global(".rodata").fd().value();
            assertEquals(Errno.EPERM, BpfSyscalls.kernel().mapUpdateElem(fd, key, value, 0));
        }
    }

    @Test
    void printkFormatInReadOnlyDataLoads() throws Exception {
        BpfObject obj = ObjectReader.read(Files.readAllBytes(compile("printk")), "printk");
        GlobalData rodata = obj.global(".rodata").orElseThrow();
        assertEquals("hello from %d\0", new String(rodata.bytes(), 0, 14, StandardCharsets.US_ASCII));
        Insn fmt = obj.program("say_hello").orElseThrow().insns().stream().filter(i -> i.isLdImm64()).findFirst().orElseThrow();
        assertEquals(PSEUDO_MAP_VALUE, fmt.src());
        assertEquals(".rodata", fmt.reference());
        KernelCheck.require();
        try (BPF bpf = BPF.load(obj)) {
            assertNotNull(bpf.program("say_hello").fd());
        }
    }

    /** jbpf's writer keeps the data sections, their symbols and BTF so that libbpf (bpftool) loads the object again. */
    @Test
    void clangObjectWithGlobalsRewrittenByObjectWriterLoadsInBpftool() throws Exception {
        BpfObject obj = ObjectReader.read(Files.readAllBytes(compile("globals")), "globals");
        Tools.requireRoot();
        Tools.requireTool("bpftool");
        Path rewritten = tmp.resolve("rewritten.o");
        Files.write(rewritten, ObjectWriter.write(obj));
        Path pins = Tools.pinDir("clang_globals");
        try {
            Tools.check("bpftool", "prog", "loadall", rewritten.toString(), pins.toString());
            String xlated = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve("count_getppid").toString());
            assertTrue(xlated.contains("map[id:"), xlated);
            assertTrue(xlated.contains("__sync_fetch_and_add(&hits, 1);"), xlated);
        } finally {
            Tools.deleteTree(pins);
        }
    }
}
