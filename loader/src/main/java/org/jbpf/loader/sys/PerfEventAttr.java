package org.jbpf.loader.sys;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * {@code struct perf_event_attr} for perf_event_open(2), as zeroed native memory of {@link #SIZE} bytes
 * ({@code PERF_ATTR_SIZE_VER7}). Offsets follow {@code include/uapi/linux/perf_event.h}.
 */
public final class PerfEventAttr {
    public static final int SIZE = 128;
    public static final int PERF_TYPE_HARDWARE = 0, PERF_TYPE_SOFTWARE = 1, PERF_TYPE_TRACEPOINT = 2;
    public static final long PERF_FLAG_FD_CLOEXEC = 8;
    /** ioctl requests on a perf event fd: {@code _IO('$', 0)} and {@code _IOW('$', 8, __u32)}. */
    public static final long IOC_ENABLE = 0x2400, IOC_DISABLE = 0x2401, IOC_SET_BPF = 0x40042408L;
    /** {@code PERF_COUNT_SW_BPF_OUTPUT}, the software event perf buffers are opened with. */
    public static final long COUNT_SW_BPF_OUTPUT = 10;
    /** {@code PERF_COUNT_SW_CPU_CLOCK}: a software event driven by each CPU's clock, what profilers sample. */
    public static final long COUNT_SW_CPU_CLOCK = 0;
    /** The {@code freq} flag bit: the sample period field holds samples a second instead. */
    public static final long FLAG_FREQ = 1L << 10;
    /** {@code PERF_SAMPLE_RAW}. */
    public static final long SAMPLE_RAW = 1L << 10;

    static final int TYPE = 0, ATTR_SIZE = 4, CONFIG = 8, SAMPLE_PERIOD = 16, SAMPLE_TYPE = 24, FLAGS = 40,
            WAKEUP_EVENTS = 48, CONFIG1 = 56, CONFIG2 = 64;

    private final Memory memory = new Memory(SIZE);
    private Pointer keep;

    public PerfEventAttr(int type, long config) {
        memory.clear();
        memory.setInt(TYPE, type);
        memory.setInt(ATTR_SIZE, SIZE);
        memory.setLong(CONFIG, config);
    }

    /** {@code config1}, e.g. the path of a uprobe's binary; the string is kept alive by this attr. */
    public PerfEventAttr config1(Pointer p) { keep = p; memory.setLong(CONFIG1, Pointer.nativeValue(p)); return this; }
    /** {@code config2}, e.g. a uprobe's file offset. */
    public PerfEventAttr config2(long v) { memory.setLong(CONFIG2, v); return this; }
    /** Events between samples; with {@link #FLAG_FREQ} set, samples a second ({@code sample_freq} shares the field). */
    public PerfEventAttr samplePeriod(long v) { memory.setLong(SAMPLE_PERIOD, v); return this; }
    public PerfEventAttr sampleType(long v) { memory.setLong(SAMPLE_TYPE, v); return this; }
    public PerfEventAttr wakeupEvents(int v) { memory.setInt(WAKEUP_EVENTS, v); return this; }
    /** Sets the flag bits word (bit 0 disabled, bit 5 exclude_kernel, ...). */
    public PerfEventAttr flags(long v) { memory.setLong(FLAGS, v); return this; }

    public Pointer pointer() { return memory; }

    public byte[] bytes() { return memory.getByteArray(0, SIZE); }
}
