package org.jbpf.sim.interp;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.sim.maps.SimMap;

/**
 * The helpers the {@link Interpreter} simulates, by number: map access, probe reads, time and random numbers, trace
 * output, stack ids and ring buffer records; packet programs' helpers go to {@link PacketHelpers}.
 */
final class HelperCalls {
    private final Map<byte[], SimMap> mapByHandle;
    private final HelperValues helpers;
    private final List<String> printk;

    // per run
    private Memory mem;
    private PacketHelpers packetHelpers;
    /** Ring buffer records reserved and not yet submitted or discarded, by address, and their maps. */
    private final Map<Long, byte[]> reserved = new HashMap<>();
    private final Map<Long, SimMap> reservedIn = new HashMap<>();

    HelperCalls(Map<byte[], SimMap> mapByHandle, HelperValues helpers, List<String> printk) {
        this.mapByHandle = mapByHandle;
        this.helpers = helpers;
        this.printk = printk;
    }

    /** Starts a run over {@code mem}, with the packet helpers of a packet program (else null). */
    void start(Memory mem, PacketHelpers packetHelpers) {
        if (this.mem != mem) {
            reserved.clear();
            reservedIn.clear();
        }
        this.mem = mem;
        this.packetHelpers = packetHelpers;
    }

    SimMap mapArg(long addr) {
        SimMap m = mapByHandle.get(mem.region(addr));
        if (m == null) throw new SimulationException(String.format("0x%x is not a map", addr));
        return m;
    }

    /** bpf_strncmp: C's strncmp of s1 (at most size bytes) and the NUL-terminated s2, as -1, 0 or 1. */
    private long strncmp(long s1, int size, long s2) {
        for (int i = 0; i < size; i++) {
            int a = (int) mem.load(s1 + i, 1) & 0xff, b = (int) mem.load(s2 + i, 1) & 0xff;
            if (a != b) return a < b ? -1 : 1;
            if (a == 0) return 0;
        }
        return 0;
    }

    /** Calls helper {@code id} with arguments r1-r5 in {@code r}; returns what it leaves in r0. */
    long call(int id, long[] r) {
        switch (id) {
            case 1: {
                SimMap m = mapArg(r[1]);
                byte[] v = m.lookup(mem.read(r[2], m.spec().keySize()));
                return v == null ? 0 : mem.base(v);
            }
            case 2: {
                SimMap m = mapArg(r[1]);
                return m.update(mem.read(r[2], m.spec().keySize()), mem.read(r[3], m.spec().valueSize()), r[4]);
            }
            case 3: {
                SimMap m = mapArg(r[1]);
                return m.delete(mem.read(r[2], m.spec().keySize()));
            }
            case 4: case 112: case 113: return probeRead(r[1], (int) r[2], r[3], false);
            case 114: case 115: case 45: return probeRead(r[1], (int) r[2], r[3], true);
            case 5: case 125: case 160: return helpers.nextKtime();
            case 6: return tracePrintk(r);
            case 7: return helpers.nextRandom() & 0xffffffffL;
            case 8: return helpers.cpu;
            case 14: return helpers.pidTgid;
            case 15: return helpers.uidGid;
            case 80: return helpers.cgroupId;
            case 16: {
                int size = (int) r[2];
                byte[] out = new byte[size];
                System.arraycopy(helpers.comm, 0, out, 0, Math.min(size - 1, helpers.comm.length));
                mem.write(r[1], out);
                return 0;
            }
            case 35: return helpers.currentTask;
            case 25: {
                SimMap m = mapArg(r[2]);
                m.addRecord(mem.read(r[4], (int) r[5]));
                return 0;
            }
            case 27: return stackId(mapArg(r[2]));
            case 130: {
                SimMap m = mapArg(r[1]);
                m.addRecord(mem.read(r[2], (int) r[3]));
                return 0;
            }
            case 131: {
                SimMap m = mapArg(r[1]);
                int size = (int) r[2];
                if (size <= 0 || size > m.spec().maxEntries()) return 0;
                byte[] rec = new byte[size];
                long addr = mem.base(rec);
                reserved.put(addr, rec);
                reservedIn.put(addr, m);
                return addr;
            }
            case 132: case 133: {
                byte[] rec = reserved.remove(r[1]);
                SimMap m = reservedIn.remove(r[1]);
                if (rec == null) throw new SimulationException("record was not reserved or is already released");
                if (id == 132) m.addRecord(rec);
                return 0;
            }
            case 134: return 0;
            case 182: return strncmp(r[1], (int) r[2], r[3]);
            default:
                if (packetHelpers != null && PacketHelpers.handles(id)) {
                    return packetHelpers.call(id, r);
                }
                throw new SimulationException("helper " + HelperTable.logName(id) + " is not simulated");
        }
    }

    private long probeRead(long dst, int size, long src, boolean string) {
        byte[] out = new byte[size];
        if (!mem.valid(src, 1)) { mem.write(dst, out); return -14; }
        int n = 0;
        while (n < size && mem.valid(src + n, 1)) {
            out[n] = (byte) mem.load(src + n, 1);
            if (string && out[n] == 0) { n++; break; }
            n++;
        }
        if (string && n == size) out[size - 1] = 0;
        mem.write(dst, out);
        return string ? n : 0;
    }

    private long stackId(SimMap m) {
        int depth = m.spec().valueSize() / 8;
        byte[] value = new byte[m.spec().valueSize()];
        for (int i = 0; i < Math.min(depth, helpers.stack.size()); i++) {
            long ip = helpers.stack.get(i);
            for (int b = 0; b < 8; b++) value[i * 8 + b] = (byte) (ip >>> (8 * b));
        }
        int id = Math.floorMod(helpers.stack.hashCode(), m.spec().maxEntries());
        m.update(SimMap.u32(id), value, SimMap.ANY);
        return id;
    }

    private long tracePrintk(long[] r) {
        byte[] fmt = mem.read(r[1], (int) r[2]);
        int len = 0;
        while (len < fmt.length && fmt[len] != 0) len++;
        String f = new String(fmt, 0, len, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int arg = 3;
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            if (ch != '%' || i + 1 >= f.length()) { out.append(ch); continue; }
            int j = i + 1;
            while (j < f.length() && (f.charAt(j) == 'l' || f.charAt(j) == 'h')) j++;
            if (j >= f.length()) break;
            char conv = f.charAt(j);
            boolean longArg = j - i - 1 >= 1 && f.charAt(i + 1) == 'l';
            long v = arg <= 5 ? r[arg] : 0;
            if (!longArg && conv != 's' && conv != 'p') v = conv == 'd' || conv == 'i' ? (int) v : v & 0xffffffffL;
            switch (conv) {
                case '%': out.append('%'); i = j; continue;
                case 'd': case 'i': out.append(v); break;
                case 'u': out.append(Long.toUnsignedString(v)); break;
                case 'x': out.append(Long.toHexString(v)); break;
                case 'p': out.append("0x").append(Long.toHexString(v)); break;
                case 'c': out.append((char) (v & 0xff)); break;
                case 's': {
                    StringBuilder s = new StringBuilder();
                    for (long a = v; mem.valid(a, 1) && mem.load(a, 1) != 0; a++) s.append((char) mem.load(a, 1));
                    out.append(s);
                    break;
                }
                default: out.append('%').append(conv);
            }
            arg++;
            i = j;
        }
        printk.add(out.toString());
        return out.length();
    }
}
