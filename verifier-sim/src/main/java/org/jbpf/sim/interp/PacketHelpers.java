package org.jbpf.sim.interp;

import java.util.Arrays;
import java.util.function.LongFunction;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.sim.maps.SimMap;
import org.jbpf.sim.verifier.ProgramKind;

/**
 * The packet of one interpreter run and the packet helpers on it: copies in and out (skb_load_bytes and its
 * network-relative form, skb_store_bytes), incremental checksum updates (l3/l4_csum_replace, for a packet whose
 * checksums are complete, as BPF_PROG_TEST_RUN builds it), redirect verdicts (redirect_neigh's included),
 * xdp_adjust_head/tail, which move the packet's ends in its frame, xdp_adjust_meta, which moves the start of the
 * metadata before the packet, and fib_lookup's answers that need no routing table. Limits follow BPF_PROG_TEST_RUN's
 * buffer: 256 bytes of headroom of which the kernel keeps 40 for its frame header, and a packet never shorter than an
 * Ethernet header.
 */
final class PacketHelpers {
    private static final int EFAULT = 14, EINVAL = 22, EACCES = 13, ETH_HLEN = 14, BPF_HDR_START_NET = 1;
    private static final int XDP_ABORTED = 0, XDP_REDIRECT = 4, TC_ACT_SHOT = 2, TC_ACT_REDIRECT = 7, BPF_F_INGRESS = 1;
    private static final int BPF_F_PSEUDO_HDR = 0x10, BPF_F_MARK_MANGLED_0 = 0x20, BPF_F_MARK_ENFORCE = 0x40, BPF_F_IPV6 = 0x80, CSUM_SIZE_MASK = 0xf;
    /** Headroom adjust_head may use, and the largest packet adjust_tail may make (a page less headroom and skb_shared_info). */
    private static final int HEADROOM = 256 - 40, FRAME = 4096 - 256 - 320;

    private final Memory mem;
    private final ProgramKind kind;
    private final LongFunction<SimMap> maps;
    /**
     * The packet lies in {@code frame[start, end)}. The frame starts with headroom, so a packet pointer's low 32 bits
     * are never 0 (code may test a 32-bit load of data against null), and xdp_adjust_head moves {@code start} in it.
     */
    private byte[] frame;
    private int start = HEADROOM, end;
    /** Where the metadata starts: {@code frame[meta, start)} (none at first, as BPF_PROG_TEST_RUN runs without any). */
    private int meta = HEADROOM;
    private final FibLookups fib;

    PacketHelpers(Memory mem, ProgramKind kind, byte[] packet, LongFunction<SimMap> maps, FibLookups fib) {
        this.mem = mem;
        this.kind = kind;
        this.maps = maps;
        this.fib = fib;
        frame = new byte[HEADROOM + packet.length];
        System.arraycopy(packet, 0, frame, HEADROOM, packet.length);
        end = frame.length;
    }

    /** The addresses data and data_end hold now. */
    long data() { return mem.base(frame) + start; }

    long dataEnd() { return mem.base(frame) + end; }

    /** The address xdp's data_meta holds now. */
    long dataMeta() { return mem.base(frame) + meta; }

    /** The packet's bytes now, after the metadata, which BPF_PROG_TEST_RUN gives back in front of the packet. */
    byte[] bytes() { return Arrays.copyOfRange(frame, meta, end); }

    /** Writes the packet back into the caller's array when it kept its place and size (programs change it in place). */
    void copyBack(byte[] original) {
        if (meta == HEADROOM && start == HEADROOM && end - start == original.length) System.arraycopy(frame, start, original, 0, original.length);
    }

    private int length() { return end - start; }

