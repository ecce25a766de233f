package org.jbpf.sim.interp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter's address space: each object a program can point to (context, a stack frame, the packet, a
 * map value, a ring buffer record) is a region, and an address is {@code region << 32 | offset}.
 * Region 0 is never used, so small numbers are never valid addresses.
 */
final class Memory {
    private final List<byte[]> regions = new ArrayList<>();
    private final Map<byte[], Integer> ids = new IdentityHashMap<>();

    Memory() { regions.add(null); }

    /** The address of byte 0 of {@code region}, registering it on first use. */
    long base(byte[] region) {
        Integer id = ids.get(region);
        if (id == null) {
            id = regions.size();
            regions.add(region);
            ids.put(region, id);
        }
        return (long) id << 32;
    }

    byte[] region(long addr) {
        int id = (int) (addr >>> 32);
        return id > 0 && id < regions.size() ? regions.get(id) : null;
    }

    int offset(long addr) { return (int) addr; }

    /** The region and offset of an access of {@code size} bytes, or an exception naming the bad address. */
    private byte[] check(long addr, int size) {
        byte[] r = region(addr);
        int off = offset(addr);
        if (r == null || off < 0 || off + size > r.length)
            throw new SimulationException(String.format("invalid memory access of %d bytes at 0x%x", size, addr));
        return r;
    }

    long load(long addr, int size) {
        byte[] r = check(addr, size);
        int off = offset(addr);
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | (r[off + i] & 0xff);
        return v;
    }

    void store(long addr, int size, long value) {
        byte[] r = check(addr, size);
        int off = offset(addr);
        for (int i = 0; i < size; i++) { r[off + i] = (byte) value; value >>>= 8; }
    }

    byte[] read(long addr, int size) {
        byte[] r = check(addr, size);
        byte[] out = new byte[size];
        System.arraycopy(r, offset(addr), out, 0, size);
        return out;
    }

    void write(long addr, byte[] bytes) {
        byte[] r = check(addr, bytes.length);
        System.arraycopy(bytes, 0, r, offset(addr), bytes.length);
    }

    boolean valid(long addr, int size) {
        byte[] r = region(addr);
        int off = offset(addr);
        return r != null && off >= 0 && off + size <= r.length;
    }
}
