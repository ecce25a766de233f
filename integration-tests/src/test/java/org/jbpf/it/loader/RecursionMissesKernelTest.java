package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.ProgramInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ProgramInfo#recursionMisses()} is the kernel's count of runs it skipped: a raw tracepoint program on printk
 * that prints itself runs once per printk of another program and misses its own nested run each time, while the outer
 * program misses nothing.
 */
class RecursionMissesKernelTest {
    interface C extends Library {
        C LIBC = Native.load("c", C.class);

        int getppid();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aProgramSkippedInsideAnotherCountsEachSkip(Backend backend) {
        KernelCheck.require();
        int pid = (int) ProcessHandle.current().pid();
        try (BPF bpf = BPF.builder(backend.translate(NestedPrintk.class), NestedPrintk.class).constant("targetPid", pid).loadAndAttach()) {
            long outerBefore = ProgramInfo.of(bpf.program("onGetppid").fd()).recursionMisses();
            long innerBefore = ProgramInfo.of(bpf.program("onPrintk").fd()).recursionMisses();
            for (int i = 0; i < 25; i++) C.LIBC.getppid();
            long printed = bpf.global("printed").getLong();
            assertEquals(List.of(25L, 25L, 25L, 0L),
                    List.of(printed, bpf.global("watched").getLong(),
                            ProgramInfo.of(bpf.program("onPrintk").fd()).recursionMisses() - innerBefore,
                            ProgramInfo.of(bpf.program("onGetppid").fd()).recursionMisses() - outerBefore),
                    "printks, runs of the printk program, its misses, the outer program's misses");
        }
    }
}
