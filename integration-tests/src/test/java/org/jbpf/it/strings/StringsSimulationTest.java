package org.jbpf.it.strings;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.jbpf.Strings;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.maps.SimMap;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * The verifier simulation accepts the byte compares of Strings calls, and the interpreter's results agree with the
 * JVM's own {@link Strings} on edge cases and random buffers near the literals.
 */
class StringsSimulationTest {
    /** What compareStored computes, by the JVM's Strings. */
    static long expected(byte[] text) {
        long r = 0;
        if (Strings.equals(text, "bash")) r |= 1;
        if (Strings.startsWith(text, "/etc/")) r |= 2;
        if (Strings.equals(text, "")) r |= 4;
        if (Strings.startsWith(text, "")) r |= 8;
        if (Strings.equals(text, "0123456789abcdef")) r |= 16;
        return r;
    }

    @Test
    void simulatorAcceptsBothPrograms() {
        for (VerifierResult r : Verifier.verifyAll(Translator.translate(CommMatch.class))) assertTrue(r.ok(), r.toString());
    }

    @Test
    void interpreterAgreesWithTheJvm() {
        BpfObject obj = Translator.translate(CommMatch.class);
        Interpreter in = new Interpreter(obj);
        Random random = new Random(14);
        String[] seeds = {"bash", "/etc/", "0123456789abcdef", ""};
        int checked = 0, matched = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] text = new byte[16];
            byte[] seed = seeds[random.nextInt(seeds.length)].getBytes();
            System.arraycopy(seed, 0, text, 0, seed.length);
            // mutate a byte or two, sometimes the terminator, so near misses are frequent
            for (int m = random.nextInt(3); m > 0; m--) text[random.nextInt(Math.min(16, seed.length + 2))] = (byte) random.nextInt(128);
            in.map("names").update(SimMap.u32(0), text, SimMap.ANY);
            in.run("compareStored", new byte[64]);
            long got = java.nio.ByteBuffer.wrap(in.map(".bss").lookup(0)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(24);
            assertEquals(expected(text), got, "text " + java.util.Arrays.toString(text));
            checked++;
            if ((got & 0b10011) != 0) matched++;
        }
        assertEquals(2000, checked);
        assertTrue(matched > 300, "many inputs match a literal: " + matched);
    }
}
