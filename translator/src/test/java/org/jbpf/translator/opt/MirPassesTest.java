package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.asm.Insn;
import org.jbpf.translator.backend.Encoder;
import org.jbpf.translator.backend.RegisterAllocator;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/** Each MIR pass on small hand-written programs, checked by the final instruction text. */
class MirPassesTest {

    /** A tiny assembler for MIR with virtual registers. */
    static final class B {
        final Mir mir = new Mir();
        int v() { return mir.newVreg(); }
        Mir.MInsn add(int opcode, int dst, int src, int off, long imm) {
            Mir.MInsn m = new Mir.MInsn();
            m.opcode = opcode; m.dst = dst; m.src = src; m.off = off; m.imm = imm;
            mir.code.add(m);
            return m;
        }
        B movImm(int dst, long imm) { add(ALU64 | MOV | K, dst, 0, 0, imm); return this; }
        B mov(int dst, int src) { add(ALU64 | MOV | X, dst, src, 0, 0); return this; }
        B addImm(int dst, long imm) { add(ALU64 | ADD | K, dst, 0, 0, imm); return this; }
        B addReg(int dst, int src) { add(ALU64 | ADD | X, dst, src, 0, 0); return this; }
        B store(int size, int off, int src) { add(STX | MEM | sizeFor(size), R10, src, off, 0); return this; }
        B storeImm(int size, int off, long imm) { add(ST | MEM | sizeFor(size), R10, 0, off, imm); return this; }
        B load(int dst, int base, int off) { add(LDX | MEM | DW, dst, base, off, 0); return this; }
        B call(int helper, int args) { add(JMP | CALL, 0, 0, 0, helper).callArgs = args; return this; }
        B jeq(int reg, long imm, Mir.Label l) { add(JMP | JEQ | K, reg, 0, 0, imm).target = l; return this; }
        B jump(Mir.Label l) { add(JMP | JA, 0, 0, 0, 0).target = l; return this; }
        B label(Mir.Label l) { Mir.MInsn m = new Mir.MInsn(); m.label = l; mir.code.add(m); return this; }
        B exit(int reg) { mov(R0, reg); add(JMP | EXIT, 0, 0, 0, 0); return this; }
        Mir.Label newLabel() { return mir.newLabel(); }

        List<String> allocateAndEmit() {
            new RegisterAllocator(mir, new StackFrameLayout()).run();
            List<String> out = new ArrayList<>();
            Pipeline.cleanUp(mir);
            for (Insn in : Encoder.encode(mir)) out.add(in.toString());
            return out;
        }

        List<String> text() {
            List<String> out = new ArrayList<>();
            for (Mir.MInsn m : mir.code) out.add(m.toString());
            return out;
        }
    }

    @Test
    void allocatorSpillsAnotherValueWhenAnInstructionFindsNoScratchRegister() {
        // twelve values live to the end, and a sum of two spilled ones computed while every register is taken
        B b = new B();
        int[] v = new int[12];
        for (int k = 0; k < v.length; k++) b.movImm(v[k] = b.v(), k + 1);
        int t = b.v();
        b.mov(t, v[10]).addReg(t, v[11]);
        for (int k = 0; k < v.length; k++) b.addReg(t, v[k]);
        b.exit(t);
        List<Insn> code = new ArrayList<>();
        new RegisterAllocator(b.mir, new StackFrameLayout()).run();
        Pipeline.cleanUp(b.mir);
        code.addAll(Encoder.encode(b.mir));
        assertEquals(23 + 78, run(code), code.toString());
        assertTrue(code.stream().anyMatch(i -> i.opcode() == (LDX | MEM | DW) && i.src() == R10), "some value lives on the stack");
    }

    /** Runs straight-line code of moves, adds, stack loads and stores; returns r0 at exit. */
    static long run(List<Insn> code) {
        long[] r = new long[11];
        java.util.Map<Integer, Long> stack = new java.util.HashMap<>();
        for (Insn i : code) {
            int op = i.opcode();
            if (op == (ALU64 | MOV | K)) r[i.dst()] = i.imm();
            else if (op == (ALU64 | MOV | X)) r[i.dst()] = r[i.src()];
            else if (op == (ALU64 | ADD | X)) r[i.dst()] += r[i.src()];
            else if (op == (ALU64 | ADD | K)) r[i.dst()] += i.imm();
            else if (op == (STX | MEM | DW) && i.dst() == R10) stack.put(i.off(), r[i.src()]);
            else if (op == (LDX | MEM | DW) && i.src() == R10) r[i.dst()] = stack.get(i.off());
            else if (op == (JMP | EXIT)) return r[R0];
            else throw new AssertionError("unexpected " + i);
        }
        throw new AssertionError("no exit");
    }

