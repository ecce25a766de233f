package org.jbpf.loader.sys;

import java.lang.ref.Reference;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.function.Supplier;
import org.jbpf.core.abi.X86_64;

/**
 * Raw system calls: bpf(2) on an encoded {@link BpfAttr} (what {@link NativeBpf} and the attach code issue), and the
 * perf, epoll, mmap, socket and mount calls around it. Every failure becomes a {@link BpfException} naming the
 * operation; callers pass the operation text lazily so the success path builds no strings.
 */
public final class Sys {
    private Sys() {}

    /** x86_64 system call numbers, from core's ABI table. */
    public static final long SYS_BPF = X86_64.SYS_BPF, SYS_PERF_EVENT_OPEN = X86_64.SYS_PERF_EVENT_OPEN;

    public static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, MAP_PRIVATE = 2;
    public static final int O_RDONLY = 0, O_CLOEXEC = 0x80000;
    public static final int EPOLL_CLOEXEC = 0x80000, EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLLIN = 1;
    /** {@code sizeof(struct epoll_event)} on x86_64 (packed: u32 events, u64 data). */
    public static final int EPOLL_EVENT_SIZE = 12;
    public static final int SOL_SOCKET = 1, SO_ATTACH_BPF = 50, SO_DETACH_BPF = 27;

    static {
        requireX86_64();
    }

    /** The syscall numbers and structure layouts here are x86_64's. */
    static void requireX86_64() {
        String arch = System.getProperty("os.arch");
        if (!"amd64".equals(arch) && !"x86_64".equals(arch))
            throw new ExceptionInInitializerError("jbpf's loader supports x86_64 only (this JVM reports " + arch + ")");
    }

    /** bpf(2); returns the kernel's non-negative result. */
    public static long bpf(int cmd, BpfAttr attr, Supplier<String> operation) {
        long result = bpfOrErrno(cmd, attr);
        if (result < 0) throw new BpfException(operation.get(), (int) -result);
        return result;
    }

    /**
     * bpf(2) for a command run once per object (load, create, attach), whose operation text costs less to build than
     * a lambda costs to link the first time, and a command line links each once.
     */
    public static long bpf(int cmd, BpfAttr attr, String operation) {
        long result = bpfOrErrno(cmd, attr);
        if (result < 0) throw new BpfException(operation, (int) -result);
        return result;
    }

    /** bpf(2): the kernel's non-negative result, or the negated errno. */
    private static long bpfOrErrno(int cmd, BpfAttr attr) {
        try {
            return LibC.syscall(SYS_BPF, cmd, Pointer.nativeValue(attr.pointer()), BpfAttr.SIZE, 0, 0);
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        } finally {
            // the attr keeps the key, value and log buffers it points to alive: it must outlive the syscall,
            // or a collection during the call frees memory the kernel is still reading
            Reference.reachabilityFence(attr);
        }
    }

    /** bpf(2) for commands that return no fd, reporting the errno instead of throwing: 0 on success. */
    public static int bpfErrno(int cmd, BpfAttr attr) {
        try {
            LibC.syscall(SYS_BPF, cmd, Pointer.nativeValue(attr.pointer()), BpfAttr.SIZE, 0, 0);
            return 0;
        } catch (LastErrorException e) {
            return e.getErrorCode();
        } finally {
            Reference.reachabilityFence(attr);   // see bpfOrErrno
        }
    }

    /** bpf(2) for commands that return a new file descriptor. */
    public static Fd bpfFd(int cmd, BpfAttr attr, String what, Supplier<String> operation) {
        return new Fd((int) bpf(cmd, attr, operation), what);
    }

    /** bpf(2) for commands that return a new file descriptor, run once per object (see {@link #bpf(int, BpfAttr, String)}). */
    public static Fd bpfFd(int cmd, BpfAttr attr, String what, String operation) {
        return new Fd((int) bpf(cmd, attr, operation), what);
    }

    /** perf_event_open(2) with {@code PERF_FLAG_FD_CLOEXEC}. */
    public static Fd perfEventOpen(PerfEventAttr attr, int pid, int cpu, int groupFd, Supplier<String> operation) {
        long fd = perfEventOpenOrErrno(attr, pid, cpu, groupFd);
        if (fd < 0) throw new BpfException(operation.get(), (int) -fd);
        return new Fd((int) fd, "perf event");
    }

    /** perf_event_open(2) for an event opened once per attach (see {@link #bpf(int, BpfAttr, String)}). */
    public static Fd perfEventOpen(PerfEventAttr attr, int pid, int cpu, int groupFd, String operation) {
        long fd = perfEventOpenOrErrno(attr, pid, cpu, groupFd);
        if (fd < 0) throw new BpfException(operation, (int) -fd);
        return new Fd((int) fd, "perf event");
    }

