package org.jbpf.sim.junit;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.interp.Interpreter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BpfSimExtension.class)
class BpfSimExtensionTest {
    static final MapSpec LAST = new MapSpec("last", MapTypes.ARRAY, 4, 8, 1, 0, 0, 0);

    /** Stores the first u64 argument of a raw tracepoint into map "last". */
    static BpfObject lastArgument() {
        ProgramSpec p = new ProgramSpec("remember", "raw_tracepoint/sys_enter", List.of(
                load(8, R6, R1, 0), storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4),
                ldMap(R1, "last"), call(1), jumpImm(JEQ, R0, 0, 1), store(8, R0, 0, R6), mov64Imm(R0, 0), exit()),
                List.of());
        return new BpfObject("LastArgument", "GPL", List.of(LAST), List.of(p), null);
    }

    @Test
    void injectsASimulatorThatRunsVerifiedPrograms(BpfSimulator sim) {
        Interpreter bpf = sim.load(lastArgument());
        byte[] args = new byte[96];
        args[0] = 42;
        bpf.run("remember", args);
        assertEquals(42L, bpf.map("last").getLong(0));
    }

    @Test
    void refusesObjectsTheKernelWouldReject(BpfSimulator sim) {
        ProgramSpec p = new ProgramSpec("broken", "socket", List.of(exit()), List.of());
        AssertionError e = assertThrows(AssertionError.class,
                () -> sim.load(new BpfObject("Broken", "GPL", List.of(), List.of(p), null)));
        assertTrue(e.getMessage().contains("R0 !read_ok"), e.getMessage());
    }
}
