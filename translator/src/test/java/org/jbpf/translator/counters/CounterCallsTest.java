package org.jbpf.translator.counters;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** In-place adds: which instructions they become, and how misuse is reported. */
class CounterCallsTest {
    static List<Insn> code(String probe) {
        return Translator.translate("org.jbpf.translator.counters.CounterProbes$" + probe,
                Translator.ClassSource.of(CounterCallsTest.class.getClassLoader())).programs().get(0).insns();
    }

    static long count(List<Insn> code, int opcode, long imm) {
        return code.stream().filter(i -> i.opcode() == opcode && i.imm() == imm).count();
    }

    @Test
    void mapAddsAreAtomicExceptOnPerCpuMaps() {
        List<Insn> code = code("Increments");
        String listing = Disassembler.listing(code);
        // longs.increment, ints.add and longs.add: one atomic add each, reached from the lookup and from its retry;
        // and each insert's count of a refusal by the full map, one more 64-bit add on a slot of jbpf_map_drops, except
        // that longs.increment's count adds the same 1 as the counter and shares its add (jump threading leaves the
        // count's path at once, since the refusal it counts is no lost race to retry)
        assertEquals(2 + 3 - 1, count(code, STX | ATOMIC | DW, ADD), listing);
        assertEquals(1, count(code, STX | ATOMIC | W, ADD), listing);
        assertEquals(6 + 1 + 3, code.stream().filter(i -> i.opcode() == (JMP | CALL) && i.imm() == HelperTable.MAP_LOOKUP_ELEM).count(),
                listing);   // a lookup and a retry per hash map add, one for the per-CPU array, one per refusal count
        assertEquals(3, listing.split("map\\[jbpf_map_drops\\]", -1).length - 1, listing);
        // one NOEXIST insert per hash map add (the per-CPU array has none), and the store of add's status
        assertEquals(4, code.stream().filter(i -> i.opcode() == (JMP | CALL) && i.imm() == HelperTable.MAP_UPDATE_ELEM).count(), listing);
        // the per-CPU array: a plain load, add and store, and no insert (every index exists)
        assertTrue(listing.contains("+= 1"), listing);
    }

    @Test
    void plainFieldAddsOnALookedUpStructNeedNoUpdateCall() {
        List<Insn> code = code("PlainFieldAdd");
        String listing = Disassembler.listing(code);
        assertEquals(1, code.stream().filter(i -> i.opcode() == (JMP | CALL)).count(), listing);   // the lookup only
        assertEquals(0, code.stream().filter(i -> mode(i.opcode()) == ATOMIC).count(), listing);
    }

    @Test
    void atomicFieldAddsAtTheFieldOffsets() {
        List<Insn> code = code("AtomicFields");
        String listing = Disassembler.listing(code);
        assertEquals(1, code.stream().filter(i -> i.opcode() == (JMP | CALL)).count(), listing);
        assertTrue(code.stream().anyMatch(i -> i.opcode() == (STX | ATOMIC | DW) && i.imm() == ADD && i.off() == 0), listing);
        assertTrue(code.stream().anyMatch(i -> i.opcode() == (STX | ATOMIC | W) && i.imm() == ADD && i.off() == 8), listing);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IncrementStructMap|CounterProbes.java:70: increment needs a map of Long or Integer values; stats holds CounterProbes.Stats (use Atomic.add on a field of the looked-up value)",
        "AtomicNoSuchField|CounterProbes.java:82: CounterProbes.Stats has no field count",
        "AtomicByteField|CounterProbes.java:94: Atomic.increment works on long and int fields; CounterProbes.Stats.flags is not one",
        "AtomicNullable|CounterProbes.java:106: stats.lookup(..) may be null here; test it against null before Atomic.increment",
        "AtomicFieldNotConstant|CounterProbes.java:119: variable name holds a string chosen at run time (string \"calls\" or string \"bytes\"), but strings exist in BPF programs only as constants; keep the choice in an int or an enum (and switch over that), or keep text in a byte[] and compare it with Strings.equals(buf, \"bash\") in an if/else chain instead of a switch",
    })
    void misuseIsReportedAtItsLine(String probe, String message) {
        TranslationException e = assertThrows(TranslationException.class, () -> code(probe));
        assertEquals(message, e.getMessage().lines().findFirst().orElse(""));
    }
}
