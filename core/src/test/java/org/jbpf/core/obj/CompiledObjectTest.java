package org.jbpf.core.obj;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jbpf.core.asm.Insn;
import org.junit.jupiter.api.Test;

/**
 * Reads a clang-built object kept as a test resource: {@code obj/counter.bpf.o} is
 * integration-tests/src/test/resources/object/counter.c compiled with
 * {@code clang-14 -O2 -g -target bpf -fdebug-prefix-map=$PWD=. -c counter.c}.
 */
class CompiledObjectTest {
    static byte[] compiled() throws IOException {
        try (InputStream in = CompiledObjectTest.class.getResourceAsStream("/obj/counter.bpf.o")) {
            assertNotNull(in);
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheClangObject() throws IOException {
        BpfObject obj = ObjectReader.read(compiled(), "counter.bpf.o");
        assertEquals(List.of("on_getpid", "on_getppid"), obj.programs().stream().map(ProgramSpec::name).toList());
        assertEquals(List.of("totals", "counts"), obj.maps().stream().map(MapSpec::name).toList());
        ProgramSpec getppid = obj.program("on_getppid").orElseThrow();
        // r1 = -1 (ld_imm64), call bump, exit, then bump appended at slot 4
        assertEquals(4, getppid.funcInfos().get(1).insnOff());
        Insn call = getppid.insns().get(1);
        assertTrue(call.isLocalCall());
        assertEquals(1, call.imm(), "the call in slot 2 skips the exit in slot 3");
        assertEquals("./counter.c", call.source().file());
        assertEquals("return bump(-1);", call.source().text().strip());
    }

    @Test
    void rewrittenClangObjectReadsBackIdentically() throws IOException {
        BpfObject obj = ObjectReader.read(compiled(), "counter.bpf.o");
        BpfObject again = ObjectReader.read(ObjectWriter.write(obj), "counter.bpf.o");
        assertEquals(obj.programs(), again.programs());
        assertEquals(obj.maps(), again.maps());
        assertEquals(obj.license(), again.license());
    }

    @Test
    void corruptedClangObjectsOnlyGiveFormatErrors() throws IOException {
        byte[] valid = compiled();
        Random rnd = new Random(3);
        for (int round = 0; round < 6000; round++) {
            byte[] bad = round < 1500 ? Arrays.copyOf(valid, rnd.nextInt(valid.length)) : valid.clone();
            if (round >= 1500) for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) bad[rnd.nextInt(bad.length)] ^= (byte) (1 + rnd.nextInt(255));
            try {
                ObjectReader.read(bad, "bad.o");
            } catch (ObjectFormatException e) {
                assertTrue(e.getMessage().startsWith("bad.o"), e.getMessage());
            } catch (Throwable t) {
                throw new AssertionError("round " + round + ": " + t + " escaped the reader", t);
            }
        }
    }
}
