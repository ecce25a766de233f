package org.jbpf.events;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;

/**
 * The libc calls the event readers need beyond the loader's: an eventfd that wakes a blocked epoll_wait on close,
 * and epoll_wait into a buffer the reader allocates once. Bound with JNA direct mapping, which is cheaper per call.
 */
final class EventNative {
    private EventNative() {}

    static {
        Native.register("c");
    }

    static final int EFD_CLOEXEC = 0x80000, EFD_NONBLOCK = 0x800;

    private static native int eventfd(int initval, int flags) throws LastErrorException;
    private static native long write(int fd, Pointer buf, long count) throws LastErrorException;
    private static native long read(int fd, Pointer buf, long count) throws LastErrorException;
    private static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis) throws LastErrorException;

    static Fd eventFd() {
        try {
            return new Fd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK), "eventfd");
        } catch (LastErrorException e) {
            throw new BpfException("eventfd", e.getErrorCode());
        }
    }

    /** Adds one to the eventfd's counter, making it readable. */
    static void signal(Fd eventFd) {
        Memory one = new Memory(8);
        one.setLong(0, 1);
        try {
            write(eventFd.value(), one, 8);
        } catch (LastErrorException ignored) {
            // EAGAIN: the counter is already non-zero, so a waiter wakes anyway
        }
    }

    /** Resets the eventfd's counter so it stops being readable. */
    static void drain(Fd eventFd) {
        Memory v = new Memory(8);
        try {
            read(eventFd.value(), v, 8);
        } catch (LastErrorException ignored) {
            // EAGAIN: nothing to drain
        }
    }

    /** epoll_wait into {@code events} (room for {@code max} entries); an interrupted wait reports 0. */
    static int epollWait(Fd epoll, Memory events, int max, int timeoutMillis) {
        try {
            return epoll_wait(epoll.value(), events, max, timeoutMillis);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EINTR) return 0;
            throw new BpfException("epoll_wait", e.getErrorCode());
        }
    }
}
