package org.jbpf.loader.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc entry points the loader needs, bound by JNA direct mapping: an interface mapping would have JNA make a
 * proxy class at start-up and convert every call's arguments by reflection. {@code syscall} and {@code ioctl} are
 * variadic in C; their arguments are passed as {@code long}s, so the kernel sees full 64-bit registers, and glibc's
 * {@code syscall} reads all six argument registers whatever the count (unused ones are passed as 0).
 */
final class LibC {
    static {
        Sys.requireX86_64();
        Native.register(LibC.class, "c");
    }

    private LibC() {}

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

    static native int getpagesize();

    static native int mount(String source, String target, String fsType, long flags, Pointer data) throws LastErrorException;

    /** {@code struct tm *localtime_r(const time_t *timep, struct tm *result)}: the result's address, 0 on failure. */
    static native long localtime_r(long[] time, Pointer result);
}
