package org.jbpf;

/**
 * BPF helper functions callable from probe code. Each becomes a kernel helper call when translated; called from
 * ordinary Java they throw {@link InKernelOnly}.
 */
public final class Helpers {
    private Helpers() {}

    /** Process id of the current task as userspace sees it ({@code getpid()}, the kernel's tgid). */
    public static int pid() { throw InKernelOnly.call("pid()"); }

    /** Same as {@link #pid()}, under the kernel's name. */
    public static int tgid() { throw InKernelOnly.call("tgid()"); }

    /** Thread id of the current task ({@code gettid()}, the kernel's pid). */
    public static int tid() { throw InKernelOnly.call("tid()"); }

    /** {@code bpf_get_current_pid_tgid()}: tgid in the upper 32 bits, thread id in the lower. */
    public static long pidTgid() { throw InKernelOnly.call("pidTgid()"); }

    /** Real user id of the current task. */
    public static int uid() { throw InKernelOnly.call("uid()"); }

    /** Real group id of the current task. */
    public static int gid() { throw InKernelOnly.call("gid()"); }

    /** {@code bpf_get_current_uid_gid()}: gid in the upper 32 bits, uid in the lower. */
    public static long uidGid() { throw InKernelOnly.call("uidGid()"); }

    /** Monotonic time in nanoseconds ({@code bpf_ktime_get_ns()}). */
    public static long ktime() { throw InKernelOnly.call("ktime()"); }

    /** Time since boot in nanoseconds, including suspend ({@code bpf_ktime_get_boot_ns()}). */
    public static long ktimeBoot() { throw InKernelOnly.call("ktimeBoot()"); }

    /**
     * The cgroup v2 id of the current task ({@code bpf_get_current_cgroup_id()}): the inode number of its cgroup's
     * directory under the cgroup2 mount (e.g. {@code stat -c %i /sys/fs/cgroup/system.slice}).
     */
    public static long cgroupId() { throw InKernelOnly.call("cgroupId()"); }

    /** The CPU the program runs on. */
    public static int cpu() { throw InKernelOnly.call("cpu()"); }

    /** A pseudo-random 32-bit number. */
    public static int random() { throw InKernelOnly.call("random()"); }

    /**
     * Copies the current task's command name into {@code buf} (a {@code new byte[16]} or a {@code @Size(16)}
     * struct field), NUL-terminated; returns 0 or a negative errno.
     */
    public static int comm(byte[] buf) { throw InKernelOnly.call("comm(byte[])"); }

    /** Writes to the kernel trace pipe ({@code bpf_trace_printk}); at most three arguments. */
    public static int printk(String fmt) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, long a) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, long a, long b) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, long a, long b, long c) { throw InKernelOnly.call("printk"); }

    /**
     * printk with text: each {@code byte[]} argument is printed by a {@code %s} of the format as a C string, its bytes
     * up to the first NUL (all of them when it has none), as {@code Helpers.comm(buf)} or {@code probeReadUserStr}
     * leave it; the numbers go to the other conversions, in order. At most three arguments in all.
     */
    public static int printk(String fmt, byte[] a) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, long a, byte[] b) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, byte[] a, long b) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, byte[] a, byte[] b) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, long a, long b, byte[] c) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, long a, byte[] b, long c) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, long a, byte[] b, byte[] c) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, byte[] a, long b, long c) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, byte[] a, long b, byte[] c) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, byte[] a, byte[] b, long c) { throw InKernelOnly.call("printk"); }
    public static int printk(String fmt, byte[] a, byte[] b, byte[] c) { throw InKernelOnly.call("printk"); }

    /** Reads {@code size} bytes of kernel memory at {@code addr} into {@code dst}; returns 0 or a negative errno. */
    public static int probeReadKernel(byte[] dst, int size, long addr) { throw InKernelOnly.call("probeReadKernel"); }

    /** Reads {@code size} bytes of user memory at {@code addr} into {@code dst}; returns 0 or a negative errno. */
    public static int probeReadUser(byte[] dst, int size, long addr) { throw InKernelOnly.call("probeReadUser"); }

    /**
     * Reads {@code size} bytes of kernel memory at {@code addr} into {@code dst}, a {@code long[]}, {@code int[]},
     * {@code short[]} or {@code char[]} array or a {@code @Struct} object (a table of pointers, a kernel struct's
     * fields at their offsets); returns 0 or a negative errno.
     */
    public static int probeReadKernel(Object dst, int size, long addr) { throw InKernelOnly.call("probeReadKernel"); }

    /**
     * Reads {@code size} bytes of user memory at {@code addr} into {@code dst}, a {@code long[]}, {@code int[]},
     * {@code short[]} or {@code char[]} array or a {@code @Struct} object (execve's argv pointers, a struct a system
     * call was given); returns 0 or a negative errno.
     */
    public static int probeReadUser(Object dst, int size, long addr) { throw InKernelOnly.call("probeReadUser"); }

    /** Reads a NUL-terminated user string at {@code addr} into {@code dst}; returns its length with the NUL, or a negative errno. */
    public static int probeReadUserStr(byte[] dst, int size, long addr) { throw InKernelOnly.call("probeReadUserStr"); }

    /** Reads a NUL-terminated kernel string at {@code addr} into {@code dst}; returns its length with the NUL, or a negative errno. */
    public static int probeReadKernelStr(byte[] dst, int size, long addr) { throw InKernelOnly.call("probeReadKernelStr"); }

    /**
     * The power-of-two bucket of {@code v} for a histogram: the index of its highest one bit, taking {@code v} as
     * unsigned (0 and 1 give 0, 2 and 3 give 1, 1024 gives 10, negative values 63). Computed without a loop in the
     * kernel; callable from ordinary Java too.
     */
    public static int log2(long v) { return v == 0 ? 0 : 63 - Long.numberOfLeadingZeros(v); }
}
