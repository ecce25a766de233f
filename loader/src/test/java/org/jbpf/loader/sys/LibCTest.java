package org.jbpf.loader.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;

/**
 * libc through JNA's generic calls for a process's first calls and through direct mapping after: the same results,
 * the same errno on failure, the same memory written, on both paths.
 */
class LibCTest {
    static final int EBADF = 9, ENOENT = 2, EAGAIN = 11;

    @Test void bothPathsGiveTheSameResultsAndErrors() {
        LibC.restartCounting();
        int generic = 0, direct = 0;
        for (int i = 0; i < LibC.GENERIC_CALLS + 20; i++) {
            boolean wasDirect = LibC.isDirect();
            if (wasDirect) direct++;
            else generic++;
            switch (i % 4) {
                case 0 -> assertEquals(4096, LibC.getpagesize());
                case 1 -> assertEquals(EBADF, assertThrows(LastErrorException.class, () -> LibC.close(-1)).getErrorCode());
                case 2 -> assertEquals(ENOENT, assertThrows(LastErrorException.class,
                        () -> LibC.open("/nonexistent/jbpf-libc-test", Sys.O_RDONLY)).getErrorCode());
                default -> {
                    // syscall(SYS_getpid): the kernel's answer, a long through the variadic call
                    assertEquals(ProcessHandle.current().pid(), LibC.syscall(39, 0, 0, 0, 0, 0));
                }
            }
        }
        assertTrue(LibC.isDirect());
        assertTrue(generic >= LibC.GENERIC_CALLS / 2 && direct >= 10, generic + " generic calls, " + direct + " direct");
    }

    /** The event readers' eventfd: signalled, it wakes an epoll_wait with its data; drained, it stops being ready. */
    @Test void anEventFdWakesEpollOnBothPaths() {
        LibC.restartCounting();
        for (boolean direct : new boolean[] {false, true}) {
            while (direct && !LibC.isDirect()) LibC.getpagesize();
            assertEquals(direct, LibC.isDirect());
            try (Fd epoll = Sys.epollCreate(); Fd event = Sys.eventFd()) {
                Sys.epollAdd(epoll, event.value(), 77);
                Memory events = new Memory(Sys.EPOLL_EVENT_SIZE * 4L);
                assertEquals(0, Sys.epollWait(epoll, events, 4, 0), "not ready before a signal");
                Sys.eventSignal(event);
                Sys.eventSignal(event);
                assertEquals(1, Sys.epollWait(epoll, events, 4, 1000));
                assertEquals(77, events.getLong(4), "the data given to epollAdd");
                Memory count = new Memory(8);
                Sys.eventDrain(event);
                assertEquals(0, Sys.epollWait(epoll, events, 4, 0), "drained");
                assertEquals(EAGAIN, assertThrows(LastErrorException.class, () -> LibC.read(event.value(), count, 8)).getErrorCode(),
                        "the counter is 0 again (two signals drained by one read)");
            }
        }
    }

    @Test void memoryWrittenByLibcReadsTheSameOnBothPaths() {
        LibC.restartCounting();
        assertFalse(LibC.isDirect());
        int before = Sys.localSecondOfDay(1_719_000_000L);
        while (!LibC.isDirect()) LibC.getpagesize();
        assertEquals(before, Sys.localSecondOfDay(1_719_000_000L));
        Memory tm = new Memory(64), time = new Memory(8);
        time.setLong(0, 0);
        assertEquals(tm, LibC.localtime_r(time, tm), "localtime_r returns its result buffer");
    }
}