    @Test
    void unreachableLoopBehindAFoldedBranchIsRemoved() {
        // r = 1; goto done; loop: r += 1; if r == 3 goto loop; done: exit r — the loop has labels and a back edge but no way in
        B b = new B();
        int r = b.v();
        Mir.Label loop = b.newLabel(), done = b.newLabel();
        b.movImm(r, 1).jump(done).label(loop).addImm(r, 1).jeq(r, 3, loop).label(done).exit(r);
        new UnreachableCodeElimination().run(b.mir);
        List<String> text = b.text();
        assertEquals(5, text.size(), text.toString());
        assertEquals(1, text.stream().filter(t -> t.endsWith(":")).count(), text.toString());
        assertEquals(List.of("r0 = 1", "exit"), b.allocateAndEmit());
    }

    @Test
    void deadCodeEliminationDropsUnusedResultsButKeepsCalls() {
        B b = new B();
        int t = b.v(), u = b.v();
        b.call(HelperTable.KTIME_GET_NS, 0).mov(t, R0).mov(u, t).addImm(u, 1).movImm(R0, 0).add(JMP | EXIT, 0, 0, 0, 0);
        new DeadCodeElimination().run(b.mir);
        assertEquals(List.of("call bpf_ktime_get_ns#5", "r0 = 0", "exit"), b.text());
    }

    @Test
    void redundantStoreOfTheSameRegisterIsDropped() {
        B b = new B();
        int k = b.v();
        b.call(HelperTable.GET_CURRENT_PID_TGID, 0).mov(k, R0)
                .store(4, -8, k).call(HelperTable.MAP_LOOKUP_ELEM, 2)
                .store(4, -8, k).call(HelperTable.MAP_DELETE_ELEM, 2)
                .addImm(k, 1).store(4, -8, k);   // k changed: this store stays
        new RedundantStoreElimination().run(b.mir);
        assertEquals(2, b.mir.code.stream().filter(m -> m.opcode == (STX | MEM | W)).count());
    }

    @Test
    void storeIsKeptWhenAHelperMayWriteTheSlot() {
        B b = new B();
        int k = b.v();
        b.movImm(k, 3).store(4, -8, k).call(HelperTable.GET_CURRENT_COMM, 2).store(4, -8, k);
        new RedundantStoreElimination().run(b.mir);
        assertEquals(2, b.mir.code.stream().filter(m -> m.opcode == (STX | MEM | W)).count());
    }

    @Test
    void addressOfANestedFieldFoldsIntoTheOffsetsOfItsLoadsAndStores() {
        B b = new B();
        int p = b.v(), q = b.v(), t = b.v(), u = b.v();
        b.call(HelperTable.MAP_LOOKUP_ELEM, 2).mov(p, R0)
                .mov(q, p).addImm(q, 16).load(t, q, 0);
        b.add(STX | MEM | W, q, t, 4, 0);                              // q only as a base: folded
        b.mov(u, p).addImm(u, 8).store(8, -8, u);                      // u stored as a value: kept
        new AddressFolding().run(b.mir);
        assertEquals(List.of("call bpf_map_lookup_elem#1", "r15 = r0 [dst v16]",
                "r15 = *(u64 *)(r15 +16) [dst v18] [src v16]", "*(u32 *)(r15 +20) = r15 [dst v16] [src v18]",
                "r15 = r15 [dst v19] [src v16]", "r15 += 8 [dst v19]", "*(u64 *)(r10 -8) = r15 [src v19]"), b.text());
    }

    @Test
    void intLoadSignExtendedOnlyOnceBecomesOneSignExtendingLoad() {
        B b = new B();
        int t = b.v(), u = b.v(), w = b.v(), z = b.v();
        b.add(LDX | MEM | W, t, R1, 0, 0);
        b.add(ALU64 | MOV | X, u, t, 32, 0);                        // long u = (int) field: folded
        b.add(LDX | MEM | W, w, R1, 4, 0);
        b.add(ALU64 | MOV | X, z, w, 32, 0);
        b.add(STX | MEM | W, R10, w, -8, 0);                        // w has a second use: kept
        new LoadWidening().run(b.mir);
        assertEquals(4, b.mir.code.size(), b.text().toString());
        assertEquals(LDX | MEMSX | W, b.mir.code.get(0).opcode);
        assertEquals(u, b.mir.code.get(0).dst);
        assertEquals(LDX | MEM | W, b.mir.code.get(1).opcode);
    }

    @Test
    void zeroFillOverwrittenBeforeAnyReadIsDead() {
        B b = new B();
        b.storeImm(8, -16, 0).storeImm(8, -8, 0).storeImm(8, -16, 1).storeImm(4, -8, 2);
        new DeadStackStoreElimination().run(b.mir);
        // the second zero store is only half overwritten (4 of 8 bytes) and stays
        assertEquals(List.of("*(u64 *)(r10 -8) = 0", "*(u64 *)(r10 -16) = 1", "*(u32 *)(r10 -8) = 2"), b.text());
    }

