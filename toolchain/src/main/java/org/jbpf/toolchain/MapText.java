package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.runtime.BpfMap;

/**
 * Map entries as text: struct keys and values field by field when the map has BTF for them, other keys and values
 * as little-endian integers, wider ones as hex. Byte arrays whose BTF element is a CHAR-encoded {@code char}
 * ({@code @CString} fields) show as text up to their NUL; with {@code guessText} (objects of unknown Java types, such
 * as .o files) so does any other byte array that holds only printable ASCII before its NUL. Per-CPU values are
 * combined over the CPUs by {@link PerCpuValues}, or shown apart with {@link #perCpuEntries}.
 */
public final class MapText {
    private MapText() {}

    /** One entry: text of key and value, and their leading integers (for sorting and histograms). */
    public record Entry(String key, String value, long keyNumber, long valueNumber) {}

    public static List<Entry> entries(BpfMap<byte[], byte[]> map, Btf btf) {
        return entries(map, btf, false);
    }

    public static List<Entry> entries(BpfMap<byte[], byte[]> map, Btf btf, boolean guessText) {
        BtfType.Struct keyStruct = struct(btf, map.spec().btfKeyType());
        BtfType.Struct valueStruct = struct(btf, map.spec().btfValueType());
        boolean names = isSyscall(btf, map.spec().btfKeyType());
        List<Entry> rows = new ArrayList<>();
        if (map.isPerCpu()) {
            for (PerCpuValues.Entry e : PerCpuValues.entries(map, btf))
                rows.add(entry(e.key(), e.combined(), keyStruct, valueStruct, btf, guessText, names));
        } else {
            for (Map.Entry<byte[], byte[]> e : map.entries()) rows.add(entry(e.getKey(), e.getValue(), keyStruct, valueStruct, btf, guessText, names));
        }
        return rows;
    }

    /** An entry's text with its key's bytes. */
    record RawEntry(byte[] keyBytes, Entry entry) {}

    /** The entries with their key bytes, per-CPU values combined. */
    static List<RawEntry> rawEntries(BpfMap<byte[], byte[]> map, Btf btf) {
        BtfType.Struct keyStruct = struct(btf, map.spec().btfKeyType());
        BtfType.Struct valueStruct = struct(btf, map.spec().btfValueType());
        boolean names = isSyscall(btf, map.spec().btfKeyType());
        List<RawEntry> rows = new ArrayList<>();
        if (map.isPerCpu()) {
            for (PerCpuValues.Entry e : PerCpuValues.entries(map, btf))
                rows.add(new RawEntry(e.key(), entry(e.key(), e.combined(), keyStruct, valueStruct, btf, false, names)));
        } else {
            for (Map.Entry<byte[], byte[]> e : map.entries())
                rows.add(new RawEntry(e.getKey(), entry(e.getKey(), e.getValue(), keyStruct, valueStruct, btf, false, names)));
        }
        return rows;
    }

    /** A per-CPU entry: the combined value's row and each CPU's value as text (index = CPU). */
    public record CpuEntry(Entry combined, List<String> perCpu) {}

    /** The entries of a per-CPU map with each CPU's value apart. */
    public static List<CpuEntry> perCpuEntries(BpfMap<byte[], byte[]> map, Btf btf, boolean guessText) {
        BtfType.Struct keyStruct = struct(btf, map.spec().btfKeyType());
        BtfType.Struct valueStruct = struct(btf, map.spec().btfValueType());
        boolean names = isSyscall(btf, map.spec().btfKeyType());
        List<CpuEntry> rows = new ArrayList<>();
        for (PerCpuValues.Entry e : PerCpuValues.entries(map, btf)) {
            List<String> cpus = new ArrayList<>();
            for (byte[] v : e.perCpu()) cpus.add(show(v, valueStruct, btf, guessText));
            rows.add(new CpuEntry(entry(e.key(), e.combined(), keyStruct, valueStruct, btf, guessText, names), cpus));
        }
        return rows;
    }

    /** With {@code syscallKeys} (a map marked {@code @Syscall}), an integer key is shown by its syscall name. */
    private static Entry entry(byte[] k, byte[] v, BtfType.Struct ks, BtfType.Struct vs, Btf btf, boolean guessText, boolean syscallKeys) {
        String key = syscallKeys && ks == null && k.length <= 8 ? SyscallNames.of(signed(k, 0, k.length)) : show(k, ks, btf, guessText);
        return new Entry(key, show(v, vs, btf, guessText), number(k), number(v));
    }

    /** Whether the type is marked {@code @Syscall}. */
    static boolean isSyscall(Btf btf, int typeId) {
        return btf != null && typeId != 0 && FieldMarks.SYSCALL.equals(FieldMarks.markOf(btf, typeId));
    }

