package org.jbpf.runtime;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.Max;
import org.jbpf.core.layout.StructLayout;

/**
 * How the values of a per-CPU map's entry combine into one: part by part, integers added at their own width (wrapping
 * as the kernel's adds do), {@code @Max} fields keeping the largest, booleans true when any CPU's is, and byte arrays
 * (text, addresses), which cannot be added, taken whole from the first CPU whose bytes are not all zero. Arrays of
 * integers combine element by element and structs held by value field by field, at any depth.
 */
public final class CpuAggregation {
    /** How one part combines. */
    public enum Op { SUM, MAX_SIGNED, MAX_UNSIGNED, ANY, FIRST_SET }

    /** {@code size} bytes at {@code offset}; the integer ops take up to 8 bytes. */
    public record Part(int offset, int size, Op op) {}

    private final int size;
    private final List<Part> parts;

    public CpuAggregation(int size, List<Part> parts) {
        this.size = size;
        this.parts = List.copyOf(parts);
    }

    public List<Part> parts() { return parts; }

    /**
     * For a value of unknown layout: integers of up to 8 bytes are added; longer values 8 bytes at a time, which is
     * right for structs of long counters only.
     */
    public static CpuAggregation unknown(int size) {
        List<Part> parts = new ArrayList<>();
        for (int off = 0; off < size; off += 8) {
            parts.add(new Part(off, Math.min(8, size - off), Op.SUM));
        }
        return new CpuAggregation(size, parts);
    }

    /**
     * The aggregation of values read with {@code codec}: per field for {@code @Struct} classes, down to each element
     * of an array field and each field of a struct held by value (or of each element of an array of structs).
     */
    static CpuAggregation of(Codec<?> codec) {
        if (!(codec instanceof StructCodec<?> s)) return unknown(codec.size());
        List<Part> parts = new ArrayList<>();
        addFields(s, 0, parts);
        return new CpuAggregation(s.size(), parts);
    }

    /** The parts of struct {@code s} placed at {@code base}. */
    private static void addFields(StructCodec<?> s, int base, List<Part> parts) {
        Field[] fields = s.fields();
        List<StructLayout.Field> layout = s.layout().fields();
        for (int i = 0; i < fields.length; i++) {
            StructLayout.Field f = layout.get(i);
            boolean max = fields[i].isAnnotationPresent(Max.class);
            StructLayout.Kind kind = f.kind() == StructLayout.Kind.ARRAY ? f.element() : f.kind();
            if (max && !isInteger(kind))
                throw new IllegalArgumentException(fields[i].getDeclaringClass().getName() + "." + fields[i].getName()
                        + ": @Max needs an integer field or an array of them (byte, short, char, int or long); mark the fields of a struct instead");
            int at = base + f.offset();
            switch (f.kind()) {
                case STRUCT -> addFields((StructCodec<?>) Codecs.of(fields[i].getType()), at, parts);
                case STRUCTS -> {
                    StructCodec<?> element = (StructCodec<?>) Codecs.of(fields[i].getType().getComponentType());
                    int stride = f.size() / f.count();
                    for (int e = 0; e < f.count(); e++) addFields(element, at + e * stride, parts);
                }
                case ARRAY -> {
                    for (int e = 0; e < f.count(); e++) parts.add(new Part(at + e * kind.size, kind.size, op(kind, max)));
                }
                default -> parts.add(new Part(at, f.size(), op(kind, max)));
            }
        }
    }

    private static boolean isInteger(StructLayout.Kind kind) {
        return kind != StructLayout.Kind.BYTES && kind != StructLayout.Kind.BOOLEAN && kind != StructLayout.Kind.STRUCT
                && kind != StructLayout.Kind.STRUCTS;
    }

    private static Op op(StructLayout.Kind kind, boolean max) {
        return switch (kind) {
            case BYTES -> Op.FIRST_SET;
            case BOOLEAN -> Op.ANY;
            case CHAR -> max ? Op.MAX_UNSIGNED : Op.SUM;
            default -> max ? Op.MAX_SIGNED : Op.SUM;
        };
    }

    /** The values of {@code cpus} CPUs at {@code base}, {@code base + stride}, ... of {@code in}, combined into one value. */
    public byte[] combine(ByteBuffer in, int base, int stride, int cpus) {
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (Part p : parts) {
            if (p.op() == Op.FIRST_SET) {
                for (int c = 0; c < cpus; c++) {
                    int at = base + c * stride + p.offset();
                    if (!allZero(in, at, p.size())) {
                        for (int i = 0; i < p.size(); i++) out.put(p.offset() + i, in.get(at + i));
                        break;
                    }
                }
                continue;
            }
            long acc = 0;
            for (int c = 0; c < cpus; c++) {
                long v = read(in, base + c * stride + p.offset(), p.size(), p.op() == Op.MAX_SIGNED);
                acc = switch (p.op()) {
                    case SUM -> acc + v;
                    case ANY -> acc | (v != 0 ? 1 : 0);
                    case MAX_SIGNED -> c == 0 ? v : Math.max(acc, v);
                    case MAX_UNSIGNED -> c == 0 ? v : Long.compareUnsigned(acc, v) >= 0 ? acc : v;
                    case FIRST_SET -> throw new IllegalStateException();
                };
            }
            for (int i = 0; i < p.size(); i++) out.put(p.offset() + i, (byte) (acc >>> (8 * i)));
        }
        return out.array();
    }

    /** One value per CPU, combined. */
    public byte[] combine(List<byte[]> values) {
        ByteBuffer all = ByteBuffer.allocate(size * values.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < values.size(); c++) all.put(c * size, values.get(c), 0, Math.min(size, values.get(c).length));
        return combine(all, 0, size, values.size());
    }

    private static boolean allZero(ByteBuffer in, int at, int n) {
        for (int i = 0; i < n; i++) if (in.get(at + i) != 0) return false;
        return true;
    }

    /** Little-endian integer of {@code n} bytes, sign-extended when {@code signed}. */
    private static long read(ByteBuffer in, int at, int n, boolean signed) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (in.get(at + i) & 0xff);
        int bits = 8 * n;
        return signed && bits < 64 ? (v << (64 - bits)) >> (64 - bits) : v;
    }
}
