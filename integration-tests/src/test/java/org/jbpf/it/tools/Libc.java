package org.jbpf.it.tools;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The libc calls the classic tools' workloads make, each one system call. */
interface Libc extends Library {
    Libc C = Native.load("c", Libc.class);

    int getpid();
    int getppid();
    int getpgid(int pid);
    int getsid(int pid);
    int gettid();
    int open(String path, int flags, int mode);
    int close(int fd);
    int ioctl(int fd, long request, byte[] argument);
    int kill(int pid, int signal);
    long read(int fd, byte[] buffer, long count);
    long write(int fd, byte[] buffer, long count);
    int usleep(int microseconds);
    Pointer mmap(Pointer address, long length, int prot, int flags, int fd, long offset);
    int munmap(Pointer address, long length);
    int unlinkat(int dirfd, String path, int flags);
    int fstatat(int dirfd, String path, byte[] stat, int flags);
    int socket(int domain, int type, int protocol);
    int bind(int fd, byte[] address, int length);
    int connect(int fd, byte[] address, int length);
    int listen(int fd, int backlog);
    long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);
    long recv(int fd, byte[] buffer, long length, int flags);
    int mount(String source, String target, String type, long flags, String data);
    int umount2(String target, int flags);
    int sched_getaffinity(int pid, long size, long[] mask);
    int sched_setaffinity(int pid, long size, long[] mask);
    long syscall(long number, long a, long b, long c);
    int fsync(int fd);
    int fdatasync(int fd);
    void sync();
    int syncfs(int fd);
    int getaddrinfo(String node, String service, byte[] hints, com.sun.jna.ptr.PointerByReference result);
    void freeaddrinfo(Pointer list);
}
