package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/** Register allocation around a value that is dead between two of its definitions. */
class AllocatorHolesTest {

    @Test
    void aValueDeadAcrossACallNeedsNoCalleeSavedRegister() {
        // the counter's shape: v = lookup; if v != 0 goto add; insert (a call); v = lookup again; if v == 0 goto done;
        // add: *v += 1. v is dead during the insert, so it may stay in r0 and needs no r6 and no copies.
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), one = b.v();
        Mir.Label add = b.newLabel(), done = b.newLabel();
        b.call(1, 0).mov(v, R0);
        b.add(JMP | JNE | K, v, 0, 0, 0).target = add;
        b.call(2, 0);
        b.call(1, 0).mov(v, R0);
        b.add(JMP | JEQ | K, v, 0, 0, 0).target = done;
        b.label(add);
        b.movImm(one, 1);
        b.add(STX | ATOMIC | DW, v, one, 0, ADD);
        b.label(done);
        b.movImm(R0, 0);
        b.add(JMP | EXIT, 0, 0, 0, 0);
        List<String> code = b.allocateAndEmit();
        assertEquals(List.of("call bpf_map_lookup_elem#1", "if r0 != 0x0 goto pc+3", "call bpf_map_update_elem#2", "call bpf_map_lookup_elem#1", "if r0 == 0x0 goto pc+2", "r1 = 1",
                "lock *(u64 *)(r0 +0) += r1", "r0 = 0", "exit"), code);
    }
}
