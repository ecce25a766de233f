package org.jbpf.translator.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.toolchain.Backends;
import org.jbpf.toolchain.EventRecords;
import org.jbpf.toolchain.MapMarks;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** The llvm backend records the same display marks in BTF as the direct one: histograms, scratch maps, text, records. */
class MarksThroughLlvmTest {
    private static BpfObject viaLlvm(String example) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(MarksThroughLlvmTest.class.getClassLoader());
        BpfObject o = Backends.named(Backends.LLVM).translate(ExamplesThroughLlvmTest.classFile(example), classes,
                ExamplesThroughLlvmTest.OPTIONS);
        return ObjectReader.read(ObjectWriter.write(o), example + ".o");
    }

    @Test void histogramAndScratchMarksSurviveTheLlvmObject() throws Exception {
        BpfObject o = viaLlvm("ReadLatency");
        assertEquals(new MapMarks.Mark(MapMarks.Kind.LOG2_HISTOGRAM, 0), MapMarks.of(o.map("histogram").orElseThrow(), o.btf()));
        assertEquals(MapMarks.Kind.SCRATCH, MapMarks.of(o.map("start").orElseThrow(), o.btf()).kind());
        assertEquals(MapMarks.Mark.PLAIN, MapMarks.of(o.map("processStats").orElseThrow(), o.btf()));
    }

    @Test void eventRecordsAndTheirTextFieldsSurviveTheLlvmObject() throws Exception {
        BpfObject o = viaLlvm("ExecRingEvents");
        BtfType.Struct record = EventRecords.of(o.btf(), "events");
        assertEquals("ProcessEvent", record.name());
        BtfType.Member comm = record.members().get(2);
        assertEquals("comm", comm.name());
        assertTrue(o.btf().type(o.btf().resolve(comm.type())) instanceof BtfType.Array a
                && o.btf().type(a.elemType()) instanceof BtfType.IntType i && (i.encoding() & BtfType.INT_CHAR) != 0, "comm is char text");
    }
}
