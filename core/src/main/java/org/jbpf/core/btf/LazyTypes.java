package org.jbpf.core.btf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jbpf.core.elf.ByteSource;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * The types of one BTF blob, each decoded on first use. Building it is one tight pass over the type section that
 * notes where each record starts and chains the ids of each kind, reading nothing but each header's kind and length.
 * A lookup by name compares the bytes of the names of that kind in the string section, and once a kind has been
 * looked up a few times its names are hashed (by essential name: the name up to a {@code ___flavour} suffix); no
 * lookup decodes a type or makes a string. A kernel's BTF has a hundred thousand types, half of them functions; a
 * CO-RE load needs a few structs and their members. A record's name offset is checked when it is first used.
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
    /** The name index of each kind, made once the kind has been looked up {@link #WALKS_BEFORE_INDEX} times. */
    private final NameIndex[] byKind = new NameIndex[32];
    private final int[] lookups = new int[32];
    private static final int WALKS_BEFORE_INDEX = 8;
    private final ByteSource in;
    private final int strLen;

    /** The named types of one kind, ascending, chained by hash of essential name: heads by hash, then next by position. */
    private record NameIndex(int[] ids, int[] heads, int[] next) {}

    LazyTypes(byte[] data, BtfReader.Layout layout) {
        this.data = data;
        this.records = new BtfRecords(layout.in(), layout.strStart(), layout.strEnd());
        this.typeEnd = layout.typeEnd();
        this.strStart = (int) layout.strStart();
        this.strLen = (int) (layout.strEnd() - layout.strStart());
        this.in = layout.in();
        Scan scan = new Scan(data, records, layout, lastOfKind);
        while (scan.slice()) {
            // HotSpot compiles a method after about a hundred calls, but a loop in one call only after tens of
            // thousands of turns: short slices get the pass compiled after a few thousand records
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
        private final int end;
        private final int[] lastOfKind;
        int pos, n;
        int[] at = new int[1 << 17], previous = new int[1 << 17];

        Scan(byte[] data, BtfRecords records, BtfReader.Layout layout, int[] lastOfKind) {
            this.data = data;
            this.records = records;
            this.end = (int) layout.typeEnd();
            this.lastOfKind = lastOfKind;
            this.pos = (int) layout.typeStart();
        }

        /** Notes up to 32 more records; false once the section has been read to its end. */
        boolean slice() {
            if (n + 33 >= at.length) {
                at = Arrays.copyOf(at, at.length * 2);
                previous = Arrays.copyOf(previous, previous.length * 2);
            }
            int pos = this.pos, n = this.n;
            for (int k = 0; k < 32 && pos < end; k++) {
                at[++n] = pos;
                if (pos + 12 > end) records.end(pos, end, n);
                int kind = data[pos + 7] & 0x1f, vlen = data[pos + 4] & 0xff | (data[pos + 5] & 0xff) << 8;
                previous[n] = lastOfKind[kind];
                lastOfKind[kind] = n;
                int fixed = FIXED[kind], next = pos + 12 + fixed + PER_ENTRY[kind] * vlen;
                if (fixed < 0 || next > end) records.end(pos, end, n);
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
        int[] ids = matching(kind, name.getBytes(StandardCharsets.UTF_8), false);
        return ids.length == 0 ? -1 : ids[0];
    }

    /** Ids, ascending, of the types of this kind whose essential name is {@code name}. */
    int[] withEssentialName(String name, int kind) {
        if (name.isEmpty() || kind < 0 || kind >= byKind.length || name.indexOf('\0') >= 0) return new int[0];
        return matching(kind, name.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Ids, ascending, of the types of {@code kind} named {@code q}, or whose essential name is {@code q}. The first
     * few lookups of a kind walk its types, comparing a byte or two of most names; after that the kind's names are
     * hashed once, for the verifier simulation's many lookups.
     */
    private int[] matching(int kind, byte[] q, boolean essential) {
        NameIndex index = byKind[kind];
        if (index == null && ++lookups[kind] > WALKS_BEFORE_INDEX) index = index(kind);
        int[] out = new int[4];
        int n = 0;
        if (index == null) {
            byte first = q[0];
            for (int id = lastOfKind[kind]; id != 0; id = previousOfKind[id]) {
                // most names differ in their first byte: that test is inlined, the full one is a call
                int p = starts[id], off = data[p] & 0xff | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16 | (data[p + 3] & 0xff) << 24;
                if (off >= 0 && off < strLen && data[strStart + off] != first) continue;
                if (!named(id, q, essential)) continue;
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = id;
            }
            // the walk went from the last id down
            int[] ascending = new int[n];
            for (int i = 0; i < n; i++) ascending[i] = out[n - 1 - i];
            return ascending;
        }
        int h = hash(q, 0, essential ? q.length : essentialLength(q, 0));
        for (int i = index.heads[h & (index.heads.length - 1)]; i >= 0; i = index.next[i]) {
            if (!named(index.ids[i], q, essential)) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = index.ids[i];
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether type {@code id} is named {@code q}, or has the essential name {@code q}. */
    private boolean named(int id, byte[] q, boolean essential) {
        int at = nameAt(id);
        for (int i = 0; i < q.length; i++) if (data[at + i] != q[i]) return false;
        return essential ? essentialLength(data, at) == q.length : data[at + q.length] == 0;
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

    /** Where the name of type {@code id} starts in the data; a name outside the string section is a format error. */
    private int nameAt(int id) {
        int p = starts[id];
        long off = data[p] & 0xffL | (data[p + 1] & 0xffL) << 8 | (data[p + 2] & 0xffL) << 16 | (data[p + 3] & 0xffL) << 24;
        if (off >= strLen) throw in.error(p, "BTF type " + id + " has a bad name offset " + off);
        return strStart + (int) off;
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
