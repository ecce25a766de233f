package org.jbpf.core.obj;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfFile;
import org.junit.jupiter.api.Test;

class ObjectRoundTripTest {

    @Test
    void writtenObjectReadsBackToTheSameModel() {
        BpfObject obj = SampleObject.build();
        int typesBefore = obj.btf().size();
        BpfObject back = ObjectReader.read(ObjectWriter.write(obj), "sample.o");

        assertEquals(typesBefore, obj.btf().size(), "the caller's BTF must not grow");
        assertEquals("sample.o", back.name());
        assertEquals("Dual BSD/GPL", back.license());
        assertEquals(obj.maps(), back.maps());
        assertEquals(obj.programs(), back.programs());
        assertEquals(obj.btf().types(), back.btf().types().subList(0, typesBefore), "original type ids stay valid");
    }

    @Test
    void rewritingAReadObjectIsStable() {
        byte[] first = ObjectWriter.write(SampleObject.build());
        BpfObject once = ObjectReader.read(first, "sample.o");
        BpfObject twice = ObjectReader.read(ObjectWriter.write(once), "sample.o");
        assertEquals(once.programs(), twice.programs());
        assertEquals(once.maps(), twice.maps());
        assertEquals(1, twice.btf().types().stream().filter(t -> t instanceof BtfType.Datasec d && d.name().equals(".maps")).count());
    }

    @Test
    void elfLayoutIsWhatLibbpfExpects() {
        byte[] bytes = ObjectWriter.write(SampleObject.build());
        ElfFile elf = ElfFile.parse(bytes, "sample.o");
        assertEquals(Elf.EM_BPF, elf.machine());
        ElfFile.Section prog = elf.section("tracepoint/syscalls/sys_enter_getpid");
        assertEquals(Elf.SHF_ALLOC | Elf.SHF_EXECINSTR, prog.flags());
        assertEquals(12 * 8, prog.size(), "entry function only; the subprogram goes to .text");
        assertEquals(3 * 8, elf.section(".text").size());
        assertEquals("Dual BSD/GPL\0", new String(elf.data(elf.section("license")), java.nio.charset.StandardCharsets.US_ASCII));

        ElfFile.Symbol count = symbol(elf, "count_getpid");
        assertEquals(Elf.STB_GLOBAL, count.bind());
        assertEquals(Elf.STT_FUNC, count.type());
        assertEquals(prog.index(), count.shndx());
        assertEquals(96, count.size());
        ElfFile.Symbol twice = symbol(elf, "twice");
        assertEquals(Elf.STB_LOCAL, twice.bind());
        assertEquals(elf.section(".text").index(), twice.shndx());
        assertEquals(Elf.STT_OBJECT, symbol(elf, "LICENSE").type());
        ElfFile.Symbol events = symbol(elf, "events");
        assertEquals(elf.section(".maps").index(), events.shndx());
        assertEquals(32, events.value(), "counts (type, max_entries, key, value) comes first");

        // map load: relocated, src_reg and imm zero in the file
        List<ElfFile.Relocation> rels = elf.relocations(elf.section(".reltracepoint/syscalls/sys_enter_getpid"));
        assertEquals(2, rels.size());
        assertEquals(new ElfFile.Relocation(24, Elf.R_BPF_64_64, symbol(elf, "counts").index()), rels.get(0));
        assertEquals(Elf.R_BPF_64_32, rels.get(1).type());
        assertEquals(80, rels.get(1).offset(), "call at slot 10");
        byte[] code = elf.data(prog);
        assertEquals(0x18, code[24] & 0xff);
        assertEquals(0x01, code[25] & 0xff, "dst r1, src 0");
        assertEquals(0, ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN).getInt(28));
        assertEquals(-1, ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN).getInt(80 + 4), "call .text + 0");
    }

    @Test
    void btfDescribesEachMapTheLibbpfWay() {
        BpfObject back = ObjectReader.read(ObjectWriter.write(SampleObject.build()), "sample.o");
        var btf = back.btf();
        int ds = btf.find(BtfType.KIND_DATASEC, ".maps");
        BtfType.Datasec sec = (BtfType.Datasec) btf.type(ds);
        assertEquals(List.of("counts", "events", "totals", "ring"),
                sec.vars().stream().map(v -> btf.type(v.type()).name()).toList());
        assertEquals(32 + 32 + 48 + 16, sec.size());
        BtfType.Struct totals = (BtfType.Struct) btf.type(((BtfType.Var) btf.type(sec.vars().get(2).type())).type());
        assertEquals(List.of("type", "max_entries", "key_size", "value_size", "map_flags", "pinning"),
                totals.members().stream().map(BtfType.Member::name).toList());
        BtfType.Struct ring = (BtfType.Struct) btf.type(((BtfType.Var) btf.type(sec.vars().get(3).type())).type());
        assertEquals(List.of("type", "max_entries"), ring.members().stream().map(BtfType.Member::name).toList());
    }

    @Test
    void lineInfoStartsAtEveryFunctionAndMarksUnknownSource() {
        BpfObject back = ObjectReader.read(ObjectWriter.write(SampleObject.build()), "sample.o");
        ProgramSpec record = back.program("record_getppid").orElseThrow();
        assertNull(record.insns().get(0).source());
        assertEquals(30, record.insns().get(1).source().line());
        assertEquals(4, record.insns().get(1).source().column());
        assertEquals("events.put(0, e);", record.insns().get(4).source().text());
        assertNull(record.insns().get(5).source(), "a plain constant load without source stays without");
        ProgramSpec count = back.program("count_getpid").orElseThrow();
        assertEquals("return x * 2;", count.insns().get(11).source().text());
        assertEquals("int key = 0;\t// a tab, as C sources have", count.insns().get(0).source().text(),
                "a source line is text, not a name: its tabs are kept");
        assertEquals(new ProgramSpec.FuncInfo(12, count.funcInfos().get(1).btfFuncType()), count.funcInfos().get(1));
    }

    @Test
    void writerRejectsInconsistentObjects() {
        BpfObject ok = SampleObject.build();
        ProgramSpec p = ok.programs().get(1);
        BpfObject dupSection = new BpfObject("dup", "GPL", ok.maps(),
                List.of(p, new ProgramSpec("other", p.section(), p.insns(), List.of())), ok.btf());
        String msg = assertThrows(ObjectFormatException.class, () -> ObjectWriter.write(dupSection)).getMessage();
        assertTrue(msg.contains("object dup") && msg.contains("two programs use section tracepoint/syscalls/sys_enter_getppid"), msg);

        BpfObject unknownMap = new BpfObject("nomap", "GPL", List.of(),
                List.of(new ProgramSpec("p", "xdp", List.of(Insn.ldMap(1, "missing"), Insn.mov64Imm(0, 0), Insn.exit()), List.of())), null);
        msg = assertThrows(ObjectFormatException.class, () -> ObjectWriter.write(unknownMap)).getMessage();
        assertTrue(msg.contains("refers to map missing, which the object does not declare"), msg);

        BpfObject badCall = new BpfObject("call", "GPL", List.of(),
                List.of(new ProgramSpec("p", "xdp", List.of(Insn.callLocal("f", 5), Insn.exit()), List.of())), null);
        msg = assertThrows(ObjectFormatException.class, () -> ObjectWriter.write(badCall)).getMessage();
        assertTrue(msg.contains("calls slot 6"), msg);
    }

    private static ElfFile.Symbol symbol(ElfFile elf, String name) {
        return elf.symbols().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no symbol " + name));
    }
}
