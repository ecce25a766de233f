package org.jbpf.core.btf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * The types of one BTF blob, each decoded on first use. Building it is one pass over the type section that notes
 * where each record starts and chains every named type into a hash table by its essential name (the name up to a
 * {@code ___flavour} suffix), hashed from the string section's bytes: looking a type up by name then decodes no type
 * and makes no string but the one asked for. A kernel's BTF has a hundred thousand types; a CO-RE load needs a few
 * hundred of them.
 */
final class LazyTypes {
    private final byte[] data;
    private final BtfRecords records;
    private final long typeEnd;
    private final int strStart;
    private final int count;
    /** Byte offset of the record of each type id (index 0 unused). */
    private final int[] starts;
    /** Each decoded type, by id; a race decodes a type twice into equal immutable values, which is harmless. */
    private final BtfType[] decoded;
    /** Heads of the name chains by hash, and the next id in each chain: ids with a non-empty name, in ascending order. */
    private final int[] heads, next;

    LazyTypes(byte[] data, BtfReader.Layout layout) {
        this.data = data;
        this.records = new BtfRecords(layout.in(), layout.strStart(), layout.strEnd());
        this.typeEnd = layout.typeEnd();
        this.strStart = (int) layout.strStart();
        long strLen = layout.strEnd() - layout.strStart();
        int[] at = new int[1024];
        int n = 0;
        for (long pos = layout.typeStart(); pos < typeEnd; ) {
            if (++n == at.length) at = Arrays.copyOf(at, n * 2);
            at[n] = (int) pos;
            long end = records.end(pos, typeEnd, n);
            long nameOff = u32(pos);
            if (nameOff >= strLen) throw layout.in().error(pos, "BTF type " + n + " has a bad name offset " + nameOff);
            pos = end;
        }
        count = n;
        starts = at;
        decoded = new BtfType[n + 1];
        heads = new int[Integer.highestOneBit(Math.max(n, 1)) * 4];
        next = new int[n + 1];
        // inserted from the last id down, so each chain lists ids in ascending order: the first of a name comes first
        for (int id = n; id >= 1; id--) {
            int name = nameAt(id);
            if (data[name] == 0) continue;
            int bucket = hash(data, name, essentialLength(data, name)) & (heads.length - 1);
            next[id] = heads[bucket];
            heads[bucket] = id;
        }
    }

    int size() { return count; }

    BtfType type(int id) {
        if (id == 0) return null;
        if (id < 0 || id > count) throw new IllegalArgumentException("no BTF type with id " + id);
        BtfType t = decoded[id];
        if (t == null) {
            try {
                t = records.decode(starts[id], typeEnd, id);
                records.checkReferences(t, id, count, starts[id]);
            } catch (ObjectFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ObjectFormatException("BTF type " + id + " is malformed (" + e + ")", e);
            }
            decoded[id] = t;
        }
        return t;
    }

    /** The kind of type {@code id}, read from its record's header without decoding it. */
    int kind(int id) {
        if (id <= 0 || id > count) throw new IllegalArgumentException("no BTF type with id " + id);
        return data[starts[id] + 7] & 0x1f;
    }

    /** Id of the first type of this kind and name, or -1. */
    int find(int kind, String name) {
        if (name.isEmpty()) {
            for (int id = 1; id <= count; id++) if (kind(id) == kind && data[nameAt(id)] == 0) return id;
            return -1;
        }
        byte[] q = name.getBytes(StandardCharsets.UTF_8);
        if (name.indexOf('\0') >= 0) return -1;
        for (int id = heads[hash(q, 0, essentialLength(q, 0)) & (heads.length - 1)]; id != 0; id = next[id])
            if (kind(id) == kind && equalsName(id, q, q.length) && data[nameAt(id) + q.length] == 0) return id;
        return -1;
    }

    /** Ids, ascending, of the types whose essential name is {@code name}. */
    int[] withEssentialName(String name) {
        byte[] q = name.getBytes(StandardCharsets.UTF_8);
        if (name.isEmpty() || name.indexOf('\0') >= 0) return new int[0];
        int[] out = new int[4];
        int n = 0;
        for (int id = heads[hash(q, 0, q.length) & (heads.length - 1)]; id != 0; id = next[id]) {
            if (essentialLength(data, nameAt(id)) != q.length || !equalsName(id, q, q.length)) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = id;
        }
        return Arrays.copyOf(out, n);
    }

    private boolean equalsName(int id, byte[] q, int len) {
        int at = nameAt(id);
        for (int i = 0; i < len; i++) if (data[at + i] != q[i]) return false;
        return true;
    }

    private int nameAt(int id) { return strStart + (int) u32(starts[id]); }

    private long u32(long pos) {
        int o = (int) pos;
        return (data[o] & 0xffL) | (data[o + 1] & 0xffL) << 8 | (data[o + 2] & 0xffL) << 16 | (data[o + 3] & 0xffL) << 24;
    }

    /**
     * Bytes of the NUL-terminated (or array-ending) name at {@code at} before its first "___", as
     * {@link Btf#essentialName} cuts it: a name that starts with "___" is kept whole.
     */
    static int essentialLength(byte[] b, int at) {
        int i = at;
        while (i < b.length && b[i] != 0) {
            if (b[i] == '_' && i + 2 < b.length && b[i + 1] == '_' && b[i + 2] == '_') {
                if (i > at) return i - at;
                while (i < b.length && b[i] != 0) i++;
                return i - at;
            }
            i++;
        }
        return i - at;
    }

    private static int hash(byte[] b, int at, int len) {
        int h = 0;
        for (int i = at; i < at + len; i++) h = 31 * h + b[i];
        return h ^ h >>> 16;
    }
}
