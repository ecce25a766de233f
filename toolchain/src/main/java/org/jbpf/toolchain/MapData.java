package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.runtime.BpfMap;

/**
 * Map entries as data for machine-readable output, by the same rules as {@link MapText}: an integer of up to 8
 * bytes is a {@code Long}, a struct a {@code Map} from field name to value in field order, text fields (and, with
 * {@code guessText}, printable byte arrays) a {@code String}, other byte arrays a {@code "0x..."} hex string.
 * Per-CPU values are combined over the CPUs by {@link PerCpuValues}.
 */
public final class MapData {
    private MapData() {}

    /** One entry as data; {@code perCpu} each CPU's value (index = CPU) when asked for, else null. */
    public record Row(Object key, Object value, List<Object> perCpu) {
        public Row(Object key, Object value) { this(key, value, null); }
    }

    public static List<Row> rows(BpfMap<byte[], byte[]> map, Btf btf, boolean guessText) {
        return rows(map, btf, guessText, false);
    }

    /** With {@code cpusApart}, rows of per-CPU maps also hold each CPU's value. */
    public static List<Row> rows(BpfMap<byte[], byte[]> map, Btf btf, boolean guessText, boolean cpusApart) {
        BtfType.Struct ks = MapText.struct(btf, map.spec().btfKeyType());
        BtfType.Struct vs = MapText.struct(btf, map.spec().btfValueType());
        List<Row> rows = new ArrayList<>();
        if (map.isPerCpu()) {
            for (PerCpuValues.Entry e : PerCpuValues.entries(map, btf)) {
                List<Object> cpus = null;
                if (cpusApart) {
                    cpus = new ArrayList<>();
                    for (byte[] v : e.perCpu()) cpus.add(decode(v, vs, btf, guessText));
                }
                rows.add(new Row(decode(e.key(), ks, btf, guessText), decode(e.combined(), vs, btf, guessText), cpus));
            }
        } else {
            for (Map.Entry<byte[], byte[]> e : map.entries())
                rows.add(new Row(decode(e.getKey(), ks, btf, guessText), decode(e.getValue(), vs, btf, guessText)));
        }
        return rows;
    }

    public static Object decode(byte[] bytes, BtfType.Struct struct, Btf btf, boolean guessText) {
        if (struct == null) return bytes(bytes, false, guessText, false);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (BtfType.Member f : struct.members()) {
            int off = f.bitOffset() / 8;
            long size = btf.sizeOf(f.type());
            if (size <= 0 || off + size > bytes.length) continue;
            fields.put(f.name(), field(Arrays.copyOfRange(bytes, off, off + (int) size), f.type(), btf, guessText));
        }
        return fields;
    }

    /** A field's value: a nested struct's field map, an array of structs' or integers' list, else a number or text. */
    private static Object field(byte[] b, int typeId, Btf btf, boolean guessText) {
        if (FieldMarks.IP_ADDRESS.equals(FieldMarks.markOf(btf, typeId))) return AddressText.of(b);
        BtfType type = btf.type(btf.resolve(typeId));
        if (type instanceof BtfType.Struct nested) return decode(b, nested, btf, guessText);
        int element = MapText.integerElement(btf, typeId);
        if (type instanceof BtfType.Array a && (element > 0 || btf.type(btf.resolve(a.elemType())) instanceof BtfType.Struct)) {
            int size = element > 0 ? element : (int) btf.sizeOf(a.elemType());
            BtfType.Struct s = element > 0 ? null : (BtfType.Struct) btf.type(btf.resolve(a.elemType()));
            List<Object> items = new ArrayList<>();
            for (int off = 0; size > 0 && off + size <= b.length; off += size)
                items.add(s != null ? decode(Arrays.copyOfRange(b, off, off + size), s, btf, guessText) : (Object) MapText.signed(b, off, size));
            return items;
        }
        return bytes(b, MapText.isCharText(btf, typeId), guessText, type instanceof BtfType.Array);
    }

    /** A number for an integer of up to 8 bytes; text, or hex for a byte array of any length. */
    private static Object bytes(byte[] b, boolean text, boolean guessText, boolean array) {
        if (text || b.length > 8 && guessText && CText.looksLikeText(b)) return CText.decode(b);
        return b.length <= 8 && !array ? (Object) MapText.signed(b, 0, b.length) : MapText.hex(b);
    }
}