    static boolean handles(int id) {
        switch (id) {
            case HelperTable.SKB_LOAD_BYTES: case HelperTable.SKB_LOAD_BYTES_RELATIVE: case HelperTable.SKB_STORE_BYTES:
            case HelperTable.L3_CSUM_REPLACE: case HelperTable.L4_CSUM_REPLACE: case HelperTable.REDIRECT:
            case HelperTable.REDIRECT_MAP: case HelperTable.XDP_ADJUST_HEAD: case HelperTable.XDP_ADJUST_TAIL:
            case HelperTable.XDP_LOAD_BYTES: case HelperTable.XDP_ADJUST_META: case HelperTable.FIB_LOOKUP:
            case HelperTable.REDIRECT_NEIGH:
                return true;
            default:
                return false;
        }
    }

    long call(int id, long[] r) {
        switch (id) {
            case HelperTable.SKB_LOAD_BYTES: return load(r[2] & 0xffffffffL, r[3], (int) r[4]);
            case HelperTable.XDP_LOAD_BYTES: {
                // offsets and lengths past 16 bits are EFAULT, a range past the frame EINVAL; the buffer is left as it was
                long off = r[2] & 0xffffffffL, len = r[4] & 0xffffffffL;
                if (off > 0xffff || len > 0xffff) return -EFAULT;
                if (off + len > length()) return -EINVAL;
                mem.write(r[3], Arrays.copyOfRange(frame, start + (int) off, start + (int) (off + len)));
                return 0;
            }
            case HelperTable.SKB_LOAD_BYTES_RELATIVE: {
                // the network header follows an Ethernet header in tc; a socket filter's packet starts at it
                int from = r[5] == BPF_HDR_START_NET && kind == ProgramKind.SCHED_CLS ? ETH_HLEN : 0;
                long off = r[2] & 0xffffffffL;
                return load(off > 0xffff ? off : from + off, r[3], (int) r[4]);
            }
            case HelperTable.SKB_STORE_BYTES: {
                // the offset is a u32: one past the packet (or past int's range) writes nothing
                long off = r[2] & 0xffffffffL;
                int len = (int) r[4];
                // only BPF_F_RECOMPUTE_CSUM and BPF_F_INVALIDATE_HASH are flags; anything else writes nothing
                if ((r[5] & ~3L) != 0) return -EINVAL;
                if (off > 0xffff || off + len > length()) return -EFAULT;
                System.arraycopy(mem.read(r[3], len), 0, frame, start + (int) off, len);
                return 0;
            }
            case HelperTable.L3_CSUM_REPLACE: case HelperTable.L4_CSUM_REPLACE:
                return checksumReplace((int) r[2], r[3], r[4], (int) r[5], id == HelperTable.L4_CSUM_REPLACE);
            case HelperTable.REDIRECT:
                if (kind == ProgramKind.XDP) return r[2] != 0 ? XDP_ABORTED : XDP_REDIRECT;
                return (r[2] & ~BPF_F_INGRESS) != 0 ? TC_ACT_SHOT : TC_ACT_REDIRECT;
            case HelperTable.REDIRECT_MAP: {
                SimMap m = maps.apply(r[1]);
                // an empty slot gives the action in the flags' low bits
                return m.lookup((int) r[2]) != null ? XDP_REDIRECT : r[3] & 3;
            }
            case HelperTable.XDP_ADJUST_HEAD: {
                // the metadata moves with the packet's start, and must stay in the headroom
                int delta = (int) r[2], metaLength = start - meta;
                if (start + delta < metaLength || length() - delta < ETH_HLEN) return -EINVAL;
                System.arraycopy(frame, meta, frame, meta + delta, metaLength);
                start += delta;
                meta += delta;
                return 0;
            }
            case HelperTable.XDP_ADJUST_META: {
                // the metadata lies in the headroom, before the packet, in whole 4-byte words, at most 255 bytes (an
                // sk_buff keeps its length in a byte); the headroom of BPF_PROG_TEST_RUN's frame is the tighter bound
                long at = (long) meta + (int) r[2];
                if (at < 0 || at > start) return -EINVAL;
                long metaLength = start - at;
                if ((metaLength & 3) != 0 || metaLength > 255) return -EACCES;
                meta = (int) at;
                return 0;
            }
            case HelperTable.FIB_LOOKUP: return fib.lookup(r[2], (int) r[3], r[4]);
            case HelperTable.REDIRECT_NEIGH:
                // a next hop of bpf_redir_neigh's 20 bytes or none, and no flags
                return (int) r[3] > 0 && (int) r[3] < 20 || r[4] != 0 ? TC_ACT_SHOT : TC_ACT_REDIRECT;
            case HelperTable.XDP_ADJUST_TAIL: {
                int length = length() + (int) r[2];
                if (length < ETH_HLEN || length > FRAME - (HEADROOM - start)) return -EINVAL;
                // a new frame, so the old data_end is no address in it; grown bytes are zero, as the kernel clears them
                frame = Arrays.copyOf(frame, start + length);
                end = start + length;
                return 0;
            }
            default: throw new SimulationException("helper " + HelperTable.logName(id) + " is not simulated");
        }
    }