    public static BtfType.Struct struct(Btf btf, int typeId) {
        if (btf == null || typeId == 0) return null;
        try {
            return btf.type(btf.resolve(typeId)) instanceof BtfType.Struct s ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String show(byte[] bytes, BtfType.Struct struct, Btf btf, boolean guessText) {
        if (struct == null) {
            if (bytes.length <= 8) return Long.toString(signed(bytes, 0, bytes.length));
            return guessText && CText.looksLikeText(bytes) ? CText.decode(bytes) : hex(bytes);
        }
        StringBuilder sb = new StringBuilder();
        appendStruct(sb, bytes, 0, struct, btf, guessText);
        return sb.toString();
    }

    /** {@code {name=value, ...}} of the struct at {@code base}; a nested struct and an array of structs are shown field by field. */
    private static void appendStruct(StringBuilder sb, byte[] bytes, int base, BtfType.Struct struct, Btf btf, boolean guessText) {
        sb.append('{');
        boolean first = true;
        for (BtfType.Member f : struct.members()) {
            int off = base + f.bitOffset() / 8;
            long size = btf.sizeOf(f.type());
            if (size <= 0 || off + size > bytes.length) continue;
            if (!first) sb.append(", ");
            first = false;
            sb.append(f.name()).append('=');
            BtfType type = btf.type(btf.resolve(f.type()));
            BtfType element = type instanceof BtfType.Array a ? btf.type(btf.resolve(a.elemType())) : null;
            byte[] field = java.util.Arrays.copyOfRange(bytes, off, off + (int) size);
            if (FieldMarks.IP_ADDRESS.equals(FieldMarks.markOf(btf, f.type()))) sb.append(AddressText.of(field));
            else if (isSyscall(btf, f.type()) && size <= 8) sb.append(SyscallNames.of(signed(bytes, off, (int) size)));
            else if (type instanceof BtfType.Struct nested) appendStruct(sb, bytes, off, nested, btf, guessText);
            else if (element instanceof BtfType.Struct e) {
                sb.append('[');
                for (int k = 0; k < ((BtfType.Array) type).nelems(); k++) {
                    if (k > 0) sb.append(", ");
                    appendStruct(sb, bytes, off + k * e.size(), e, btf, guessText);
                }
                sb.append(']');
            }
            else if (type instanceof BtfType.Enum en && size <= 8) sb.append(constant(en, signed(bytes, off, (int) size)));
            else if (integerElement(btf, f.type()) > 0) appendNumbers(sb, bytes, off, (int) size, integerElement(btf, f.type()));
            else if (isCharText(btf, f.type())) sb.append(CText.decode(field));
            else if (size <= 8 && !(type instanceof BtfType.Array)) sb.append(signed(bytes, off, (int) size));
            else sb.append(guessText && CText.looksLikeText(field) ? CText.decode(field) : hex(field));
        }
        sb.append('}');
    }

    /** The name of the enum's constant of {@code value} ({@code @OrdinalOf} fields, C enums), or the number. */
    static String constant(BtfType.Enum en, long value) {
        for (BtfType.EnumValue v : en.values()) if (v.value() == value) return v.name();
        return Long.toString(value);
    }

    /** {@code [a, b, ..]}: the {@code element}-byte integers of {@code size} bytes at {@code off}. */
    private static void appendNumbers(StringBuilder sb, byte[] bytes, int off, int size, int element) {
        sb.append('[');
        for (int k = 0; k < size / element; k++) sb.append(k > 0 ? ", " : "").append(signed(bytes, off + k * element, element));
        sb.append(']');
    }

    /**
     * The element size of an array of integers wider than a byte (a {@code @Size(n)} short[], char[], int[] or long[]
     * field), whose elements are shown one by one; 0 for any other type (byte arrays are text or bytes).
     */
    static int integerElement(Btf btf, int typeId) {
        try {
            if (!(btf.type(btf.resolve(typeId)) instanceof BtfType.Array a)) return 0;
            return btf.type(btf.resolve(a.elemType())) instanceof BtfType.IntType i && i.size() > 1 && i.size() <= 8 ? i.size() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** An array of CHAR-encoded one-byte ints: how {@code @CString} fields are recorded. */
    static boolean isCharText(Btf btf, int typeId) {
        try {
            return btf.type(btf.resolve(typeId)) instanceof BtfType.Array a
                    && btf.type(btf.resolve(a.elemType())) instanceof BtfType.IntType i
                    && i.size() == 1 && (i.encoding() & BtfType.INT_CHAR) != 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static long signed(byte[] b, int off, int n) {
        long v = number(b, off, n);
        int bits = 8 * n;
        return bits >= 64 || bits == 0 ? v : (v << (64 - bits)) >> (64 - bits);
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte x : b) sb.append(String.format("%02x", x));
        return sb.toString();
    }

    public static long number(byte[] b) { return number(b, 0, Math.min(8, b.length)); }

    /** Little-endian unsigned integer of {@code n} ≤ 8 bytes at {@code off}. */
    static long number(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }
}
