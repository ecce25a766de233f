package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/** {@code @Histogram} on a struct's array field reaches the object's BTF as the map mark's typedef, on that field only. */
class HistogramFieldsTest {
    @Test void marksTheHistogramFieldsOfAValue() throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());
        byte[] probe = classes.read("org/jbpf/toolchain/probes/SizeHistograms");
        BpfObject translated = Backends.direct().translate(probe, classes, Translator.Options.DEFAULT);
        BpfObject o = ObjectReader.read(ObjectWriter.write(BtfMarks.apply(translated, probe, classes)), "SizeHistograms");
        Btf btf = o.btf();
        BtfType.Struct value = (BtfType.Struct) btf.type(btf.resolve(o.map("sizes").orElseThrow().btfValueType()));
        Map<String, MapMarks.Mark> marks = new LinkedHashMap<>();
        for (BtfType.Member m : value.members()) marks.put(m.name(), MapMarks.ofType(btf, m.type()));
        assertEquals(new MapMarks.Mark(MapMarks.Kind.LOG2_HISTOGRAM, 0), marks.get("log2"));
        assertEquals(new MapMarks.Mark(MapMarks.Kind.LINEAR_HISTOGRAM, 100), marks.get("linear"));
        assertEquals(MapMarks.Mark.PLAIN, marks.get("plain"));
        assertEquals(MapMarks.Mark.PLAIN, marks.get("count"));
        assertTrue(HistogramFields.any(value, btf));
        assertEquals("{count=3, plain=[0, 0, 0, 0]}",
                MapText.show(valueBytes(value.size()), new BtfType.Struct(value.name(), value.size(),
                        value.members().stream().filter(m -> !MapMarks.ofType(btf, m.type()).histogram()).toList()), btf, false));
    }

    @Test void marksOnFieldsTheyDoNotFitAreRefusedByName() throws Exception {
        assertEquals("Counts.slots is marked @Histogram, which fits a @Size(n) long[] or int[] of counts (slot k counts "
                + "[2^k, 2^(k+1)), or [k*step, (k+1)*step) when linear); remove the mark or change the field", refusal("ByteHistogram"));
        assertEquals("Peer.address is marked @IpAddress, which fits an int or a @Size(4) or @Size(16) byte[] holding an address "
                + "in network byte order; remove the mark or change the field", refusal("LongAddress"));
    }

    private static String refusal(String probe) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(HistogramFieldsTest.class.getClassLoader());
        byte[] bytes = classes.read("org/jbpf/toolchain/probes/MisplacedMarks$" + probe);
        return org.junit.jupiter.api.Assertions.assertThrows(org.jbpf.translator.TranslationException.class,
                () -> Backends.direct().translate(bytes, classes, Translator.Options.DEFAULT)).getMessage();
    }

    private static byte[] valueBytes(int size) {
        byte[] b = new byte[size];
        b[0] = 3;
        return b;
    }
}
