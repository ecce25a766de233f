package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelSymbolsTest {
    private final KernelSymbols symbols = KernelSymbols.parse(List.of(
            "ffffffff81000000 T _stext",
            "ffffffff81000100 t do_one",
            "ffffffff81000200 D some_data",
            "ffffffff81000300 T do_two\t[mod]",
            "0000000000000000 T hidden"));

    @Test void namesTheFunctionHoldingTheAddress() {
        assertEquals("_stext", symbols.symbolize(0xffffffff81000000L));
        assertEquals("do_one+0x50", symbols.symbolize(0xffffffff81000150L));
        assertEquals("do_one+0x180", symbols.symbolize(0xffffffff81000280L), "data symbols are not frames");
        assertEquals("do_two+0x8", symbols.symbolize(0xffffffff81000308L));
        assertEquals("0x1000", symbols.symbolize(0x1000L), "below every symbol");
        assertEquals(3, symbols.size());
    }
}
