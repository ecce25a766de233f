package org.jbpf.it.strings;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jbpf.Strings;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Tools;
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

    /** Literals of 8 bytes or more go to .rodata.str1.1 once each and are compared by bpf_strncmp; shorter ones in place. */
    @Test
    void longLiteralsLiveInReadOnlyDataAndUseStrncmp() throws Exception {
        BpfObject obj = Translator.translate(CommMatch.class);
        GlobalData strings = obj.global(".rodata.str1.1").orElseThrow();
        assertEquals("jbpf-strings\0jbpf-str\0" + "0123456789abcdef\0", new String(strings.bytes(), StandardCharsets.US_ASCII),
                "each literal once; the one longer than comm is never needed");
        assertTrue(strings.readOnly());
        long strncmp = obj.programs().stream().flatMap(p -> p.insns().stream())
                .filter(i -> i.isHelperCall() && i.imm() == HelperTable.STRNCMP).count();
        assertEquals(3, strncmp, "jbpf-strings, jbpf-str and 0123456789abcdef; bash and /etc/ are compared in place");

        Kernel.requireBpffs();
        Tools.require("bpftool");
        Path o = Files.createTempFile("jbpf-strings", ".o");
        Path pins = Path.of("/sys/fs/bpf", "jbpf_it_strings_" + ProcessHandle.current().pid() + "_" + System.nanoTime());
        try {
            Files.write(o, ObjectWriter.write(obj));
            Tools.check("bpftool", "prog", "loadall", o.toString(), pins.toString());
            String xlated = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve("onGetppid").toString());
            assertTrue(xlated.contains("bpf_strncmp"), xlated);
        } finally {
            Files.deleteIfExists(o);
            if (Files.exists(pins)) try (var s = Files.walk(pins)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
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
