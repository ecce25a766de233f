package org.jbpf.core.obj;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.elf.ByteSink;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfWriter;
import org.junit.jupiter.api.Test;

/** Objects declaring maps the old way: {@code struct bpf_map_def} entries in a {@code maps} section, no BTF. */
class LegacyMapsTest {

    private static byte[] legacyObject() {
        ElfWriter elf = new ElfWriter(Elf.EM_BPF);
        byte[] code = Insn.encode(List.of(Insn.ldImm64(1, 0), Insn.ldImm64(2, 0), Insn.mov64Imm(0, 0), Insn.exit()));
        int prog = elf.add("socket", Elf.SHT_PROGBITS, Elf.SHF_ALLOC | Elf.SHF_EXECINSTR, code, 8, 0);
        ByteSink defs = new ByteSink();
        defs.u32(MapTypes.HASH).u32(8).u32(16).u32(100).u32(1);        // first_map at 0
        defs.u32(MapTypes.PERCPU_ARRAY).u32(4).u32(64).u32(8).u32(0);  // second_map at 20
        int maps = elf.add("maps", Elf.SHT_PROGBITS, Elf.SHF_WRITE | Elf.SHF_ALLOC, defs.toByteArray(), 4, 0);
        int license = elf.add("license", Elf.SHT_PROGBITS, Elf.SHF_WRITE | Elf.SHF_ALLOC, "GPL\0".getBytes(), 1, 0);
        ByteSink names = new ByteSink().u8(0);
        ByteSink syms = new ByteSink().zeros(Elf.SYM_SIZE);
        int[] nameAt = new int[4];
        String[] symNames = {"first_map", "second_map", "filter", "_license"};
        for (int i = 0; i < 4; i++) { nameAt[i] = names.size(); names.cstring(symNames[i]); }
        syms.u32(nameAt[0]).u8(Elf.STB_GLOBAL << 4 | Elf.STT_OBJECT).u8(0).u16(maps).u64(0).u64(20);   // 1
        syms.u32(nameAt[1]).u8(Elf.STB_GLOBAL << 4 | Elf.STT_OBJECT).u8(0).u16(maps).u64(20).u64(20);  // 2
        syms.u32(nameAt[2]).u8(Elf.STB_GLOBAL << 4 | Elf.STT_FUNC).u8(0).u16(prog).u64(0).u64(code.length);
        syms.u32(nameAt[3]).u8(Elf.STB_GLOBAL << 4 | Elf.STT_OBJECT).u8(0).u16(license).u64(0).u64(4);
        ByteSink rel = new ByteSink();
        rel.u64(0).u64(2L << 32 | Elf.R_BPF_64_64);   // r1 = second_map
        rel.u64(16).u64(1L << 32 | Elf.R_BPF_64_64);  // r2 = first_map
        int symtab = elf.nextIndex() + 1;
        int r = elf.add(".relsocket", Elf.SHT_REL, 0, rel.toByteArray(), 8, Elf.REL_SIZE);
        elf.section(r).link(symtab).info(prog);
        int s = elf.add(".symtab", Elf.SHT_SYMTAB, 0, syms.toByteArray(), 8, Elf.SYM_SIZE);
        elf.section(s).link(s + 1).info(1);
        elf.add(".strtab", Elf.SHT_STRTAB, 0, names.toByteArray(), 1, 0);
        return elf.toBytes();
    }

    @Test
    void readsMapDefinitionsAndResolvesRelocationsByOffset() {
        BpfObject obj = ObjectReader.read(legacyObject(), "legacy.o");
        assertEquals(List.of(new MapSpec("first_map", MapTypes.HASH, 8, 16, 100, 1, 0, 0),
                new MapSpec("second_map", MapTypes.PERCPU_ARRAY, 4, 64, 8, 0, 0, 0)), obj.maps());
        assertEquals("GPL", obj.license());
        ProgramSpec p = obj.program("filter").orElseThrow();
        assertEquals("socket", p.section());
        assertEquals(Insn.ldMap(1, "second_map"), p.insns().get(0));
        assertEquals(Insn.ldMap(2, "first_map"), p.insns().get(1));
        assertEquals(Opcodes.PSEUDO_MAP_FD, p.insns().get(1).src());
        assertTrue(p.funcInfos().isEmpty(), "no BTF, no func_info");
    }
}