    /** Copies len packet bytes at off (a u32) to dst; out of range, the kernel zeroes the destination and fails. */
    private long load(long off, long dst, int len) {
        if (off > 0xffff || off + len > length()) {
            mem.write(dst, new byte[len]);
            return -EFAULT;
        }
        mem.write(dst, Arrays.copyOfRange(frame, start + (int) off, start + (int) off + len));
        return 0;
    }

    /**
     * The checksum at {@code off} after a field of {@code flags & 0xf} bytes (2 or 4) changed from {@code from} to
     * {@code to}, both as they lie in memory, computed as the kernel computes it (RFC 1624 in its csum_replace2,
     * csum_replace4 and inet_proto_csum_replace4), so that a sum that comes out as +0 or -0 does so here too: the
     * 2-byte l3 form adds in 16 bits with end-around carry, the others in 32 bits and fold. A size of 0 adds {@code to}
     * as a precomputed difference and needs {@code from} 0. Unknown flags, other sizes and odd offsets fail as there.
     */
    private long checksumReplace(int off, long from, long to, int flags, boolean l4) {
        int known = l4 ? CSUM_SIZE_MASK | BPF_F_PSEUDO_HDR | BPF_F_MARK_MANGLED_0 | BPF_F_MARK_ENFORCE | BPF_F_IPV6 : CSUM_SIZE_MASK;
        if ((flags & ~known) != 0) return -EINVAL;
        if (off < 0 || off > 0xffff || (off & 1) != 0 || off + 2 > length()) return -EFAULT;
        int at = start + off, size = flags & CSUM_SIZE_MASK;
        int stored = (frame[at] & 0xff) | (frame[at + 1] & 0xff) << 8;
        boolean markZero = l4 && (flags & BPF_F_MARK_MANGLED_0) != 0;
        if (markZero && (flags & BPF_F_MARK_ENFORCE) == 0 && stored == 0) return 0;   // UDP without a checksum
        int result;
        if (size == 0) {
            if (from != 0) return -EINVAL;
            result = fold(add(~stored, (int) to));
        } else if (size == 2 && !l4) {
            result = ~add16(add16(~stored & 0xffff, (int) ~from & 0xffff), (int) to & 0xffff) & 0xffff;
        } else if (size == 2) {
            result = fold(add(add(~stored, ~(int) (from & 0xffff)), (int) (to & 0xffff)));
        } else if (size == 4) {
            result = fold(add(add(~stored, ~(int) from), (int) to));
        } else {
            return -EINVAL;
        }
        if (markZero && result == 0) result = 0xffff;
        frame[at] = (byte) result;
        frame[at + 1] = (byte) (result >>> 8);
        return 0;
    }

    /** 32-bit ones' complement addition (csum_add). */
    private static int add(int a, int b) {
        int r = a + b;
        return r + (Integer.compareUnsigned(r, b) < 0 ? 1 : 0);
    }

    /** 16-bit ones' complement addition (csum16_add). */
    private static int add16(int a, int b) {
        int r = (a + b) & 0xffff;
        return r + (r < b ? 1 : 0);
    }

    /** A 32-bit sum folded to 16 bits and complemented (csum_fold). */
    private static int fold(int sum) {
        long s = Integer.toUnsignedLong(sum);
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return (int) ~s & 0xffff;
    }
}
