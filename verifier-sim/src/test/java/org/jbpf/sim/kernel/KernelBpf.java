package org.jbpf.sim.kernel;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * The few bpf(2) commands the agreement tests need, with {@code union bpf_attr} laid out by hand.
 * Kept private to the tests so the simulator itself never needs a kernel.
 */
public final class KernelBpf {
    private static final int SYS_BPF = 321; // x86_64
    private static final int MAP_CREATE = 0, MAP_LOOKUP_ELEM = 1, MAP_UPDATE_ELEM = 2, PROG_LOAD = 5, PROG_TEST_RUN = 10,
            BTF_LOAD = 18, MAP_FREEZE = 22;
    public static final int PROG_SOCKET_FILTER = 1, PROG_KPROBE = 2, PROG_TRACEPOINT = 5, PROG_XDP = 6,
            PROG_RAW_TRACEPOINT = 17;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        NativeLong syscall(NativeLong number, Object... args);
        int close(int fd);
    }

    private KernelBpf() {}

    /** Whether bpf(2) works here at all (root and BPF enabled). */
    public static String unavailableReason() {
        try {
            int fd = createMap(2, 4, 8, 1);
            close(fd);
            return null;
        } catch (Throwable e) {
            return "bpf(2) unavailable: " + e.getMessage();
        }
    }

    private static long sys(int cmd, Memory attr) {
        long r = LibC.INSTANCE.syscall(new NativeLong(SYS_BPF), cmd, attr, (int) attr.size()).longValue();
        if (r < 0) return -Native.getLastError();
        return r;
    }

    public static int createMap(int type, int keySize, int valueSize, int maxEntries) {
        return createMap(type, keySize, valueSize, maxEntries, 0);
    }

    public static int createMap(int type, int keySize, int valueSize, int maxEntries, int flags) {
        Memory a = zero(128);
        a.setInt(0, type); a.setInt(4, keySize); a.setInt(8, valueSize); a.setInt(12, maxEntries); a.setInt(16, flags);
        long r = sys(MAP_CREATE, a);
        if (r < 0) throw new IllegalStateException("BPF_MAP_CREATE failed errno=" + -r);
        return (int) r;
    }

    public static void close(int fd) { LibC.INSTANCE.close(fd); }

    /** Result of a program load: the fd (or -errno) and the verifier log. */
    public record LoadResult(int fd, String log) {
        public boolean accepted() { return fd >= 0; }
    }

    /**
     * Loads with a 1 MiB verifier log; when the log of an accepted program does not fit (ENOSPC), loads again
     * without a log so that the verdict is the verifier's, not the log buffer's.
     */
    public static LoadResult load(int progType, byte[] code) { return load(progType, 0, code); }

    /** {@link #load(int, byte[])} with an {@code expected_attach_type}. */
    public static LoadResult load(int progType, int attachType, byte[] code) {
        LoadResult r = load(progType, attachType, 0, code, 1 << 20);
        if (r.fd() == -ENOSPC) {
            LoadResult quiet = load(progType, attachType, 0, code, 0);
            return new LoadResult(quiet.fd(), r.log());
        }
        return r;
    }

    private static final int ENOSPC = 28;

    /**
     * Loads with a 64 KiB log, enough for the reason of a refusal (the kernel keeps the end of a log that overflows);
     * an accepted program whose log overflowed is loaded again without one.
     */
    public static LoadResult loadForVerdict(int progType, byte[] code) { return loadForVerdict(progType, 0, code); }

    /** {@link #loadForVerdict(int, byte[])} with an {@code expected_attach_type}. */
    public static LoadResult loadForVerdict(int progType, int attachType, byte[] code) {
        return loadForVerdict(progType, attachType, 0, code);
    }

    /** {@link #loadForVerdict(int, int, byte[])} for a target in the kernel's BTF ({@code attach_btf_id}), as tracing programs need. */
    public static LoadResult loadForVerdict(int progType, int attachType, int attachBtfId, byte[] code) {
        LoadResult r = load(progType, attachType, attachBtfId, code, 1 << 16);
        return r.fd() == -ENOSPC ? new LoadResult(load(progType, attachType, attachBtfId, code, 0).fd(), r.log()) : r;
    }

    /** Loads with a 16 MiB log at {@code level} (2: every state the verifier explores), to compare its walk with the simulation's. */
    public static LoadResult loadLogged(int progType, byte[] code, int level) {
        return load(progType, 0, 0, code, 1 << 24, level);
    }

    private static LoadResult load(int progType, int attachType, int attachBtfId, byte[] code, int logSize) {
        return load(progType, attachType, attachBtfId, code, logSize, 1);
    }

    private static LoadResult load(int progType, int attachType, int attachBtfId, byte[] code, int logSize, int level) {
        Memory insns = new Memory(Math.max(code.length, 8));
        insns.write(0, code, 0, code.length);
        Memory license = new Memory(4);
        license.setString(0, "GPL", "US-ASCII");
        Memory log = zero(Math.max(logSize, 1));
        Memory a = zero(128);
        a.setInt(0, progType);
        a.setInt(4, code.length / 8);
        a.setLong(8, Pointer.nativeValue(insns));
        a.setLong(16, Pointer.nativeValue(license));
        if (logSize > 0) {
            a.setInt(24, level);
            a.setInt(28, logSize);
            a.setLong(32, Pointer.nativeValue(log));
        }
        a.setInt(68, attachType);
        a.setInt(108, attachBtfId);
        long r = sys(PROG_LOAD, a);
        return new LoadResult((int) r, log.getString(0, "UTF-8"));
    }

    /** Loads BTF (the bytes of {@code BtfWriter}); returns its fd. */
    public static int loadBtf(byte[] btf) {
        Memory data = new Memory(btf.length);
        data.write(0, btf, 0, btf.length);
        Memory log = zero(1 << 16);
        Memory a = zero(128);
        a.setLong(0, Pointer.nativeValue(data));
        a.setLong(8, Pointer.nativeValue(log));
        a.setInt(16, btf.length);
        a.setInt(20, (int) log.size());
        a.setInt(24, 1);
        long r = sys(BTF_LOAD, a);
        if (r < 0) throw new IllegalStateException("BPF_BTF_LOAD failed errno=" + -r + ": " + log.getString(0, "UTF-8"));
        return (int) r;
    }

    /**
     * Loads with the BTF {@code btfFd} and the func_info records {@code funcInfo} (insn_off, type_id pairs) exactly
     * as given, with no line_info and no retry, so that the verdict is the one the kernel gives those records.
     */
    public static LoadResult loadWithFuncInfo(int progType, byte[] code, int btfFd, int[] funcInfo) {
        LoadResult r = loadWithFuncInfo(progType, code, btfFd, funcInfo, 1 << 20);
        return r.fd() == -ENOSPC ? new LoadResult(loadWithFuncInfo(progType, code, btfFd, funcInfo, 0).fd(), r.log()) : r;
    }

    /** {@link #loadWithFuncInfo(int, byte[], int, int[])} with a 16 MiB log at {@code level}, to compare walks. */
    public static LoadResult loadWithFuncInfoLogged(int progType, byte[] code, int btfFd, int[] funcInfo, int level) {
        return loadWithFuncInfo(progType, code, btfFd, funcInfo, 1 << 24, level);
    }

    private static LoadResult loadWithFuncInfo(int progType, byte[] code, int btfFd, int[] funcInfo, int logSize) {
        return loadWithFuncInfo(progType, code, btfFd, funcInfo, logSize, 1);
    }

    private static LoadResult loadWithFuncInfo(int progType, byte[] code, int btfFd, int[] funcInfo, int logSize, int level) {
        Memory insns = new Memory(Math.max(code.length, 8));
        insns.write(0, code, 0, code.length);
        Memory license = new Memory(4);
        license.setString(0, "GPL", "US-ASCII");
        Memory log = zero(Math.max(logSize, 1));
        Memory records = new Memory(Math.max(funcInfo.length * 4L, 8));
        for (int i = 0; i < funcInfo.length; i++) records.setInt(4L * i, funcInfo[i]);
        Memory a = zero(128);
        a.setInt(0, progType);
        a.setInt(4, code.length / 8);
        a.setLong(8, Pointer.nativeValue(insns));
        a.setLong(16, Pointer.nativeValue(license));
        if (logSize > 0) {
            a.setInt(24, level);
            a.setInt(28, logSize);
            a.setLong(32, Pointer.nativeValue(log));
        }
        a.setInt(72, btfFd);
        if (funcInfo.length > 0) {
            a.setInt(76, 8);
            a.setLong(80, Pointer.nativeValue(records));
            a.setInt(88, funcInfo.length / 2);
        }
        long r = sys(PROG_LOAD, a);
        return new LoadResult((int) r, log.getString(0, "UTF-8"));
    }

    /** What one BPF_PROG_TEST_RUN of a packet program gave: R0 and the packet's bytes after the run. */
    public record PacketRun(long retval, byte[] packet) {}

    /** Runs a loaded packet program once on {@code data}; returns R0 and the bytes the kernel gives back. */
    public static PacketRun testRunPacket(int progFd, byte[] data) {
        Memory in = new Memory(Math.max(data.length, 1));
        in.write(0, data, 0, data.length);
        Memory out = zero(data.length + 512);
        Memory a = zero(128);
        a.setInt(0, progFd);
        a.setInt(8, data.length);
        a.setInt(12, (int) out.size());
        a.setLong(16, Pointer.nativeValue(in));
        a.setLong(24, Pointer.nativeValue(out));
        a.setInt(32, 1);
        long r = sys(PROG_TEST_RUN, a);
        if (r < 0) throw new IllegalStateException("BPF_PROG_TEST_RUN failed errno=" + -r);
        return new PacketRun(a.getInt(4) & 0xffffffffL, out.getByteArray(0, a.getInt(12)));
    }

    /** Runs a loaded program once on {@code data} (and {@code ctx} when not null); returns R0. */
    public static long testRun(int progFd, byte[] data, byte[] ctx) {
        Memory in = new Memory(Math.max(data.length, 1));
        in.write(0, data, 0, data.length);
        Memory out = zero(Math.max(data.length, 1) + 512);
        Memory a = zero(128);
        a.setInt(0, progFd);
        a.setInt(8, data.length);
        a.setInt(12, (int) out.size());
        a.setLong(16, Pointer.nativeValue(in));
        a.setLong(24, Pointer.nativeValue(out));
        a.setInt(32, 1);
        Memory c = null;
        if (ctx != null) {
            c = new Memory(ctx.length);
            c.write(0, ctx, 0, ctx.length);
            a.setInt(40, ctx.length);
            a.setLong(48, Pointer.nativeValue(c));
        }
        long r = sys(PROG_TEST_RUN, a);
        if (r < 0) throw new IllegalStateException("BPF_PROG_TEST_RUN failed errno=" + -r);
        return a.getInt(4) & 0xffffffffL;
    }

    public static byte[] lookup(int mapFd, byte[] key, int valueSize) {
        Memory k = new Memory(key.length);
        k.write(0, key, 0, key.length);
        Memory v = zero(valueSize);
        Memory a = zero(128);
        a.setInt(0, mapFd);
        a.setLong(8, Pointer.nativeValue(k));
        a.setLong(16, Pointer.nativeValue(v));
        long r = sys(MAP_LOOKUP_ELEM, a);
        if (r < 0) return null;
        return v.getByteArray(0, valueSize);
    }

    public static void update(int mapFd, byte[] key, byte[] value) {
        Memory k = new Memory(key.length);
        k.write(0, key, 0, key.length);
        Memory v = new Memory(value.length);
        v.write(0, value, 0, value.length);
        Memory a = zero(128);
        a.setInt(0, mapFd);
        a.setLong(8, Pointer.nativeValue(k));
        a.setLong(16, Pointer.nativeValue(v));
        long r = sys(MAP_UPDATE_ELEM, a);
        if (r < 0) throw new IllegalStateException("BPF_MAP_UPDATE_ELEM failed errno=" + -r);
    }

    /** Freezes a map: from now on neither userspace nor (for a read-only one) programs change its values. */
    public static void freeze(int mapFd) {
        Memory a = zero(128);
        a.setInt(0, mapFd);
        long r = sys(MAP_FREEZE, a);
        if (r < 0) throw new IllegalStateException("BPF_MAP_FREEZE failed errno=" + -r);
    }

    private static Memory zero(long size) {
        Memory m = new Memory(size);
        m.clear();
        return m;
    }

    static String ascii(byte[] b) { return new String(b, StandardCharsets.US_ASCII); }
}
