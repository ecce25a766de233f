package org.jbpf.it.globals;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.runtime.Constants;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Tools;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe's globals as an object: sections, variables and BTF like clang's, an ELF file bpftool loads and jbpf reads
 * back unchanged, and the verifier simulation and interpreter working on the map-value pointers.
 */
class GlobalsObjectTest {
    @TempDir Path tmp;

    @Test
    void sectionsVariablesAndBtfLikeClangs() {
        BpfObject obj = Translator.translate(Globals.class);
        assertEquals(List.of(".bss", ".data", ".rodata"), obj.globals().stream().map(GlobalData::name).toList());
        GlobalData data = obj.global(".data").orElseThrow(), rodata = obj.global(".rodata").orElseThrow();
        assertEquals(List.of("hits", "others", "stepped", "traced"),
                obj.global(".bss").orElseThrow().variables().stream().map(GlobalData.Variable::name).toList());
        assertEquals(3, data.bytes()[0], "step = 3");
        assertEquals(List.of((byte) -2, (byte) -1), List.of(data.bytes()[4], data.bytes()[5]), "lastSmall = -2 at offset 4");
        assertEquals(List.of("targetTgid", "tracing"), Constants.names(obj));
        BtfType.Datasec sec = (BtfType.Datasec) obj.btf().type(rodata.btfDatasec());
        assertEquals(".rodata", sec.name());
        assertEquals(8, sec.size());
        BtfType.Var var = (BtfType.Var) obj.btf().type(sec.vars().get(0).type());
        assertEquals("targetTgid", var.name());
        assertInstanceOf(BtfType.Const.class, obj.btf().type(var.type()), "const volatile int, as clang describes it");
        assertEquals(GlobalData.F_MMAPABLE | GlobalData.F_RDONLY_PROG, rodata.mapSpec().flags());
    }

    @Test
    void writtenObjectReadsBackTheSame() {
        BpfObject obj = Translator.translate(Globals.class);
        BpfObject back = ObjectReader.read(ObjectWriter.write(obj), "Globals");
        assertEquals(obj.globals().stream().map(g -> g.name() + g.variables()).toList().size(), back.globals().size());
        for (GlobalData g : obj.globals()) {
            GlobalData r = back.global(g.name()).orElseThrow();
            assertArrayEquals(g.bytes(), r.bytes(), g.name());
            assertEquals(g.variables().stream().map(v -> v.name() + "@" + v.offset() + ":" + v.size()).toList(),
                    r.variables().stream().map(v -> v.name() + "@" + v.offset() + ":" + v.size()).toList(), g.name());
        }
        assertEquals(obj.programs().get(0).insns().stream().map(i -> i.src() + ":" + i.imm() + ":" + i.reference()).toList(),
                back.programs().get(0).insns().stream().map(i -> i.src() + ":" + i.imm() + ":" + i.reference()).toList());
    }

    @Test
    void simulatorAcceptsAndInterpreterCountsWithGlobals() {
        BpfObject obj = Constants.apply(Translator.translate(Globals.class), java.util.Map.of("targetTgid", 77, "tracing", true));
        for (VerifierResult r : Verifier.verifyAll(obj)) assertTrue(r.ok(), r.toString());
        Interpreter in = new Interpreter(obj);
        in.helpers().pidTgid(77, 78);
        for (int i = 0; i < 4; i++) assertEquals(0, in.run("onGetppid", new byte[64]));
        in.helpers().pidTgid(5, 5);
        in.run("onGetppid", new byte[64]);
        byte[] bss = in.map(".bss").lookup(0);
        assertEquals(4, bss[0], "hits");
        assertEquals(1, bss[8], "others");
        assertEquals(12, bss[16], "stepped: 4 times step 3");
        assertEquals(4, bss[24], "traced");
    }

    @Test
    void bpftoolLoadsTheWrittenObject() throws Exception {
        Kernel.requireBpffs();
        Tools.require("bpftool");
        Path o = tmp.resolve("Globals.o");
        Files.write(o, ObjectWriter.write(Translator.translate(Globals.class)));
        Path pins = Path.of("/sys/fs/bpf", "jbpf_it_globals_" + ProcessHandle.current().pid() + "_" + System.nanoTime());
        try {
            Tools.check("bpftool", "prog", "loadall", o.toString(), pins.toString());
            String xlated = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve("onGetppid").toString());
            assertTrue(xlated.contains("map[id:"), xlated);
            String maps = Tools.check("bpftool", "map", "show");
            assertTrue(maps.contains("Globals.rodata") && maps.contains("frozen"), maps);
        } finally {
            if (Files.exists(pins)) try (var s = Files.walk(pins)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
