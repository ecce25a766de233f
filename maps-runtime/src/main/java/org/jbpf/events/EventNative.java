package org.jbpf.events;

import com.sun.jna.Memory;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

/**
 * The libc calls the event readers need beyond the loader's: an eventfd that wakes a blocked epoll_wait on close,
 * and epoll_wait into a buffer the reader allocates once. They go through the loader's libc calls, which start with
 * JNA's generic call and switch to direct mapping after a few hundred calls: registering a direct mapping of its own
 * here cost every run with events about 10 ms at start, for calls made once per wake-up.
 */
final class EventNative {
    private EventNative() {}

    static Fd eventFd() { return Sys.eventFd(); }

    /** Adds one to the eventfd's counter, making it readable. */
    static void signal(Fd eventFd) { Sys.eventSignal(eventFd); }

    /** Resets the eventfd's counter so it stops being readable. */
    static void drain(Fd eventFd) { Sys.eventDrain(eventFd); }

    /** epoll_wait into {@code events} (room for {@code max} entries); an interrupted wait reports 0. */
    static int epollWait(Fd epoll, Memory events, int max, int timeoutMillis) { return Sys.epollWait(epoll, events, max, timeoutMillis); }
}