    @Test
    void identicalTailsOfIfElseAreMergedWithTheDifferingValueInARegister() {
        B b = new B();
        int p = b.v(), x = b.v();
        Mir.Label elseL = b.newLabel(), join = b.newLabel();
        b.call(HelperTable.MAP_LOOKUP_ELEM, 2).mov(p, R0).jeq(p, 0, elseL)
                .load(x, p, 0).addImm(x, 1).store(8, -16, x).call(HelperTable.MAP_UPDATE_ELEM, 4).jump(join)
                .label(elseL).storeImm(8, -16, 1).call(HelperTable.MAP_UPDATE_ELEM, 4)
                .label(join).movImm(R0, 0).add(JMP | EXIT, 0, 0, 0, 0);
        new TailMerging().run(b.mir);
        assertEquals(1, b.mir.code.stream().filter(m -> m.isCall() && m.imm == HelperTable.MAP_UPDATE_ELEM).count(), b.text().toString());
        List<String> code = b.allocateAndEmit();
        assertEquals(1, code.stream().filter(s -> s.startsWith("*(u64 *)(r10 -16) = r")).count(), code.toString());
    }

    /** Each branch: an update, then a check of its status in a register of its own and a branch around a count. */
    private static B updateAndCountInBothBranches(boolean statusReadAfterJoin) {
        B b = new B();
        int p = b.v(), x = b.v(), s1 = b.v(), s2 = b.v();
        Mir.Label elseL = b.newLabel(), join = b.newLabel(), skip1 = b.newLabel(), skip2 = b.newLabel();
        b.call(HelperTable.MAP_LOOKUP_ELEM, 2).mov(p, R0).jeq(p, 0, elseL)
                .load(x, p, 0).addImm(x, 1).store(8, -16, x).call(HelperTable.MAP_UPDATE_ELEM, 4).mov(s1, R0)
                .jeq(s1, 0, skip1).call(HelperTable.MAP_LOOKUP_ELEM, 2).label(skip1).jump(join)
                .label(elseL).storeImm(8, -16, 1).call(HelperTable.MAP_UPDATE_ELEM, 4).mov(s2, R0)
                .jeq(s2, 0, skip2).call(HelperTable.MAP_LOOKUP_ELEM, 2).label(skip2)
                .label(join);
        if (statusReadAfterJoin) b.exit(s1); else b.movImm(R0, 0).add(JMP | EXIT, 0, 0, 0, 0);
        return b;
    }

    @Test
    void tailsWithBranchesAndRegistersOfTheirOwnAreMerged() {
        B b = updateAndCountInBothBranches(false);
        new TailMerging().run(b.mir);
        assertEquals(1, b.mir.code.stream().filter(m -> m.isCall() && m.imm == HelperTable.MAP_UPDATE_ELEM).count(), b.text().toString());
        assertEquals(2, b.mir.code.stream().filter(m -> m.isCall() && m.imm == HelperTable.MAP_LOOKUP_ELEM).count(), b.text().toString());
    }

    @Test
    void aTailWhoseRegisterIsReadAfterTheJoinIsNotMerged() {
        B b = updateAndCountInBothBranches(true);   // s1 is read after the join: merging would leave it unset on one path
        new TailMerging().run(b.mir);
        assertEquals(2, b.mir.code.stream().filter(m -> m.isCall() && m.imm == HelperTable.MAP_UPDATE_ELEM).count(), b.text().toString());
    }

    /** Two looked-up counters, each added to at its own address, the second tail reached by one more jump to the join. */
    private static B addsAtTwoAddresses(boolean moveOnBetweenTwoAdds) {
        B b = new B();
        int p1 = b.v(), p2 = b.v(), one1 = b.v(), one2 = b.v();
        Mir.Label second = b.newLabel(), out = b.newLabel();
        b.call(HelperTable.MAP_LOOKUP_ELEM, 2).mov(p1, R0).jeq(p1, 0, second);
        b.movImm(one1, 1).add(STX | ATOMIC | DW, p1, one1, 0, ADD);
        if (moveOnBetweenTwoAdds) b.addImm(p1, 8).add(STX | ATOMIC | DW, p1, one1, 0, ADD);
        b.jump(out).label(second).call(HelperTable.MAP_LOOKUP_ELEM, 2).mov(p2, R0).jeq(p2, 0, out);
        b.movImm(one2, 1).add(STX | ATOMIC | DW, p2, one2, 0, ADD);
        if (moveOnBetweenTwoAdds) b.addImm(p2, 8).add(STX | ATOMIC | DW, p2, one2, 0, ADD);
        b.label(out).movImm(R0, 0).add(JMP | EXIT, 0, 0, 0, 0);
        return b;
    }

