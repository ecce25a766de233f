package org.jbpf.it.object;

import static org.jbpf.core.asm.Opcodes.PSEUDO_MAP_FD;
import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ObjectReader} on objects clang builds: BTF maps, a .text subprogram linked into both programs, line info. */
class ClangObjectTest {
    @TempDir Path tmp;

    private String source;

    private BpfObject compileAndRead() throws Exception {
        Tools.requireTool("clang");
        try (InputStream in = getClass().getResourceAsStream("/object/counter.c")) {
            assertNotNull(in, "test resource object/counter.c");
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path c = tmp.resolve("counter.c"), o = tmp.resolve("counter.o");
        Files.writeString(c, source);
        Tools.check("clang", "-O2", "-g", "-target", "bpf", "-c", c.toString(), "-o", o.toString());
        return ObjectReader.read(Files.readAllBytes(o), "counter.o");
    }

    private int lineOf(String text) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError("no line containing " + text);
    }

    @Test
    void readsMapsProgramsSubprogramsAndLineInfo() throws Exception {
        BpfObject obj = compileAndRead();
        assertEquals("GPL", obj.license());

        MapSpec counts = obj.map("counts").orElseThrow();
        assertEquals(MapTypes.HASH, counts.type());
        assertEquals(1024, counts.maxEntries());
        assertEquals(1, counts.flags());
        assertEquals(4, counts.keySize());
        assertEquals(32, counts.valueSize(), "struct event: int, pad, long, char[16]");
        assertEquals("int", obj.btf().type(counts.btfKeyType()).name());
        assertEquals("event", obj.btf().type(counts.btfValueType()).name());
        assertInstanceOf(BtfType.Struct.class, obj.btf().type(counts.btfValueType()));
        assertEquals(new MapSpec("totals", MapTypes.ARRAY, 4, 8, 4, 0, 0, 0), obj.map("totals").orElseThrow());

        assertEquals(List.of("on_getpid", "on_getppid"), obj.programs().stream().map(ProgramSpec::name).toList());
        ProgramSpec getpid = obj.program("on_getpid").orElseThrow();
        assertEquals("tracepoint/syscalls/sys_enter_getpid", getpid.section());
        assertEquals("tracepoint", getpid.kind());
        for (ProgramSpec p : obj.programs()) {
            assertEquals(2, p.funcInfos().size(), p.name() + ": entry function and bump");
            assertEquals(0, p.funcInfos().get(0).insnOff());
            assertEquals(p.name(), obj.btf().type(p.funcInfos().get(0).btfFuncType()).name());
            int bumpAt = p.funcInfos().get(1).insnOff();
            assertEquals("bump", obj.btf().type(p.funcInfos().get(1).btfFuncType()).name());

            List<Insn> insns = p.insns();
            int[] slots = Insn.slotOffsets(insns);
            int calls = 0;
            for (int i = 0; i < insns.size(); i++) {
                Insn in = insns.get(i);
                if (in.isLocalCall()) {
                    calls++;
                    assertEquals("bump", in.reference());
                    assertEquals(bumpAt, slots[i] + in.imm() + 1, p.name() + ": call lands on the appended subprogram");
                }
                if (in.isLdImm64() && in.reference() != null) {
                    assertEquals(PSEUDO_MAP_FD, in.src());
                    assertEquals(0, in.imm());
                }
            }
            assertEquals(1, calls, p.name());
            long countsLoads = insns.stream().filter(in -> "counts".equals(in.reference())).count();
            assertEquals(2, countsLoads, p.name() + ": bump loads counts twice (lookup and update)");

            // bump's line info came along with it
            int lookupLine = lineOf("struct event *e = bpf_map_lookup_elem(&counts, &pid);");
            Insn lookupCall = null;
            for (int i = 0; i < insns.size(); i++) {
                if (slots[i] >= bumpAt && insns.get(i).isHelperCall() && insns.get(i).imm() == 1) { lookupCall = insns.get(i); break; }
            }
            assertNotNull(lookupCall, p.name());
            assertNotNull(lookupCall.source(), p.name() + ": the lookup call has a source line");
            assertEquals(lookupLine, lookupCall.source().line());
            assertTrue(lookupCall.source().file().endsWith("counter.c"), lookupCall.source().file());
            assertTrue(lookupCall.source().text().contains("bpf_map_lookup_elem(&counts, &pid)"), lookupCall.source().text());
            assertTrue(lookupCall.source().text().startsWith("\tstruct event *e"), "a source line keeps its tab");
        }
        assertEquals("totals", getpid.insns().stream().filter(Insn::isLdImm64).map(Insn::reference).findFirst().orElseThrow(),
                "on_getpid loads totals before calling bump");
    }

    @Test
    void clangObjectRewrittenByObjectWriterStillLoads() throws Exception {
        BpfObject obj = compileAndRead();
        Tools.requireRoot();
        Tools.requireTool("bpftool");
        Path rewritten = tmp.resolve("rewritten.o");
        Files.write(rewritten, ObjectWriter.write(obj));
        Path pins = Tools.pinDir("clang");
        try {
            Tools.check("bpftool", "prog", "loadall", rewritten.toString(), pins.toString());
            String xlated = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve("on_getppid").toString());
            assertTrue(xlated.contains("int on_getppid(void * ctx):"), xlated);
            assertTrue(xlated.contains("int bump(int pid):"), xlated);
            assertTrue(xlated.contains("; return bump(-1);"), xlated);
            assertTrue(xlated.contains("bpf_map_lookup_elem(&counts, &pid);"), xlated);
        } finally {
            Tools.deleteTree(pins);
        }
    }
}
