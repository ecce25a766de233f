package org.jbpf.core.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.elf.ElfFile;
import org.junit.jupiter.api.Test;

/**
 * Labelled sections are written under the names libbpf accepts (the kind alone, programs of a kind sharing it) and
 * read back by jbpf with their labels.
 */
class SectionLabelsTest {

    /** The sample's two programs as {@code xdp/first} and {@code xdp/second}, and a copy of the second as {@code socket/udp}. */
    static BpfObject labelled() {
        BpfObject sample = SampleObject.build();
        ProgramSpec count = sample.programs().get(0), record = sample.programs().get(1);
        List<ProgramSpec> programs = List.of(
                new ProgramSpec(count.name(), "xdp/first", count.insns(), count.funcInfos()),
                new ProgramSpec(record.name(), "xdp/second", record.insns(), record.funcInfos()),
                new ProgramSpec("udp_only", "socket/udp", record.insns(), List.of()));
        return new BpfObject("labels", sample.license(), sample.maps(), programs, sample.btf());
    }

    @Test
    void labelledProgramsShareTheirKindsSectionAndReadBackWithTheirLabels() {
        BpfObject obj = labelled();
        byte[] bytes = ObjectWriter.write(obj);
        ElfFile elf = ElfFile.parse(bytes, "labels.o");
        ElfFile.Section xdp = elf.section("xdp");
        assertEquals(List.of("xdp", "socket", ".text"), codeSections(elf));
        int countEntry = 12 * 8;   // the entry function; its subprogram is in .text
        assertEquals(countEntry + 13 * 8, xdp.size(), "both xdp programs' entry functions");
        assertEquals(List.of(0L, (long) countEntry), List.of(symbol(elf, "count_getpid").value(), symbol(elf, "record_getppid").value()));
        assertEquals(xdp.index(), symbol(elf, "record_getppid").shndx());
        assertEquals("\0count_getpid\0xdp/first\0record_getppid\0xdp/second\0udp_only\0socket/udp\0",
                new String(elf.data(elf.section(SectionLabels.SECTION)), StandardCharsets.UTF_8));

        BpfObject back = ObjectReader.read(bytes, "labels.o");
        assertEquals(obj.programs(), back.programs(), "sections, code, func_info and lines as written");
        assertEquals(back.programs(), ObjectReader.read(ObjectWriter.write(back), "again.o").programs(), "rewriting is stable");
    }

    @Test
    void programsOfMixedKindsReadBackInTheirOrder() {
        BpfObject sample = SampleObject.build();
        ProgramSpec count = sample.programs().get(0), record = sample.programs().get(1);
        List<ProgramSpec> programs = List.of(
                new ProgramSpec("first", "xdp/first", record.insns(), List.of()),
                new ProgramSpec(count.name(), count.section(), count.insns(), count.funcInfos()),
                new ProgramSpec("second", "xdp/second", record.insns(), List.of()));
        BpfObject back = ObjectReader.read(ObjectWriter.write(new BpfObject("mixed", "GPL", sample.maps(), programs, sample.btf())), "mixed.o");
        assertEquals(programs, back.programs());
    }

    @Test
    void objectsWithoutLabelsHaveNoLabelSection() {
        assertNull(ElfFile.parse(ObjectWriter.write(SampleObject.build()), "sample.o").section(SectionLabels.SECTION));
        assertEquals("xdp", SectionLabels.elfName("xdp"));
        assertEquals("classifier", SectionLabels.elfName("tc/ingress"));
        assertEquals("perf_event", SectionLabels.elfName("perf_event/cpu-clock-99hz"));
        assertEquals("tracepoint/sched/sched_switch", SectionLabels.elfName("tracepoint/sched/sched_switch"));
        assertEquals("uprobe//lib/x.so:f", SectionLabels.elfName("uprobe//lib/x.so:f"));
    }

    @Test
    void aLabelForAMissingOrMisplacedProgramIsNamed() {
        byte[] bytes = ObjectWriter.write(labelled());
        String other = replaced(bytes, "udp_only\0", "udp_oops\0");
        assertEquals("labels.o: section .jbpf.sections: names a section for udp_oops, which is no program of the object",
                withoutOffset(assertThrows(ObjectFormatException.class, () -> ObjectReader.read(other.getBytes(StandardCharsets.ISO_8859_1), "labels.o"))));
        String moved = replaced(bytes, "socket/udp\0", "xdp/ingres\0");
        assertEquals("labels.o: section .jbpf.sections: names section xdp/ingres for program udp_only, which is in section socket",
                withoutOffset(assertThrows(ObjectFormatException.class, () -> ObjectReader.read(moved.getBytes(StandardCharsets.ISO_8859_1), "labels.o"))));
    }

    /** The message up to its " (at byte N)", which depends on the file's layout. */
    private static String withoutOffset(ObjectFormatException e) {
        String m = e.getMessage();
        return m.contains(" (at byte ") ? m.substring(0, m.lastIndexOf(" (at byte ")) : m;
    }

    private static String replaced(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static List<String> codeSections(ElfFile elf) {
        List<String> out = new ArrayList<>();
        for (ElfFile.Section s : elf.sections()) if (s.isExecutable()) out.add(s.name());
        return out;
    }

    private static ElfFile.Symbol symbol(ElfFile elf, String name) {
        for (ElfFile.Symbol s : elf.symbols()) if (s.name().equals(name)) return s;
        throw new AssertionError("no symbol " + name);
    }
}
