package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test void labelsArePowersOfTwoWithBinarySuffixes() {
        assertEquals("[0, 2)", Histogram.label(0));
        assertEquals("[2, 4)", Histogram.label(1));
        assertEquals("[512, 1K)", Histogram.label(9));
        assertEquals("[1K, 2K)", Histogram.label(10));
        assertEquals("[1M, 2M)", Histogram.label(20));
    }

    @Test void barsScaleToTheLargestSlotAndSkipLeadingAndTrailingEmptySlots() {
        String chart = Histogram.render(List.of(0L, 0L, 4L, 0L, 8L, 0L, 0L));
        String[] lines = chart.split("\n");
        assertEquals(3, lines.length, chart);
        assertEquals("[4, 8)                      4 |" + "@".repeat(26) + " ".repeat(26) + "|", lines[0]);
        assertEquals("[8, 16)                     0 |" + " ".repeat(52) + "|", lines[1]);
        assertEquals("[16, 32)                    8 |" + "@".repeat(52) + "|", lines[2]);
    }

    @Test void allEmptyDrawsNothing() {
        assertEquals("", Histogram.render(List.of(0L, 0L)));
    }
}
