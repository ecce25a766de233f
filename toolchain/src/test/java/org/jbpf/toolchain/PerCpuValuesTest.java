package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.Codecs;
import org.jbpf.toolchain.probes.WideTally;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * A raw per-CPU value combined by its object's BTF alone, as {@code jbpf run} and map dumps do: arrays and nested
 * structs element by element, {@code @Max} fields and arrays the largest, text taken whole from one CPU.
 */
class PerCpuValuesTest {
    private static byte[] bytes(WideTally.Tally t) {
        Codec<WideTally.Tally> c = Codecs.of(WideTally.Tally.class);
        ByteBuffer b = ByteBuffer.allocate(c.size()).order(ByteOrder.LITTLE_ENDIAN);
        c.write(t, b);
        return b.array();
    }

    private static WideTally.Tally tally(int k, String name) {
        WideTally.Tally t = new WideTally.Tally();
        t.calls = k;
        t.peak = 100 - k;
        t.counts = new long[] {k, 10L * k, -k};
        t.highs = new int[] {k, -k};
        t.all = new WideTally.Pair();
        t.all.calls = k;
        t.all.args = 1000L * k;
        t.byParity = new WideTally.Pair[] {new WideTally.Pair(), new WideTally.Pair()};
        t.byParity[1].calls = 2 * k;
        t.byParity[1].args = Long.MAX_VALUE;
        t.name = Arrays.copyOf(name.getBytes(), 8);
        return t;
    }

    @Test void wideValuesCombineByTheirBtf() throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(PerCpuValuesTest.class.getClassLoader());
        BpfObject translated = Backends.direct().translate(classes.read("org/jbpf/toolchain/probes/WideTally"), classes, Translator.Options.DEFAULT);
        BpfObject o = ObjectReader.read(ObjectWriter.write(translated), "WideTally");
        MapSpec spec = o.map("tallies").orElseThrow();
        byte[] one = PerCpuValues.aggregation(o.btf(), spec.btfValueType(), spec.valueSize())
                .combine(List.of(bytes(tally(3, "")), bytes(tally(4, "sh"))));
        WideTally.Tally t = Codecs.of(WideTally.Tally.class).read(ByteBuffer.wrap(one).order(ByteOrder.LITTLE_ENDIAN));
        assertEquals(7, t.calls);
        assertEquals(97, t.peak, "@Max keeps the largest");
        assertEquals("[7, 70, -7]", Arrays.toString(t.counts), "element by element");
        assertEquals("[4, -3]", Arrays.toString(t.highs), "an @Max array keeps each element's largest");
        assertEquals(7, t.all.calls);
        assertEquals(7000L, t.all.args);
        assertEquals(0, t.byParity[0].calls);
        assertEquals(14, t.byParity[1].calls);
        assertEquals(-2L, t.byParity[1].args, "MAX + MAX wraps at 64 bits");
        assertEquals("sh", new String(t.name).trim().replace("\0", ""), "text is the first CPU's that is set, never added");

        org.jbpf.core.btf.BtfType.Struct value = MapText.struct(o.btf(), spec.btfValueType());
        assertEquals("{calls=7, peak=97, counts=[7, 70, -7], highs=[4, -3], all={calls=7, args=7000}, byParity=[{calls=0, args=0}, "
                + "{calls=14, args=-2}], name=sh}", MapText.show(one, value, o.btf(), false), "jbpf run prints arrays element by element");
        assertEquals("{calls=7, peak=97, counts=[7, 70, -7], highs=[4, -3], all={calls=7, args=7000}, byParity=[{calls=0, args=0}, "
                + "{calls=14, args=-2}], name=sh}", MapData.decode(one, value, o.btf(), false).toString(), "and its JSON holds lists and objects");
    }
}
