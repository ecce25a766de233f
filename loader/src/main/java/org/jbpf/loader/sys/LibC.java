package org.jbpf.loader.sys;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc entry points the loader needs. {@code syscall} and {@code ioctl} are variadic in C; their arguments are
 * passed as {@code long}s, so the kernel sees full 64-bit registers, and glibc's {@code syscall} reads all six argument
 * registers whatever the count (unused ones are passed as 0).
 * <p>
 * The first {@value #GENERIC_CALLS} calls of a process go through JNA's generic function call ({@link Generic}); later
 * ones through JNA direct mapping ({@link Direct}), the fastest JNA has. Registering a direct mapping sets up JNA's
 * descriptions of native types by reflection, about 10 ms of CPU in a fresh JVM: more than a command that loads a
 * probe and prints its maps spends in all its libc calls together, and little for a program that calls on and on.
 * (An interface mapping would have JNA make a proxy class and convert every call's arguments by reflection.)
 */
final class LibC {
    /** Calls through {@link Generic} before the process switches to {@link Direct}. */
    static final int GENERIC_CALLS = 256;

    private static int calls;
    private static volatile boolean direct;

    private LibC() {}

    /** Whether this call goes through {@link Direct}; counts the generic ones (a race only moves the switch a little). */
    private static boolean direct() {
        if (direct) return true;
        if (++calls <= GENERIC_CALLS) return false;
        direct = true;
        return true;
    }

    /** Whether calls go through direct mapping yet (tests). */
    static boolean isDirect() { return direct; }

    /** Starts counting generic calls again, as in a fresh process (tests: both paths in one JVM). */
    static void restartCounting() {
        direct = false;
        calls = 0;
    }

    static long syscall(long number, long a1, long a2, long a3, long a4, long a5) throws LastErrorException {
        if (direct()) return Direct.syscall(number, a1, a2, a3, a4, a5);
        return Generic.SYSCALL.invokeLong(new Object[] {number, a1, a2, a3, a4, a5});
    }

    static int open(String path, int flags) throws LastErrorException {
        if (direct()) return Direct.open(path, flags);
        return Generic.OPEN.invokeInt(new Object[] {path, flags});
    }

    static int ioctl(int fd, long request, long arg) throws LastErrorException {
        if (direct()) return Direct.ioctl(fd, request, arg);
        return Generic.IOCTL.invokeInt(new Object[] {fd, request, arg});
    }

    static int close(int fd) throws LastErrorException {
        if (direct()) return Direct.close(fd);
        return Generic.CLOSE.invokeInt(new Object[] {fd});
    }

    static Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException {
        if (direct()) return Direct.mmap(addr, length, prot, flags, fd, offset);
        return Generic.MMAP.invokePointer(new Object[] {addr, length, prot, flags, fd, offset});
    }

    static int munmap(Pointer addr, long length) throws LastErrorException {
        if (direct()) return Direct.munmap(addr, length);
        return Generic.MUNMAP.invokeInt(new Object[] {addr, length});
    }

    static int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException {
        if (direct()) return Direct.setsockopt(fd, level, name, value, length);
        return Generic.SETSOCKOPT.invokeInt(new Object[] {fd, level, name, value, length});
    }

    static int socket(int domain, int type, int protocol) throws LastErrorException {
        if (direct()) return Direct.socket(domain, type, protocol);
        return Generic.SOCKET.invokeInt(new Object[] {domain, type, protocol});
    }

    static long send(int fd, Pointer buf, long length, int flags) throws LastErrorException {
        if (direct()) return Direct.send(fd, buf, length, flags);
        return Generic.SEND.invokeLong(new Object[] {fd, buf, length, flags});
    }

    static long recv(int fd, Pointer buf, long length, int flags) throws LastErrorException {
        if (direct()) return Direct.recv(fd, buf, length, flags);
        return Generic.RECV.invokeLong(new Object[] {fd, buf, length, flags});
    }

    static int epoll_create1(int flags) throws LastErrorException {
        if (direct()) return Direct.epoll_create1(flags);
        return Generic.EPOLL_CREATE1.invokeInt(new Object[] {flags});
    }

    static int epoll_ctl(int epfd, int op, int fd, Pointer event) throws LastErrorException {
        if (direct()) return Direct.epoll_ctl(epfd, op, fd, event);
        return Generic.EPOLL_CTL.invokeInt(new Object[] {epfd, op, fd, event});
    }

    static int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis) throws LastErrorException {
        if (direct()) return Direct.epoll_wait(epfd, events, maxEvents, timeoutMillis);
        return Generic.EPOLL_WAIT.invokeInt(new Object[] {epfd, events, maxEvents, timeoutMillis});
    }

    static int eventfd(int initval, int flags) throws LastErrorException {
        if (direct()) return Direct.eventfd(initval, flags);
        return Generic.EVENTFD.invokeInt(new Object[] {initval, flags});
    }

    static long read(int fd, Pointer buf, long count) throws LastErrorException {
        if (direct()) return Direct.read(fd, buf, count);
        return Generic.READ.invokeLong(new Object[] {fd, buf, count});
    }

    static long write(int fd, Pointer buf, long count) throws LastErrorException {
        if (direct()) return Direct.write(fd, buf, count);
        return Generic.WRITE.invokeLong(new Object[] {fd, buf, count});
    }

    static int getpagesize() {
        if (direct()) return Direct.getpagesize();
        return Generic.GETPAGESIZE.invokeInt(new Object[0]);
    }

    static int mount(String source, String target, String fsType, long flags, Pointer data) throws LastErrorException {
        if (direct()) return Direct.mount(source, target, fsType, flags, data);
        return Generic.MOUNT.invokeInt(new Object[] {source, target, fsType, flags, data});
    }

    /** {@code struct tm *localtime_r(const time_t *timep, struct tm *result)}: {@code result}, or null on failure. */
    static Pointer localtime_r(Pointer time, Pointer result) {
        if (direct()) return Direct.localtime_r(time, result);
        return Generic.LOCALTIME_R.invokePointer(new Object[] {time, result});
    }

    /** JNA's generic calls, each function looked up once; those that set errno on failure throw LastErrorException. */
    private static final class Generic {
        static final Function SYSCALL = errno("syscall"), OPEN = errno("open"), IOCTL = errno("ioctl"), CLOSE = errno("close"),
                MMAP = errno("mmap"), MUNMAP = errno("munmap"), SETSOCKOPT = errno("setsockopt"), SOCKET = errno("socket"),
                SEND = errno("send"), RECV = errno("recv"), EPOLL_CREATE1 = errno("epoll_create1"), EPOLL_CTL = errno("epoll_ctl"),
                EPOLL_WAIT = errno("epoll_wait"), MOUNT = errno("mount"), EVENTFD = errno("eventfd"), READ = errno("read"),
                WRITE = errno("write"),
                GETPAGESIZE = Function.getFunction("c", "getpagesize"), LOCALTIME_R = Function.getFunction("c", "localtime_r");

        static {
            Sys.requireX86_64();
        }

        private static Function errno(String name) { return Function.getFunction("c", name, Function.THROW_LAST_ERROR); }
    }

    /** JNA direct mapping, registered when the process switches to it. */
    private static final class Direct {
        static {
            Sys.requireX86_64();
            Native.register(Direct.class, "c");
        }

        static native long syscall(long number, long a1, long a2, long a3, long a4, long a5) throws LastErrorException;

        static native int open(String path, int flags) throws LastErrorException;

        static native int ioctl(int fd, long request, long arg) throws LastErrorException;

        static native int close(int fd) throws LastErrorException;

        static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

        static native int munmap(Pointer addr, long length) throws LastErrorException;

        static native int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

        static native int socket(int domain, int type, int protocol) throws LastErrorException;

        static native long send(int fd, Pointer buf, long length, int flags) throws LastErrorException;

        static native long recv(int fd, Pointer buf, long length, int flags) throws LastErrorException;

        static native int epoll_create1(int flags) throws LastErrorException;

        static native int epoll_ctl(int epfd, int op, int fd, Pointer event) throws LastErrorException;

        static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis) throws LastErrorException;

        static native int eventfd(int initval, int flags) throws LastErrorException;

        static native long read(int fd, Pointer buf, long count) throws LastErrorException;

        static native long write(int fd, Pointer buf, long count) throws LastErrorException;

        static native int getpagesize();

        static native int mount(String source, String target, String fsType, long flags, Pointer data) throws LastErrorException;

        static native Pointer localtime_r(Pointer time, Pointer result);
    }
}
