package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** {@code @Histogram} and {@code @Scratch} on map fields reach the object's BTF and come back from the .o file. */
class MapMarksTest {
    private static BpfObject translated(String internalName) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(MapMarksTest.class.getClassLoader());
        return Backends.direct().translate(classes.read(internalName), classes, Translator.Options.DEFAULT);
    }

    private static MapMarks.Mark mark(BpfObject o, String map) {
        return MapMarks.of(o.map(map).orElseThrow(), o.btf());
    }

    @Test void readLatencyMarksItsHistogramAndItsScratchMap() throws Exception {
        BpfObject o = translated("org/jbpf/examples/ReadLatency");
        assertEquals(new MapMarks.Mark(MapMarks.Kind.LOG2_HISTOGRAM, 0), mark(o, "histogram"));
        assertEquals(new MapMarks.Mark(MapMarks.Kind.SCRATCH, 0), mark(o, "start"));
        assertEquals(MapMarks.Mark.PLAIN, mark(o, "processStats"));
        BpfObject read = ObjectReader.read(ObjectWriter.write(o), "ReadLatency");
        assertEquals(MapMarks.Kind.LOG2_HISTOGRAM, mark(read, "histogram").kind());
        assertEquals(MapMarks.Kind.SCRATCH, mark(read, "start").kind());
    }

    @Test void linearHistogramKeepsItsStep() throws Exception {
        BpfObject o = ObjectReader.read(ObjectWriter.write(translated("org/jbpf/toolchain/probes/NamedCounter")), "NamedCounter");
        assertEquals(new MapMarks.Mark(MapMarks.Kind.LINEAR_HISTOGRAM, 10), mark(o, "sizes"));
        assertEquals(MapMarks.Mark.PLAIN, mark(o, "counts"));
    }

    @Test void recordingMarksKeepsTheGlobalVariables() throws Exception {
        BpfObject o = translated("org/jbpf/toolchain/probes/MarkedGlobals");
        assertEquals(MapMarks.Kind.LOG2_HISTOGRAM, mark(o, "hist").kind());
        assertEquals(List.of(".bss", ".rodata"), o.globals().stream().map(org.jbpf.core.obj.GlobalData::name).toList());
        assertEquals(4, o.global(".rodata").orElseThrow().bytes()[0]);
    }

    @Test void linearBarsAreLabelledWithTheirRange() {
        String chart = Histogram.renderLinear(List.of(0L, 4L, 2L), 10);
        assertEquals(String.format("%-20s %8d |%-52s|%n%-20s %8d |%-52s|%n",
                "[10, 20)", 4, "@".repeat(52), "[20, 30)", 2, "@".repeat(26)), chart);
    }
}
