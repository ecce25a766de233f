package org.jbpf.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.toolchain.MapData;
import org.jbpf.toolchain.MapMarks;

/**
 * Output of {@code --format json}: one JSON object per line, each with a {@code "type"} saying which of the
 * schemas in README it follows ({@code map}, {@code histogram}, {@code event}, {@code stacks}, {@code globals},
 * {@code pinned}). Written with
 * Jackson's streaming generator; each line is printed whole, so lines from event threads never interleave.
 */
final class JsonLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final PrintStream out;

    JsonLines(PrintStream out) {
        this.out = out;
    }

    /**
     * An entry-by-entry map: {@code {"type":"map","time","map","mapType","entries":[{"key","value","perCpu"?}]}}, with
     * {@code perCpu} (each CPU's value) for per-CPU maps under --per-cpu.
     */
    void map(Instant time, MapSpec m, List<MapData.Row> rows) {
        line(g -> {
            head(g, "map", time, m);
            g.writeArrayFieldStart("entries");
            for (MapData.Row r : rows) {
                g.writeStartObject();
                g.writeFieldName("key");
                value(g, r.key());
                g.writeFieldName("value");
                value(g, r.value());
                if (r.perCpu() != null) {
                    g.writeArrayFieldStart("perCpu");
                    for (Object v : r.perCpu()) value(g, v);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /**
     * A histogram: {@code {"type":"histogram","time","map","mapType","scale":"log2"|"linear","step"?,
     * "buckets":[{"low","high","count"}]}} with the non-empty buckets, {@code low} inclusive, {@code high} exclusive.
     */
    void histogram(Instant time, MapSpec m, MapMarks.Mark mark, List<Long> slots) {
        boolean linear = mark.kind() == MapMarks.Kind.LINEAR_HISTOGRAM;
        line(g -> {
            head(g, "histogram", time, m);
            g.writeStringField("scale", linear ? "linear" : "log2");
            if (linear) g.writeNumberField("step", mark.step());
            g.writeArrayFieldStart("buckets");
            for (int k = 0; k < slots.size(); k++) {
                if (slots.get(k) == 0) continue;
                g.writeStartObject();
                g.writeNumberField("low", linear ? k * mark.step() : k == 0 ? 0 : power(k));
                g.writeNumberField("high", linear ? (k + 1) * mark.step() : power(k + 1));
                g.writeNumberField("count", slots.get(k));
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /**
     * A ring or perf buffer record: {@code {"type":"event","time","map","cpu"?,"size","data":"<hex>","fields"?}}, with
     * {@code fields} (as a map value's) when the object names the record's struct.
     */
    void event(String map, int cpu, ByteBuffer record, Object fields) {
        StringBuilder hex = new StringBuilder();
        for (int i = record.position(); i < record.limit(); i++) hex.append(String.format("%02x", record.get(i) & 0xff));
        line(g -> {
            g.writeStringField("type", "event");
            g.writeStringField("time", Instant.now().toString());
            g.writeStringField("map", map);
            if (cpu >= 0) g.writeNumberField("cpu", cpu);
            g.writeNumberField("size", record.remaining());
            g.writeStringField("data", hex.toString());
            if (fields != null) {
                g.writeFieldName("fields");
                value(g, fields);
            }
        });
    }

    /** A stack trace map: {@code {"type":"stacks","time","map","mapType","stacks":[{"id","frames":[...]}]}}. */
    void stacks(Instant time, MapSpec m, Map<Integer, List<String>> stacks) {
        line(g -> {
            head(g, "stacks", time, m);
            g.writeArrayFieldStart("stacks");
            for (Map.Entry<Integer, List<String>> s : stacks.entrySet()) {
                g.writeStartObject();
                g.writeNumberField("id", s.getKey());
                g.writeArrayFieldStart("frames");
                for (String f : s.getValue()) g.writeString(f);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /**
     * The object's global variables: {@code {"type":"globals","time","variables":{"name":V,...},"constants":{...}}},
     * numbers as numbers and byte arrays as {@code "0x..."} hex; {@code constants} holds the load-time constants.
     */
    void globals(Instant time, Map<String, Object> variables, Map<String, Object> constants) {
        line(g -> {
            g.writeStringField("type", "globals");
            g.writeStringField("time", time.toString());
            for (String field : new String[] {"variables", "constants"}) {
                g.writeObjectFieldStart(field);
                for (Map.Entry<String, Object> v : (field.equals("variables") ? variables : constants).entrySet()) {
                    g.writeFieldName(v.getKey());
                    value(g, v.getValue());
                }
                g.writeEndObject();
            }
        });
    }

    /** A pinned map: {@code {"type":"pinned","path","mapType","keySize","valueSize","maxEntries"}}. */
    void pinned(Path path, MapSpec s) {
        line(g -> {
            g.writeStringField("type", "pinned");
            g.writeStringField("path", path.toString());
            g.writeStringField("mapType", MapTypes.name(s.type()));
            g.writeNumberField("keySize", s.keySize());
            g.writeNumberField("valueSize", s.valueSize());
            g.writeNumberField("maxEntries", s.maxEntries());
        });
    }

    /** 2^k, capped at Long.MAX_VALUE for the top slot. */
    private static long power(int k) {
        return k >= 63 ? Long.MAX_VALUE : 1L << k;
    }

    private static void head(JsonGenerator g, String type, Instant time, MapSpec m) throws IOException {
        g.writeStringField("type", type);
        g.writeStringField("time", time.toString());
        g.writeStringField("map", m.name());
        g.writeStringField("mapType", MapTypes.name(m.type()));
    }

    /** Long, String, a struct's field map or an array's list, as {@link MapData} decodes them. */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof List<?> items) {
            g.writeStartArray();
            for (Object item : items) value(g, item);
            g.writeEndArray();
        }
        else if (v instanceof Map<?, ?> fields) {
            g.writeStartObject();
            for (Map.Entry<?, ?> f : fields.entrySet()) {
                g.writeFieldName(f.getKey().toString());
                value(g, f.getValue());
            }
            g.writeEndObject();
        } else g.writeString(String.valueOf(v));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private void line(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringWriter does not fail
        }
        out.println(w);
    }
}