    private static long atomicAdds(B b) { return b.mir.code.stream().filter(m -> m.opcode == (STX | ATOMIC | DW)).count(); }

    @Test
    void tailsAddingAtAnAddressEachAreMergedThroughAMoveOfIt() {
        B b = addsAtTwoAddresses(false);
        new TailMerging().run(b.mir);
        assertEquals(1, atomicAdds(b), b.text().toString());
        // each path moves its own address into the register the shared add reads
        int shared = b.mir.code.stream().filter(m -> m.opcode == (STX | ATOMIC | DW)).findFirst().orElseThrow().dst;
        assertEquals(2, b.mir.code.stream().filter(m -> m.opcode == (ALU64 | MOV | X) && m.dst == shared).count(), b.text().toString());
    }

    @Test
    void tailsThatMoveTheirAddressOnBetweenTwoAddsAreNotMergedThroughAMove() {
        // p1 += 8 between the adds: one move before the tail could not stand for both values of p1
        B b = addsAtTwoAddresses(true);
        new TailMerging().run(b.mir);
        assertEquals(4, atomicAdds(b), b.text().toString());
    }

    @Test
    void valuesLiveAcrossCallsGetCalleeSavedRegisters() {
        B b = new B();
        int keep = b.v(), tmp = b.v();
        b.call(HelperTable.KTIME_GET_NS, 0).mov(keep, R0)
                .call(HelperTable.GET_PRANDOM_U32, 0).mov(tmp, R0).addReg(tmp, keep).exit(tmp);
        List<String> code = b.allocateAndEmit();
        assertEquals(List.of("call bpf_ktime_get_ns#5", "r6 = r0", "call bpf_get_prandom_u32#7", "r0 += r6", "exit"), code);
    }

    @Test
    void moreLiveValuesThanRegistersAreSpilledToTheStack() {
        B b = new B();
        int n = 12;
        int[] v = new int[n];
        b.call(HelperTable.KTIME_GET_NS, 0);
        for (int i = 0; i < n; i++) { v[i] = b.v(); b.mov(v[i], R0).addImm(v[i], i); }
        b.call(HelperTable.GET_PRANDOM_U32, 0);   // all twelve must survive this call
        int sum = b.v();
        b.movImm(sum, 0);
        for (int i = 0; i < n; i++) b.addReg(sum, v[i]);
        b.exit(sum);
        List<String> code = b.allocateAndEmit();
        long spills = code.stream().filter(s -> s.startsWith("*(u64 *)(r10 -")).count();
        assertTrue(spills >= n - 4, "at least " + (n - 4) + " spills in " + code);
    }

    @Test
    void duplicateReturnsShareOneExitAndBranchesAreInverted() {
        B b = new B();
        int p = b.v();
        Mir.Label ok = b.newLabel();
        b.call(HelperTable.MAP_LOOKUP_ELEM, 2).mov(p, R0);
        b.add(JMP | JNE | K, p, 0, 0, 0).target = ok;
        b.movImm(R0, 0).add(JMP | EXIT, 0, 0, 0, 0);
        b.label(ok).call(HelperTable.KTIME_GET_NS, 0).movImm(R0, 0).add(JMP | EXIT, 0, 0, 0, 0);
        List<String> code = b.allocateAndEmit();
        assertEquals(List.of("call bpf_map_lookup_elem#1", "if r0 == 0x0 goto pc+1", "call bpf_ktime_get_ns#5", "r0 = 0", "exit"), code);
    }

    @Test
    void returnsOfTwoConstantsAreBothMerged() {
        // XDP_PASS and XDP_DROP each returned twice, as a firewall does
        B b = new B();
        Mir.Label a = b.newLabel(), c = b.newLabel(), d = b.newLabel();
        b.call(HelperTable.KTIME_GET_NS, 0);
        b.jeq(R0, 1, a).movImm(R0, 2).add(JMP | EXIT, 0, 0, 0, 0);
        b.label(a).jeq(R0, 2, c).movImm(R0, 1).add(JMP | EXIT, 0, 0, 0, 0);
        b.label(c).jeq(R0, 3, d).movImm(R0, 2).add(JMP | EXIT, 0, 0, 0, 0);
        b.label(d).movImm(R0, 1).add(JMP | EXIT, 0, 0, 0, 0);
        new ReturnMerging().run(b.mir);
        List<String> code = b.text();
        assertEquals(2, code.stream().filter(x -> x.equals("exit")).count(), "one exit per constant: " + code);
    }
}
