package org.jbpf.loader.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc entry points the loader needs. {@code syscall} and {@code ioctl} are variadic in C: every argument is
 * passed as a {@code long} or a {@link Pointer} so the kernel sees full 64-bit registers.
 */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    long syscall(long number, Object... args) throws LastErrorException;

    int ioctl(int fd, long request, Object... args) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

    int munmap(Pointer addr, long length) throws LastErrorException;

    int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    long send(int fd, Pointer buf, long length, int flags) throws LastErrorException;

    long recv(int fd, Pointer buf, long length, int flags) throws LastErrorException;

    int epoll_create1(int flags) throws LastErrorException;

    int epoll_ctl(int epfd, int op, int fd, Pointer event) throws LastErrorException;

    int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis) throws LastErrorException;

    int getpagesize();

    int mount(String source, String target, String fsType, long flags, Pointer data) throws LastErrorException;
}
