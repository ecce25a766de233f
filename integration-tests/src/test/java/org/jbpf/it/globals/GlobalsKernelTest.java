package org.jbpf.it.globals;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.Global;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Global variables and load-time constants on the kernel: a {@code .bss} counter read from Java exactly, a
 * {@code .data} variable Java changes while the program runs, a {@code @Constant} pid filter the kernel counts by,
 * and a constant that turns a loop off, which the verifier then does not walk.
 */
class GlobalsKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
    }

    static void getppid(int n) {
        for (int i = 0; i < n; i++) LibC.INSTANCE.getppid();
    }

    static int tgid() { return (int) ProcessHandle.current().pid(); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void countsOnlyTheTargetProcessAndSeesJavaWrites(Backend backend) throws Exception {
        KernelCheck.require();
        BpfObject object = backend.translate(Globals.class);
        try (BPF bpf = BPF.builder(object).constant("targetTgid", tgid()).loadAndAttach()) {
            Global hits = bpf.global("hits"), stepped = bpf.global("stepped"), others = bpf.global("others");
            assertEquals(tgid(), bpf.global("targetTgid").getInt(), "the constant as loaded");
            assertEquals(3, bpf.global("step").getInt(), ".data starts with the initialiser's value");
            getppid(1000);
            // a child process calls getppid too: counted as another process, never as the target
            Process child = new ProcessBuilder("perl", "-e", "getppid() for 1..300").start();
            assertEquals(0, child.waitFor());
            assertEquals(1000L, hits.getLong());
            assertEquals(3000L, stepped.getLong());
            assertEquals(-1002, bpf.global("lastSmall").get(), "a short global decremented 1000 times from -2");
            assertTrue(others.getLong() >= 300, "the child's calls count as others: " + others.getLong());

            bpf.global("step").set(5);
            getppid(500);
            assertEquals(1500L, hits.getLong());
            assertEquals(3000L + 2500L, stepped.getLong(), "the program adds the step Java wrote");
            hits.set(0);
            getppid(7);
            assertEquals(7L, hits.getLong(), "Java reset the counter");
            assertEquals(0L, bpf.global("traced").getLong(), "tracing is off by default");

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> bpf.global("targetTgid").set(1));
            assertEquals("global targetTgid is a load-time constant, read-only once loaded; set it before loading with "
                    + "BPF.builder(..).constant(\"targetTgid\", value)", e.getMessage());
        }
    }

    /** With tracing off the verifier knows the branch is dead and skips the loop: fewer instructions processed. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aConstantPrunesTheBranchItTurnsOff(Backend backend) throws Exception {
        KernelCheck.require();
        BpfObject object = backend.translate(Globals.class);
        int off, on;
        try (BPF bpf = BPF.builder(object).constant("targetTgid", tgid()).load()) {
            off = ProgramInfo.of(bpf.program("onGetppid").fd()).verifiedInsns();
        }
        try (BPF bpf = BPF.builder(object).constant("targetTgid", tgid()).constant("tracing", true).loadAndAttach()) {
            on = ProgramInfo.of(bpf.program("onGetppid").fd()).verifiedInsns();
            getppid(20);
            assertEquals(20L, bpf.global("traced").getLong(), "tracing on: every target call runs the loop");
        }
        assertTrue(off > 0 && on > off + 64 * 4, "verified instructions: " + off + " with tracing off, " + on + " with it on");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void constantsAreCheckedByNameAndType(Backend backend) {
        BpfObject object = backend.translate(Globals.class);
        assertEquals("Globals has no load-time constant \"targetPid\"; its constants are targetTgid, tracing",
                assertThrows(IllegalArgumentException.class, () -> BPF.builder(object).constant("targetPid", 1).object()).getMessage());
        assertEquals("constant targetTgid of Globals is an int; pass a number, not the String 1234",
                assertThrows(IllegalArgumentException.class, () -> BPF.builder(object).constant("targetTgid", "1234").object()).getMessage());
        assertEquals("constant targetTgid of Globals is an int (4 bytes); 5000000000 does not fit",
                assertThrows(IllegalArgumentException.class, () -> BPF.builder(object).constant("targetTgid", 5_000_000_000L).object()).getMessage());
        assertEquals("global hits of Globals is a variable in .bss, not a load-time constant; mark the field @Constant, or set it "
                + "after loading with bpf.global(\"hits\").set(..)",
                assertThrows(IllegalArgumentException.class, () -> BPF.builder(object).constant("hits", 1).object()).getMessage());
    }
}
