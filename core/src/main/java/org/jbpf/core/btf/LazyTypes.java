package org.jbpf.core.btf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * The types of one BTF blob, each decoded on first use. Building it is one tight pass over the type section that
 * notes where each record starts, reading nothing but each header's kind and length; the first lookup of a kind by
 * name chains the types of that kind by a hash of their essential name's bytes (the name up to a
 * {@code ___flavour} suffix), so a lookup decodes no type and makes no string but the one asked for. A kernel's BTF
 * has a hundred thousand types, half of them functions; a CO-RE load needs a few hundred structs and their members.
 */
final class LazyTypes {
    /** Bytes after the 12-byte header of each kind's record, fixed and per entry of its vlen; -1: a kind not known. */
    private static final int[] FIXED = new int[32], PER_ENTRY = new int[32];

    static {
        Arrays.fill(FIXED, -1);
        for (int kind = BtfType.KIND_INT; kind <= BtfType.KIND_ENUM64; kind++) {
            long none = BtfRecords.length(kind, 0);
            FIXED[kind] = (int) none - 12;
            PER_ENTRY[kind] = (int) (BtfRecords.length(kind, 1) - none);
        }
    }

    private final byte[] data;
    private final BtfRecords records;
    private final long typeEnd;
    private final int strStart;
    private final int count;
    /** Byte offset of the record of each type id (index 0 unused). */
    private final int[] starts;
    /** The previous id of the same kind for each id, and the last id of each kind: each kind's types, from the last. */
    private final int[] previousOfKind, lastOfKind = new int[32];
    /** Each decoded type, by id; a race decodes a type twice into equal immutable values, which is harmless. */
    private final BtfType[] decoded;
    /** The name index of each kind, made on its first lookup. */
    private final NameIndex[] byKind = new NameIndex[32];

    /** The named types of one kind, ascending, chained by hash of essential name: heads by hash, then next by position. */
    private record NameIndex(int[] ids, int[] heads, int[] next) {}

    LazyTypes(byte[] data, BtfReader.Layout layout) {
        this.data = data;
        this.records = new BtfRecords(layout.in(), layout.strStart(), layout.strEnd());
        this.typeEnd = layout.typeEnd();
        this.strStart = (int) layout.strStart();
        Scan scan = new Scan(data, records, layout, lastOfKind);
        while (scan.slice()) {
            // each slice is one call of a method the JIT compiles early; one long loop would run interpreted for long
        }
        int n = scan.n;
        count = n;
        starts = scan.at;
        previousOfKind = scan.previous;
        decoded = new BtfType[n + 1];
    }

    /**
     * The pass over the type section that notes where each record starts and chains ids by kind: plain byte reads
     * and no calls, since it runs before the JIT has compiled anything. A record whose kind is unknown or that runs
     * past the section is left to {@link BtfRecords#end} to report.
     */
    private static final class Scan {
        private final byte[] data;
        private final BtfRecords records;
        private final BtfReader.Layout layout;
        private final int end;
        private final long strLen;
        private final int[] lastOfKind;
        int pos, n;
        int[] at = new int[1 << 17], previous = new int[1 << 17];

        Scan(byte[] data, BtfRecords records, BtfReader.Layout layout, int[] lastOfKind) {
            this.data = data;
            this.records = records;
            this.layout = layout;
            this.end = (int) layout.typeEnd();
            this.strLen = layout.strEnd() - layout.strStart();
            this.lastOfKind = lastOfKind;
            this.pos = (int) layout.typeStart();
        }

        /** Notes up to 256 more records; false once the section has been read to its end. */
        boolean slice() {
            if (n + 257 >= at.length) {
                at = Arrays.copyOf(at, at.length * 2);
                previous = Arrays.copyOf(previous, previous.length * 2);
            }
            int pos = this.pos, n = this.n;
            for (int k = 0; k < 256 && pos < end; k++) {
                at[++n] = pos;
                if (pos + 12 > end) records.end(pos, end, n);
                int kind = data[pos + 7] & 0x1f, vlen = data[pos + 4] & 0xff | (data[pos + 5] & 0xff) << 8;
                previous[n] = lastOfKind[kind];
                lastOfKind[kind] = n;
                long nameOff = data[pos] & 0xffL | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16 | (data[pos + 3] & 0xffL) << 24;
                int fixed = FIXED[kind], next = pos + 12 + fixed + PER_ENTRY[kind] * vlen;
                if (fixed < 0 || next > end) records.end(pos, end, n);
                if (nameOff >= strLen) throw layout.in().error(pos, "BTF type " + n + " has a bad name offset " + nameOff);
                pos = next;
            }
            this.pos = pos;
            this.n = n;
            return pos < end;
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
        if (kind < 0 || kind >= byKind.length || name.indexOf('\0') >= 0) return -1;
        if (name.isEmpty()) {
            int first = -1;
            for (int id = lastOfKind[kind]; id != 0; id = previousOfKind[id]) if (data[nameAt(id)] == 0) first = id;
            return first;
        }
        byte[] q = name.getBytes(StandardCharsets.UTF_8);
        NameIndex index = index(kind);
        for (int i = index.heads[hash(q, 0, essentialLength(q, 0)) & (index.heads.length - 1)]; i >= 0; i = index.next[i]) {
            int id = index.ids[i];
            if (equalsName(id, q) && data[nameAt(id) + q.length] == 0) return id;
        }
        return -1;
    }

    /** Ids, ascending, of the types of this kind whose essential name is {@code name}. */
    int[] withEssentialName(String name, int kind) {
        if (name.isEmpty() || kind < 0 || kind >= byKind.length || name.indexOf('\0') >= 0) return new int[0];
        byte[] q = name.getBytes(StandardCharsets.UTF_8);
        NameIndex index = index(kind);
        int[] out = new int[4];
        int n = 0;
        for (int i = index.heads[hash(q, 0, q.length) & (index.heads.length - 1)]; i >= 0; i = index.next[i]) {
            int id = index.ids[i];
            if (essentialLength(data, nameAt(id)) != q.length || !equalsName(id, q)) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = id;
        }
        return Arrays.copyOf(out, n);
    }

    private synchronized NameIndex index(int kind) {
        NameIndex index = byKind[kind];
        if (index != null) return index;
        int n = 0;
        int[] ids = new int[64];
        for (int id = lastOfKind[kind]; id != 0; id = previousOfKind[id]) {
            if (data[nameAt(id)] == 0) continue;
            if (n == ids.length) ids = Arrays.copyOf(ids, n * 2);
            ids[n++] = id;
        }
        int[] heads = new int[Integer.highestOneBit(Math.max(n, 1)) * 4], next = new int[n];
        Arrays.fill(heads, -1);
        // ids were gathered from the last down and are chained in that order, so each chain lists ids in ascending
        // order: the first type of a name comes first
        for (int i = 0; i < n; i++) {
            int name = nameAt(ids[i]);
            int bucket = hash(data, name, essentialLength(data, name)) & (heads.length - 1);
            next[i] = heads[bucket];
            heads[bucket] = i;
        }
        index = new NameIndex(Arrays.copyOf(ids, n), heads, next);
        byKind[kind] = index;
        return index;
    }

    /** Whether the name of type {@code id} starts with the bytes of {@code q}. */
    private boolean equalsName(int id, byte[] q) {
        int at = nameAt(id);
        for (int i = 0; i < q.length; i++) if (data[at + i] != q[i]) return false;
        return true;
    }

    private int nameAt(int id) {
        int p = starts[id];
        return strStart + (data[p] & 0xff | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16 | (data[p + 3] & 0xff) << 24);
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
