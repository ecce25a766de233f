package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.fake.FakeBpf;
import org.junit.jupiter.api.Test;

/**
 * Global-data sections become one-entry array maps: mmapable, holding their initial bytes, read-only ones frozen
 * after they are written, and named like libbpf names them; map-value references get the map's fd beside their offset.
 */
class LoaderGlobalsTest {
    private final FakeBpf kernel = new FakeBpf();
    private final Loader loader = new Loader(BtfEncoder.core(), kernel);

    private static BpfObject object() {
        GlobalData bss = new GlobalData(".bss", new byte[16], List.of(new GlobalData.Variable("hits", 8, 8, 0)), 0);
        GlobalData rodata = new GlobalData(".rodata", new byte[] {0, 0, 0, 0, 42, 0, 0, 0},
                List.of(new GlobalData.Variable("limit", 4, 4, 0)), 0);
        List<Insn> insns = List.of(
                new Insn(Opcodes.LD | Opcodes.IMM | Opcodes.DW, 1, Opcodes.PSEUDO_MAP_VALUE, 0, 4L << 32, ".rodata", null),
                Insn.mov64Imm(0, 0), Insn.exit());
        ProgramSpec prog = new ProgramSpec("count", "tracepoint/syscalls/sys_enter_getppid", insns, List.of());
        return new BpfObject("VeryLongProbeName", "GPL", List.of(), List.of(prog), null, List.of(bss, rodata));
    }

    @Test
    void sectionsBecomeMapsWithTheirBytesAndReadOnlyOnesAreFrozen() {
        try (LoadedObject o = loader.load(object())) {
            assertEquals(List.of("BPF_MAP_CREATE", "BPF_MAP_CREATE", "BPF_MAP_FREEZE", "BPF_PROG_LOAD"),
                    kernel.calls().stream().filter(c -> !c.startsWith("BPF_MAP_UPDATE")).toList());
            FakeBpf.FakeMap bss = kernel.map(o.global(".bss").fd().value()), rodata = kernel.map(o.global(".rodata").fd().value());
            assertEquals("VeryLong.bss", bss.name);
            assertEquals("VeryLong.rodata", rodata.name);
            assertEquals(MapTypes.ARRAY, rodata.type);
            assertEquals(8, rodata.valueSize);
            assertEquals(1, rodata.maxEntries);
            assertTrue(bss.entries.isEmpty(), ".bss needs no write: the kernel zeroes it");
            assertArrayEquals(new byte[] {0, 0, 0, 0, 42, 0, 0, 0}, rodata.entries.get(ByteBuffer.wrap(new byte[4])));
            assertNull(o.map(".rodata"), "global-data maps are not among the object's declared maps");

            Insn ref = MapRelocator.relocate(o.object().programs().get(0), o).get(0);
            assertEquals((4L << 32) | o.global(".rodata").fd().value(), ref.imm(), "offset 4 beside the fd");
        }
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void kernelNamesKeepTheSectionWhole() {
        assertEquals("v.rodata.str1.1", Loader.kernelName("verylongname", ".rodata.str1.1"));
        assertEquals("probe.bss", Loader.kernelName("probe", ".bss"));
    }
}
