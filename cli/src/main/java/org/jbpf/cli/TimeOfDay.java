package org.jbpf.cli;

import java.time.LocalTime;
import org.jbpf.loader.sys.Sys;

/**
 * The local time of day that heads each print of a run's maps, HH:MM:SS. Asked of libc: java.time's first local time
 * sets up the JDK's time zones, which costs a command line about 15 ms of CPU for a header.
 */
final class TimeOfDay {
    private TimeOfDay() {}

    static String now() {
        long epochSecond = Math.floorDiv(System.currentTimeMillis(), 1000);
        int s = Sys.localSecondOfDay(epochSecond);
        if (s < 0) s = LocalTime.now().toSecondOfDay();
        return text(s);
    }

    /** {@code secondOfDay} (0 to 86399) as HH:MM:SS. */
    static String text(int secondOfDay) {
        int h = secondOfDay / 3600, m = secondOfDay / 60 % 60, sec = secondOfDay - h * 3600 - m * 60;
        return two(h) + ":" + two(m) + ":" + two(sec);
    }

    private static String two(int n) { return n < 10 ? "0" + n : Integer.toString(n); }
}
