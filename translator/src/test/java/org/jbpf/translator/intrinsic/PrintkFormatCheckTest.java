package org.jbpf.translator.intrinsic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The printk formats the kernel's bpf_bprintf_prepare takes with numbers, and the exact refusals of the others. */
class PrintkFormatCheckTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "no conversions|0",
        "%d %i %u %x %X|5",
        "%ld %lu %lld %llu %llx %lX|6",
        "%08x %-5d %+d % d %10llu|5",
        "%c at %p %pK %px %pB|5",
        "100%% of %d|1",
    })
    void acceptsWhatTheKernelPrints(String format, int numbers) {
        assertNull(PrintkFormatCheck.refusal(format, numbers));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "comm %s|1|the printk format \"comm %s\" has %s, which prints text, but it is given a number (which the kernel "
                + "would read as the text's address); give it a byte[] holding the text (filled by Helpers.comm(buf) or "
                + "probeReadUserStr), or print a fixed word in the format itself",
        "v %f|1|the printk format \"v %f\" has %f, but the kernel has no floating point; print a scaled integer instead "
                + "(%d of value * 100)",
        "n %n|1|the printk format \"n %n\" has %n, which the kernel refuses: printk writes nothing back",
        "w %.3d|1|the printk format \"w %.3d\" has %.3d, whose '.' the kernel refuses: printk takes only the flags 0 + - "
                + "and space, and a width (%08x, %-5d); drop it",
        "h %#x|1|the printk format \"h %#x\" has %#x, whose '#' the kernel refuses: printk takes only the flags 0 + - "
                + "and space, and a width (%08x, %-5d); drop it",
        "s %hd|1|the printk format \"s %hd\" has %hd, which bpf_trace_printk refuses; use %d %i %u %x %X (optionally "
                + "with l or ll), %c or %p",
        "ip %pI4|1|the printk format \"ip %pI4\" has %pI4, which prints an IP address read from memory, but printk's "
                + "arguments are numbers; print an IPv4 address as its bytes with %d.%d.%d (three at a time), or send it "
                + "to Java in a ring record",
        "q %lllx|1|the printk format \"q %lllx\" has %lllx, which bpf_trace_printk refuses; use %d %i %u %x %X (optionally "
                + "with l or ll), %c or %p",
        "k %lc|1|the printk format \"k %lc\" has %lc, which bpf_trace_printk refuses; use %d %i %u %x %X (optionally "
                + "with l or ll), %c or %p",
        "u %pus|1|the printk format \"u %pus\" has %pus, which prints text at a kernel address, but printk's arguments are "
                + "numbers; print a byte[] holding the text with %s, or send the text to Java in a ring record with a "
                + "@CString byte[] field",
        "50%|0|the printk format \"50%\" has a lone % at its end, which the kernel refuses; write %% to print a %",
        "pid %d tid %d|1|the printk format \"pid %d tid %d\" has 2 conversions (%d, %x, ..) but 1 numbers follow it; "
                + "give one number per conversion (%% prints a %)",
        "t 25°|0|the printk format \"t 25°\" has the character '°', which bpf_trace_printk refuses (it takes printable "
                + "ASCII and white space only); write it with ASCII characters",
    })
    void refusesWithAdvice(String format, int numbers, String message) {
        assertEquals(message, PrintkFormatCheck.refusal(format, numbers));
    }

    @org.junit.jupiter.api.Test
    void takesByteArraysForPlainPercentS() {
        assertNull(PrintkFormatCheck.refusal("comm %s", new boolean[] {true}));
        assertNull(PrintkFormatCheck.refusal("%d %s=%s", new boolean[] {false, true, true}));
        assertEquals("the printk format \"n %d\" has %d, which prints a number, but it is given a byte[]; print text with %s",
                PrintkFormatCheck.refusal("n %d", new boolean[] {true}));
        assertEquals("the printk format \"[%8s]\" has %8s, whose flags or width the kernel refuses for text; write a plain %s",
                PrintkFormatCheck.refusal("[%8s]", new boolean[] {true}));
        assertEquals("the printk format \"%s %s\" has 2 conversions (%d, %x, ..) but 1 arguments follow it; give one argument "
                + "per conversion (%% prints a %)", PrintkFormatCheck.refusal("%s %s", new boolean[] {true}));
    }
}
