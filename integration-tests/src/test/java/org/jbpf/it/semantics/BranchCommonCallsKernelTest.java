package org.jbpf.it.semantics;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pid() and a ktime() call hoisted above the branch both of whose sides made them, and tracepoint fields loaded
 * after a call rather than before it, still give in the kernel what the calling thread knows.
 */
class BranchCommonCallsKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
        long syscall(long number, long a, long b, long c);
        long syscall(long number);
    }

    static final long SYS_GETTID = 186, SYS_LSEEK = 8;

    @Test
    void directCodeMakesEachCommonCallOnceAndLoadsTheFieldsAfterTheCall() {
        BpfObject o = Backend.DIRECT.translate(BranchCommonCalls.class);
        List<Insn> branches = program(o, "branches").insns(), lseek = program(o, "lseekArguments").insns();
        String listing = Disassembler.listing(branches);
        // tid() for the filter, one pid() for both sides, one for both sides in the loop; one ktime() for both sides
        assertEquals(3, calls(branches, HelperTable.GET_CURRENT_PID_TGID), listing);
        assertEquals(1, calls(branches, HelperTable.KTIME_GET_NS), listing);
        int pidCall = lastCall(lseek, HelperTable.GET_CURRENT_PID_TGID);
        long loadsAfter = lseek.subList(pidCall, lseek.size()).stream().filter(i -> cls(i.opcode()) == LDX && i.off() >= 16).count();
        assertEquals(3, loadsAfter, Disassembler.listing(lseek));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void valuesAreThoseOfTheCallingThread(Backend backend) throws Exception {
        KernelCheck.require();
        OnOwnThread.run(() -> check(backend));
    }

    private void check(Backend backend) throws Exception {
        int tid = (int) LibC.INSTANCE.syscall(SYS_GETTID);
        int pid = (int) ProcessHandle.current().pid();
        try (BPF bpf = backend.loadAndAttach(BranchCommonCalls.class)) {
            BpfMap<Integer, Integer> watch = bpf.map(BranchCommonCalls.watchTid);
            BpfMap<Integer, Integer> mode = bpf.map(BranchCommonCalls.mode);
            BpfMap<Integer, BranchCommonCalls.Seen> seen = bpf.map(BranchCommonCalls.seen);
            watch.put(0, tid);

            mode.put(0, 0);
            long before = System.nanoTime();
            LibC.INSTANCE.getppid();
            long after = System.nanoTime();
            BranchCommonCalls.Seen s = seen.get(0);
            assertEquals(pid, s.pidPlain, "the first side's pid()");
            assertEquals(0, s.pidShifted, "the second side did not run");
            assertTrue(s.ktimeEven >= before && s.ktimeEven <= after, "even side's ktime() " + s.ktimeEven);
            assertEquals(0, s.ktimeOdd, "odd side did not run");
            assertEquals(0, s.lastOdd, "mode 0 is even");
            assertEquals(-2L * pid, s.loopSum, "+pid in round 0, -pid in rounds 1 to 3");

            mode.put(0, 7);
            before = System.nanoTime();
            LibC.INSTANCE.getppid();
            after = System.nanoTime();
            s = seen.get(0);
            assertEquals(pid + 7, s.pidShifted, "the second side's pid() plus the mode");
            assertEquals(pid, s.pidPlain, "left from the first run");
            assertTrue(s.ktimeOdd >= before && s.ktimeOdd <= after, "odd side's ktime() " + s.ktimeOdd);
            assertEquals(1, s.lastOdd, "mode 7 is odd");
            assertEquals(-4L * pid, s.loopSum, "no round 7: -pid in each");

            mode.put(0, 10);
            LibC.INSTANCE.getppid();
            s = seen.get(0);
            assertEquals(pid + 10, s.pidShifted, "the second side again, with another mode");
            assertTrue(s.ktimeEven > after, "even side's ktime() after the odd one's");
            assertEquals(0, s.lastOdd, "mode 10 is even");
            assertEquals(-4L * pid, s.loopSum, "no round 10: -pid in each");

            mode.put(0, 2);
            LibC.INSTANCE.getppid();
            s = seen.get(0);
            assertEquals(pid + 2, s.pidShifted, "the second side with mode 2");
            assertEquals(-2L * pid, s.loopSum, "+pid in round 2, -pid in the others");

            // lseek on a descriptor that is not open fails, but its tracepoint sees the arguments
            long result = LibC.INSTANCE.syscall(SYS_LSEEK, 1000, 123456789, 2);
            assertEquals(-1, result, "lseek of a closed descriptor");
            s = seen.get(0);
            assertEquals(1000, s.fd, "arg(0)");
            assertEquals(123456789, s.offset, "arg(1)");
            assertEquals(2, s.whence, "arg(2)");
            assertEquals(pid, s.lseekPid, "pid() between the loads and the stores");
        }
    }

    private static ProgramSpec program(BpfObject o, String name) {
        return o.programs().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static long calls(List<Insn> code, int helper) {
        return code.stream().filter(i -> i.opcode() == (JMP | CALL) && i.src() == 0 && i.imm() == helper).count();
    }

    private static int lastCall(List<Insn> code, int helper) {
        int at = -1;
        for (int k = 0; k < code.size(); k++) if (code.get(k).opcode() == (JMP | CALL) && code.get(k).imm() == helper) at = k;
        return at;
    }
}
