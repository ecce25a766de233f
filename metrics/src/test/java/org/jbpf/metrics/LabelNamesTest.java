package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.junit.jupiter.api.Test;

/**
 * Maps described by BTF written here (as an object built by clang would carry it): a text value field whose name a
 * key field already uses as a label is left out with a note, so a series never has one label twice.
 */
class LabelNamesTest {
    @Test void aValueTextFieldNamedLikeAKeyFieldIsLeftOut() throws Exception {
        Btf btf = new Btf();
        int u32 = btf.add(new BtfType.IntType("unsigned int", 4, 0));
        int u64 = btf.add(new BtfType.IntType("unsigned long", 8, 0));
        int chr = btf.add(new BtfType.IntType("char", 1, BtfType.INT_CHAR));
        int comm = btf.add(new BtfType.Array(chr, u32, 16));
        int key = btf.add(new BtfType.Struct("key", 20, List.of(new BtfType.Member("pid", u32, 0), new BtfType.Member("comm", comm, 32))));
        int value = btf.add(new BtfType.Struct("value", 40, List.of(new BtfType.Member("calls", u64, 0),
                new BtfType.Member("comm", comm, 64), new BtfType.Member("file", btf.add(new BtfType.Array(chr, u32, 16)), 192))));
        MapSpec spec = new MapSpec("seen", MapTypes.HASH, 20, 40, 64, 0, key, value);
        List<String> notes = new ArrayList<>();
        MapPlan plan = MapPlan.of("Files", spec, btf, MetricsOptions.defaults().exportText("seen").notes(notes::add));
        assertEquals(List.of("map seen: value field comm left out: the key has a label of that name"), notes);

        ByteBuffer k = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(42).put("bash".getBytes(StandardCharsets.UTF_8));
        ByteBuffer v = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).putLong(3).put("bash".getBytes(StandardCharsets.UTF_8));
        v.position(24);
        v.put("/etc/passwd".getBytes(StandardCharsets.UTF_8));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new MapCollector(plan, () -> List.of(new MapSource.Entry(k.array(), List.of(v.array())))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("jbpf_files_seen_calls{comm=\"bash\",file=\"/etc/passwd\",pid=\"42\"} 3.0\n"), text);
    }
}