    private static long perfEventOpenOrErrno(PerfEventAttr attr, int pid, int cpu, int groupFd) {
        try {
            return LibC.syscall(SYS_PERF_EVENT_OPEN, Pointer.nativeValue(attr.pointer()), pid, cpu, groupFd,
                    PerfEventAttr.PERF_FLAG_FD_CLOEXEC);
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        } finally {
            Reference.reachabilityFence(attr);   // see bpfOrErrno
        }
    }

    public static void ioctl(int fd, long request, long arg, Supplier<String> operation) {
        int errno = ioctlErrno(fd, request, arg);
        if (errno != 0) throw new BpfException(operation.get(), errno);
    }

    /** ioctl(2) run once per attach (see {@link #bpf(int, BpfAttr, String)}). */
    public static void ioctl(int fd, long request, long arg, String operation) {
        int errno = ioctlErrno(fd, request, arg);
        if (errno != 0) throw new BpfException(operation, errno);
    }

    private static int ioctlErrno(int fd, long request, long arg) {
        try {
            LibC.ioctl(fd, request, arg);
            return 0;
        } catch (LastErrorException e) {
            return e.getErrorCode();
        }
    }

    /** close(2); an error (only EBADF or EINTR are possible) is ignored: the descriptor is gone either way. */
    static void close(int fd) {
        try {
            LibC.close(fd);
        } catch (LastErrorException ignored) {
            // nothing left to release
        }
    }

    public static Pointer mmap(long length, int prot, int fd, long offset, Supplier<String> operation) {
        try {
            return LibC.mmap(null, length, prot, MAP_SHARED, fd, offset);
        } catch (LastErrorException e) {
            throw new BpfException(operation.get(), e.getErrorCode());
        }
    }

    /**
     * The {@code length} bytes of a read-only file, copied out of a private read-only mapping of it, or null when the
     * file cannot be opened or mapped. For sysfs files such as the kernel's BTF, which read(2) serves one page per
     * call (over a thousand calls for its 5 MB); Linux maps that file since 6.16.
     */
    public static byte[] readMapped(String path, long length) {
        if (length <= 0 || length > Integer.MAX_VALUE) return null;
        int fd;
        try {
            fd = LibC.open(path, O_RDONLY | O_CLOEXEC);
        } catch (LastErrorException e) {
            return null;
        }
        try {
            Pointer mapped = LibC.mmap(null, length, PROT_READ, MAP_PRIVATE, fd, 0);
            try {
                byte[] out = new byte[(int) length];
                mapped.read(0, out, 0, out.length);
                return out;
            } finally {
                munmap(mapped, length);
            }
        } catch (LastErrorException e) {
            return null;
        } finally {
            close(fd);
        }
    }

    /** mmap(2) of a map done once per walk or set-up (see {@link #bpf(int, BpfAttr, String)}). */
    public static Pointer mmap(long length, int prot, int fd, long offset, String operation) {
        try {
            return LibC.mmap(null, length, prot, MAP_SHARED, fd, offset);
        } catch (LastErrorException e) {
            throw new BpfException(operation, e.getErrorCode());
        }
    }

    public static void munmap(Pointer addr, long length) {
        try {
            LibC.munmap(addr, length);
        } catch (LastErrorException ignored) {
            // only fails for addresses we never mapped
        }
    }

    /** mount(2) of a pseudo file system (tracefs, bpf) at {@code target}. */
    public static void mount(String fsType, String target) {
        try {
            LibC.mount(fsType, target, fsType, 0, null);
        } catch (LastErrorException e) {
            throw new BpfException("mount -t " + fsType + " " + fsType + " " + target, e.getErrorCode(),
                    e.getErrorCode() == Errno.EPERM ? "needs CAP_SYS_ADMIN (run as root)" : Errno.hint(e.getErrorCode()));
        }
    }

    public static int pageSize() { return LibC.getpagesize(); }

    /**
     * Seconds since local midnight at {@code epochSecond} as libc's localtime_r reckons it (from TZ or /etc/localtime,
     * as C tools do), or -1 when it cannot tell. For a command that needs the local time of day and nothing else of time
     * zones: the JDK's own zone set-up reads and parses its zone database at first use, about 15 ms of CPU.
     */
    public static int localSecondOfDay(long epochSecond) {
        Memory time = new Memory(8), tm = new Memory(64);  // struct tm (56 bytes on x86_64) begins with int tm_sec, tm_min, tm_hour
        time.setLong(0, epochSecond);
        if (LibC.localtime_r(time, tm) == null) return -1;
        return tm.getInt(8) * 3600 + tm.getInt(4) * 60 + Math.min(tm.getInt(0), 59);  // a leap second's 60 as 59
    }

