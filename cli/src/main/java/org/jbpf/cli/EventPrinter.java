package org.jbpf.cli;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.events.EventReader;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.loader.LoadedMap;
import org.jbpf.toolchain.EventRecords;
import org.jbpf.toolchain.MapData;
import org.jbpf.toolchain.MapText;

/**
 * Prints ring buffer and perf buffer records as they arrive, one line each: field by field when the object names the
 * map's record struct ({@link EventRecords}), {@code @CString} fields as text; otherwise the map, the size, the bytes
 * in hex and as text (so strings such as a process name can be read). On close, says how many records each ring
 * buffer refused because it was full, when the probe counted any.
 */
final class EventPrinter implements AutoCloseable {
    static final int SHOWN_BYTES = 64;

    private final List<EventReader> readers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<RingBufferReader<?>> rings = new ArrayList<>();
    private final List<String> ringNames = new ArrayList<>();
    /** Where drop counts go: stderr when records go out as JSON lines. */
    private PrintStream status;

    private EventPrinter() {}

    /** Starts a reader per event map; records go to {@code json} as JSON lines when it is set, else to {@code out}. */
    static EventPrinter start(BPF bpf, BpfObject object, PrintStream out, JsonLines json, boolean guessText) {
        EventPrinter p = new EventPrinter();
        p.status = json != null ? System.err : out;
        try {
            for (MapSpec m : object.maps()) {
                LoadedMap map = bpf.loaded().map(m.name());
                Shape shape = new Shape(m.name(), EventRecords.of(object.btf(), m.name()), object.btf(), guessText);
                if (m.type() == MapTypes.RINGBUF) {
                    RingBufferReader<?> ring = RingBufferReader.openRaw(map, record -> print(out, json, shape, -1, record));
                    p.add(ring);
                    p.rings.add(ring.countDrops(bpf.loaded()));
                    p.ringNames.add(m.name());
                }
                else if (m.type() == MapTypes.PERF_EVENT_ARRAY)
                    p.add(PerfBufferReader.openRaw(map, PerfBufferReader.DEFAULT_PAGES,
                            (cpu, sample) -> print(out, json, shape, cpu, sample),
                            (cpu, count) -> (json != null ? System.err : out).println("event " + m.name() + " cpu " + cpu + ": " + count + " samples lost")));
            }
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    private void add(EventReader reader) {
        readers.add(reader);
        Thread t = new Thread(reader::run, "events");
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }

    /** How one map's records are shown: its record struct, or null for bytes. */
    record Shape(String map, BtfType.Struct struct, Btf btf, boolean guessText) {
        /** The record's fields as text, or null when its struct is unknown or longer than the record. */
        String text(ByteBuffer record) {
            byte[] b = bytes(record);
            return b == null ? null : MapText.show(b, struct, btf, guessText);
        }

        /** The record's fields as data, or null as for {@link #text}. */
        Object data(ByteBuffer record) {
            byte[] b = bytes(record);
            return b == null ? null : MapData.decode(b, struct, btf, guessText);
        }

        private byte[] bytes(ByteBuffer record) {
            if (struct == null || record.remaining() < struct.size()) return null;
            byte[] b = new byte[struct.size()];
            record.get(record.position(), b);
            return b;
        }
    }

    private static void print(PrintStream out, JsonLines json, Shape shape, int cpu, ByteBuffer record) {
        if (json != null) json.event(shape.map(), cpu, record, shape.data(record));
        else out.println(line(shape, cpu, record));
    }

    static String line(Shape shape, int cpu, ByteBuffer record) {
        String fields = shape.text(record);
        if (fields == null) return line(shape.map(), cpu, record);
        return "event " + shape.map() + (cpu >= 0 ? " cpu " + cpu : "") + ": " + fields;
    }

    static String line(String map, int cpu, ByteBuffer record) {
        int n = record.remaining();
        int shown = Math.min(n, SHOWN_BYTES);
        StringBuilder hex = new StringBuilder(), text = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            int b = record.get(record.position() + i) & 0xff;
            hex.append(String.format("%02x", b));
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return "event " + map + (cpu >= 0 ? " cpu " + cpu : "") + " (" + n + " bytes): " + hex
                + (n > shown ? "..." : "") + " |" + text + "|";
    }

    @Override public void close() {
        for (EventReader r : readers) r.close();
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < rings.size(); i++) {
            long dropped = rings.get(i).dropsCounted() ? rings.get(i).dropped() : 0;
            if (dropped > 0) status.println(dropsLine(ringNames.get(i), dropped));
        }
    }

    static String dropsLine(String map, long dropped) {
        return "event " + map + ": " + dropped + " record" + (dropped == 1 ? "" : "s") + " dropped because the ring buffer was full";
    }
}
