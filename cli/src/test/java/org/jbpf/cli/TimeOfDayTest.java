package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The header of a run's map prints: HH:MM:SS, seconds always shown (java.time's text leaves out a whole minute's). */
class TimeOfDayTest {
    @Test void textIsHoursMinutesSeconds() {
        assertEquals("00:00:00", TimeOfDay.text(0));
        assertEquals("01:01:01", TimeOfDay.text(3661));
        assertEquals("09:05:00", TimeOfDay.text(9 * 3600 + 5 * 60));
        assertEquals("23:59:59", TimeOfDay.text(86_399));
    }

    @Test void nowIsTheLocalTimeOfDay() {
        int before = LocalTime.now().toSecondOfDay();
        String now = TimeOfDay.now();
        int after = LocalTime.now().toSecondOfDay();
        assertTrue(now.matches("[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"), now);
        int s = Integer.parseInt(now.substring(0, 2)) * 3600 + Integer.parseInt(now.substring(3, 5)) * 60 + Integer.parseInt(now.substring(6));
        assertTrue(s >= before && s <= after || after < before, before + " <= " + now + " <= " + after);
    }
}
