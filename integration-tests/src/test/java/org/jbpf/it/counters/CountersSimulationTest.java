package org.jbpf.it.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.maps.SimMap;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * The verifier simulation accepts the in-place adds the kernel accepts (atomic adds on map values, the NOEXIST insert
 * and its retry), and its interpreter counts with them as the kernel does.
 */
class CountersSimulationTest {
    static final int PID = 4242;

    @Test
    void simulatorAcceptsEveryProgram() {
        List<VerifierResult> results = Verifier.verifyAll(Translator.translate(Counters.class));
        assertEquals(2, results.size());
        for (VerifierResult r : results) assertEquals(true, r.ok(), r.toString());
    }

    @Test
    void interpreterCountsInPlace() {
        BpfObject obj = Translator.translate(Counters.class);
        Interpreter in = new Interpreter(obj);
        in.helpers().pidTgid(PID, PID + 1);
        in.map("watchPid").update(SimMap.u32(0), SimMap.u32(PID), SimMap.ANY);
        in.map("step").update(SimMap.u32(0), SimMap.u32(3), SimMap.ANY);
        byte[] ctx = new byte[64];
        for (int i = 0; i < 5; i++) {
            assertEquals(0, in.run("count", ctx));
            assertEquals(0, in.run("fields", ctx));
        }
        assertEquals(5L, in.map("hits").getLong(0));
        assertEquals(25L, in.map("hits").getLong(1));
        assertEquals(15, ByteBuffer.wrap(in.map("small").lookup(0)).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(5L, in.map("slots").getLong(2));
        assertEquals(-7L, in.map("results").getLong(0), "slot 9 of a 4-slot array");
        assertEquals(-7L, in.map("results").getLong(1), "a new key in a full hash map");
        ByteBuffer stats = ByteBuffer.wrap(in.map("stats").lookup(0)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(5L, stats.getLong(0), "calls");
        assertEquals(10, stats.getInt(8), "bytes");
        assertEquals(5L, stats.getLong(16), "plain");
    }
}
