// The Java side of scripts/bench-ringloop: nanoseconds a record of jbpf's reading loops alone, on fake buffers in this
// process's memory laid out as the kernel's (no producer, no kernel), so a change to a loop is seen apart from the
// kernel bench's noise. One process measures one loop: "ring" or "perf", read "in-place" (RawRecordHandler,
// RawSampleHandler), through a "view" (RecordView) or, on a ring only, decoded into one "reused" @Struct or handed out
// as a ByteBuffer of its own per record ("views"); its figure is the median of the timed drains, after 2000 drains
// of warm-up. In package org.jbpf.events, as the loops are not public: it makes each the way the readers do, a copy
// per reader (LoopCopies), a ring's copy given its data area as constants where the jar has RingData. A perf buffer's
// samples wrap its end once a drain, as on the kernel's buffers: the JIT compiles the loop with that path seen.
package org.jbpf.events;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

public final class RingLoopBench {
    static final int WARM_DRAINS = 2000;
    static long checksum;
    /** A ring read as a ByteBuffer view per record ("views", as openRaw hands them out). */
    static boolean slices;

    /** args: ring|perf, in-place|view|reused|views (the last two on a ring only), buffer bytes (a power of two), timed drains. Prints ns a record. */
    public static void main(String[] args) throws Throwable {
        boolean ring = args[0].equals("ring"), view = args[1].equals("view"), reused = args[1].equals("reused");
        slices = args[1].equals("views");
        int size = Integer.parseInt(args[2]), drains = Integer.parseInt(args[3]);
        ByteBuffer control = direct(4096), data = direct(ring ? 2 * size : size);
        // a ring record: 8-byte header and 56 bytes (64, the size of Record64, when decoded); a perf sample: 8 + 4 + 64 raw, padded
        int record = ring ? (reused ? 72 : 64) : 80;
        int n = size / record - 1;
        // a perf buffer's samples start halfway, so one of them wraps its end each drain, as on the kernel's buffers
        // (a ring's double mapping makes wrapped records contiguous)
        long start = ring ? 0 : size / 2;
        ByteBuffer one = ByteBuffer.allocate(record).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if (ring) {
                data.putInt(i * record, record - 8).putLong(i * record + 8, i);
            } else {
                one.clear();
                one.putInt(0, PerfRing.RECORD_SAMPLE).putShort(6, (short) record).putInt(8, 68).putLong(12, i);
                for (int b = 0; b < record; b++) data.put((int) ((start + (long) i * record + b) % size), one.get(b));
            }
        }
        Drain drain;
        if (ring) {
            RingLoop loop = ringLoop(control, data, size, view, reused);
            drain = () -> loop.consume(null, RingBufferRing.NO_DEADLINE);
        } else {
            PerfLoop loop = perfLoop(control, data, size, view);
            drain = () -> loop.consume(null, RingBufferRing.NO_DEADLINE);
        }
        long[] times = new long[drains];
        for (int d = 0; d < WARM_DRAINS + drains; d++) {
            // everything written again before each drain: from position 0 up to n records
            if (ring) {
                control.putLong(0, 0);
                control.putLong(8, (long) n * record);
            } else {
                control.putLong(PerfRing.DATA_TAIL, start);
                control.putLong(PerfRing.DATA_HEAD, start + (long) n * record);
            }
            long t0 = System.nanoTime();
            int got = drain.drain();
            long t1 = System.nanoTime();
            if (got != n) throw new IllegalStateException("drained " + got + " records of " + n);
            if (d >= WARM_DRAINS) times[d - WARM_DRAINS] = t1 - t0;
        }
        Arrays.sort(times);
        System.out.printf("%.3f%n", times[drains / 2] / (double) n);
        if (checksum == 42) System.out.print("");
    }

    interface Drain { int drain(); }

    static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    /** The consumer position at byte 0 of {@code control}, the producer's at byte 8. */
    static RingLoop ringLoop(ByteBuffer control, ByteBuffer data, int size, boolean view, boolean reused) throws Throwable {
        ByteBuffer consumer = control.slice(0, 8).order(ByteOrder.LITTLE_ENDIAN), producer = control.slice(8, 8).order(ByteOrder.LITTLE_ENDIAN);
        MethodType type;
        Object[] args;
        if (view) {
            type = MethodType.methodType(void.class, String.class, ByteBuffer.class, ByteBuffer.class, ByteBuffer.class, int.class,
                    RecordViewHandler.class, RecordView.class);
            args = new Object[] {"ring", consumer, producer, data, size, (RecordViewHandler) r -> checksum += r.getLong(0), new RecordView()};
        } else {
            type = MethodType.methodType(void.class, String.class, ByteBuffer.class, ByteBuffer.class, ByteBuffer.class, int.class,
                    RawRecordHandler.class);
            RawRecordHandler handler = reused
                    ? RingBufferReader.reusing("ring", org.jbpf.runtime.Codecs.of(org.jbpf.examples.events.Record64.class),
                            (org.jbpf.examples.events.Record64 r) -> checksum += r.seq)
                    : slices ? RingBufferReader.slicing(r -> checksum += r.getLong(0))
                    : (r, off, len) -> checksum += r.getLong(off);
            args = new Object[] {"ring", consumer, producer, data, size, handler};
        }
        Method withConstants = null;
        for (Method m : LoopCopies.class.getDeclaredMethods())
            if (m.getName().equals("newCopy") && m.getParameterCount() == 4) withConstants = m;
        if (withConstants == null) return (RingLoop) LoopCopies.newCopy(RingBufferRing.class, type, args);  // a jar from before RingData
        Method of = Class.forName("org.jbpf.events.RingData").getDeclaredMethod("of", ByteBuffer.class, int.class);
        return (RingLoop) withConstants.invoke(null, RingBufferRing.class, of.invoke(null, data, size), type, args);
    }

    static PerfLoop perfLoop(ByteBuffer meta, ByteBuffer data, int size, boolean view) {
        MethodType type;
        Object[] args;
        if (view) {
            type = MethodType.methodType(void.class, String.class, int.class, ByteBuffer.class, ByteBuffer.class, int.class,
                    SampleViewHandler.class, RecordView.class, LostHandler.class);
            args = new Object[] {"perf", 0, meta, data, size, (SampleViewHandler) (cpu, r) -> checksum += r.getLong(0), new RecordView(), null};
        } else {
            type = MethodType.methodType(void.class, String.class, int.class, ByteBuffer.class, ByteBuffer.class, int.class,
                    RawSampleHandler.class, LostHandler.class);
            args = new Object[] {"perf", 0, meta, data, size, (RawSampleHandler) (cpu, s, off, len) -> checksum += s.getLong(off), null};
        }
        return (PerfLoop) LoopCopies.construct(LoopCopies.copyOf(PerfRing.class, type), PerfRing.class, args);
    }
}