    public static void setsockoptInt(int fd, int level, int name, int value, Supplier<String> operation) {
        Memory v = new Memory(4);
        v.setInt(0, value);
        try {
            LibC.setsockopt(fd, level, name, v, 4);
        } catch (LastErrorException e) {
            throw new BpfException(operation.get(), e.getErrorCode());
        }
    }

    /** A netlink socket of the routing family (NETLINK_ROUTE) in the calling thread's network namespace. */
    public static Fd netlinkRoute() {
        try {
            return new Fd(LibC.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE), "netlink socket");
        } catch (LastErrorException e) {
            throw new BpfException("socket(AF_NETLINK, NETLINK_ROUTE)", e.getErrorCode());
        }
    }

    /**
     * Sends one netlink request (which must ask for an acknowledgement) and waits for the kernel's answer to it;
     * returns 0, or the errno the kernel answered with.
     */
    public static int netlinkRequest(Fd socket, byte[] message, Supplier<String> operation) {
        Memory out = new Memory(message.length);
        out.write(0, message, 0, message.length);
        Memory in = new Memory(8192);
        int seq = java.nio.ByteBuffer.wrap(message).order(java.nio.ByteOrder.nativeOrder()).getInt(8);
        try {
            LibC.send(socket.value(), out, message.length, 0);
            while (true) {
                long n = LibC.recv(socket.value(), in, in.size(), 0);
                for (int off = 0; off + 16 <= n; ) {
                    int len = in.getInt(off), type = in.getShort(off + 4) & 0xffff, msgSeq = in.getInt(off + 8);
                    if (type == NLMSG_ERROR && msgSeq == seq) return -in.getInt(off + 16);
                    if (len < 16) break;
                    off += (len + 3) & ~3;
                }
            }
        } catch (LastErrorException e) {
            throw new BpfException(operation.get(), e.getErrorCode());
        }
    }

    static final int AF_NETLINK = 16, SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, NETLINK_ROUTE = 0, NLMSG_ERROR = 2;

    public static Fd epollCreate() {
        try {
            return new Fd(LibC.epoll_create1(EPOLL_CLOEXEC), "epoll");
        } catch (LastErrorException e) {
            throw new BpfException("epoll_create1", e.getErrorCode());
        }
    }

    /** Registers {@code fd} for input readiness; {@code data} comes back in {@link #epollWait}. */
    public static void epollAdd(Fd epoll, int fd, long data) {
        Memory ev = new Memory(EPOLL_EVENT_SIZE);
        ev.setInt(0, EPOLLIN);
        ev.setLong(4, data);
        try {
            LibC.epoll_ctl(epoll.value(), EPOLL_CTL_ADD, fd, ev);
        } catch (LastErrorException e) {
            throw new BpfException("epoll_ctl(ADD, fd " + fd + ")", e.getErrorCode());
        }
    }

    /** epoll_wait into {@code events} (room for {@code max} entries): how many are ready; an interrupted wait reports 0. */
    public static int epollWait(Fd epoll, Memory events, int max, int timeoutMillis) {
        try {
            return LibC.epoll_wait(epoll.value(), events, max, timeoutMillis);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EINTR) return 0;
            throw new BpfException("epoll_wait", e.getErrorCode());
        }
    }

    static final int EFD_CLOEXEC = 0x80000, EFD_NONBLOCK = 0x800;

    /** A non-blocking eventfd with its counter at 0: readable once {@link #eventSignal} adds to it. */
    public static Fd eventFd() {
        try {
            return new Fd(LibC.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK), "eventfd");
        } catch (LastErrorException e) {
            throw new BpfException("eventfd", e.getErrorCode());
        }
    }

    /** Adds one to the eventfd's counter, making it readable. */
    public static void eventSignal(Fd eventFd) {
        Memory one = new Memory(8);
        one.setLong(0, 1);
        try {
            LibC.write(eventFd.value(), one, 8);
        } catch (LastErrorException ignored) {
            // EAGAIN: the counter is already non-zero, so a waiter wakes anyway
        }
    }

    /** Resets the eventfd's counter so it stops being readable. */
    public static void eventDrain(Fd eventFd) {
        Memory v = new Memory(8);
        try {
            LibC.read(eventFd.value(), v, 8);
        } catch (LastErrorException ignored) {
            // EAGAIN: nothing to drain
        }
    }

    /** Waits for readiness; returns the {@code data} of each ready fd (an interrupted wait returns none). */
    public static long[] epollWait(Fd epoll, int maxEvents, int timeoutMillis) {
        Memory evs = new Memory((long) EPOLL_EVENT_SIZE * maxEvents);
        int n = epollWait(epoll, evs, maxEvents, timeoutMillis);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = evs.getLong((long) i * EPOLL_EVENT_SIZE + 4);
        return out;
    }
}
