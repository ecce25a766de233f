package org.jbpf.loader.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Sys#localSecondOfDay} (libc's localtime_r) against java.time in the same zone, here and in a JVM whose TZ
 * names zones with a half-hour offset and with summer time, so a wrong field or an ignored TZ shows.
 */
class LocalSecondOfDayTest {
    /** Midnight UTC, winter and summer afternoons (2023-11-14 22:13:20, 2024-06-21 20:00:00 UTC), a year's last second. */
    static final long[] INSTANTS = {0, 1_700_000_000L, 1_719_000_000L, 1_735_689_599L};

    @Test void agreesWithJavaTimeInThisZone() {
        ZoneId zone = ZoneId.systemDefault();
        for (long t : INSTANTS)
            assertEquals(LocalTime.ofInstant(Instant.ofEpochSecond(t), zone).toSecondOfDay(), Sys.localSecondOfDay(t), "at " + t + " in " + zone);
    }

    @Test void followsTzAsCToolsDo() throws Exception {
        // Kolkata: UTC+5:30 all year; New York: UTC-5, UTC-4 in summer
        assertEquals(List.of(19_800, 13_400, 5_400, 19_799), inZone("Asia/Kolkata"));
        assertEquals(List.of(68_400, 62_000, 57_600, 68_399), inZone("America/New_York"));
    }

    /** {@link #INSTANTS} as a JVM started with {@code TZ=zone} reckons them through libc. */
    private static List<Integer> inZone(String zone) throws Exception {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(launcher, "-cp", cp, Child.class.getName());
        pb.environment().put("TZ", zone);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<Integer> seconds = new ArrayList<>();
        for (String line : out.strip().split("\n")) seconds.add(Integer.parseInt(line.strip()));
        return seconds;
    }

    /** Prints {@link Sys#localSecondOfDay} of each of {@link #INSTANTS}, one a line. */
    public static final class Child {
        public static void main(String[] args) {
            for (long t : INSTANTS) System.out.println(Sys.localSecondOfDay(t));
        }
    }
}
