package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.R10;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.translator.backend.Encoder;
import org.jbpf.translator.backend.RegisterAllocator;
import org.jbpf.translator.backend.StackFrameLayout;
import org.junit.jupiter.api.Test;

/**
 * A frame over BPF's 512 bytes laid out one area after another shares bytes between the lowering's areas and the
 * spill slots that hold something at different places of the program; areas all needed at once keep their layout.
 */
class FrameSharingTest {
    private static final int AREA = 200, WORDS = AREA / 8;

    @Test
    void areasUsedOneAfterAnotherShareBytesAndTheProgramComputesTheSame() {
        StackFrameLayout frame = new StackFrameLayout();
        List<Insn> code = program(frame, false);
        assertTrue(frame.used() <= StackFrameLayout.MAX_STACK, "three 200-byte areas one after another and the spills fit: " + frame.used());
        assertEquals(expected(), MirPassesTest.run(code), code.toString());
        for (Insn i : code)
            if (i.dst() == R10 || i.src() == R10) assertTrue(-frame.used() <= i.off() && i.off() < 0, "inside the frame: " + i);
    }

    @Test
    void areasNeededAtOnceKeepTheirPlaces() {
        StackFrameLayout frame = new StackFrameLayout();
        List<Insn> code = program(frame, true);
        assertTrue(frame.used() >= 3 * AREA, "three 200-byte areas read at the end need 600 bytes: " + frame.used());
        assertEquals(expected(), MirPassesTest.run(code), code.toString());
    }

    /**
     * Three areas, each filled with 100k + word and read back into the total, then twelve values live at once (which
     * spill); with {@code readAtEnd} the areas are read back only after all three are filled.
     */
    private static List<Insn> program(StackFrameLayout frame, boolean readAtEnd) {
        MirPassesTest.B b = new MirPassesTest.B();
        int[] area = new int[3];
        for (int k = 0; k < area.length; k++) area[k] = frame.allocate(AREA, 8);
        b.mir.frameAreas = frame.areas();
        int total = b.v();
        b.movImm(total, 0);
        for (int k = 0; k < area.length; k++) {
            for (int w = 0; w < WORDS; w++) {
                int t = b.v();
                b.movImm(t, 100L * k + w).store(8, area[k] + 8 * w, t);
            }
            if (!readAtEnd) readBack(b, area[k], total);
        }
        if (readAtEnd) for (int a : area) readBack(b, a, total);
        int[] v = new int[12];
        for (int i = 0; i < v.length; i++) b.movImm(v[i] = b.v(), i + 1);
        for (int x : v) b.addReg(total, x);
        b.exit(total);
        new RegisterAllocator(b.mir, frame).run();
        Pipeline.cleanUp(b.mir);
        return Encoder.encode(b.mir);
    }

    private static void readBack(MirPassesTest.B b, int area, int total) {
        for (int w = 0; w < WORDS; w++) {
            int t = b.v();
            b.load(t, R10, area + 8 * w).addReg(total, t);
        }
    }

    private static long expected() {
        long sum = 78;
        for (int k = 0; k < 3; k++) for (int w = 0; w < WORDS; w++) sum += 100L * k + w;
        return sum;
    }
}
