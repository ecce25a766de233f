package org.jbpf.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.Cpus;

/**
 * How a map's value lies in a value buffer: one value for most maps, one slot per possible CPU for per-CPU maps, each
 * the value's size rounded up to 8 bytes as the kernel lays them out. Writes, splits and combines such buffers with
 * the map view's value {@link Codec}.
 */
final class CpuValues<V> {
    final boolean perCpu;
    final int cpus;
    /** Bytes of one CPU's value in a per-CPU buffer (the value size rounded up to 8); the value size otherwise. */
    final int stride;
    private final Codec<V> codec;
    /** How per-CPU values combine into one (null for other maps). */
    private final CpuAggregation aggregation;

    CpuValues(MapSpec spec, Codec<V> codec) {
        this.perCpu = MapTypes.isPerCpu(spec.type());
        this.cpus = perCpu ? Cpus.possible() : 1;
        this.stride = perCpu ? (spec.valueSize() + 7) / 8 * 8 : spec.valueSize();
        this.codec = codec;
        this.aggregation = perCpu ? CpuAggregation.of(codec) : null;
    }

    /** The bytes of a whole value buffer: every CPU's slot. */
    int bytes() { return stride * cpus; }

    /** Writes each CPU's value into the buffer, padding zeroed. */
    void write(MapBuffers b, IntFunction<V> valueOfCpu) {
        ByteBuffer v = b.value();
        if (perCpu) b.value.clear((long) bytes());
        for (int c = 0; c < cpus; c++) {
            v.position(c * stride);
            codec.write(valueOfCpu.apply(c), v);
        }
    }

    /** The CPUs' values in a buffer positioned at the first CPU's slot, combined into one. */
    V aggregate(ByteBuffer raw) {
        byte[] one = aggregation.combine(raw, raw.position(), stride, cpus);
        return codec.read(ByteBuffer.wrap(one).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** One value per CPU from a buffer positioned at the first CPU's slot. */
    List<V> split(ByteBuffer raw) {
        int base = raw.position();
        List<V> out = new ArrayList<>(cpus);
        for (int c = 0; c < cpus; c++) {
            raw.position(base + c * stride);
            out.add(codec.read(raw));
        }
        return Collections.unmodifiableList(out);
    }
}
