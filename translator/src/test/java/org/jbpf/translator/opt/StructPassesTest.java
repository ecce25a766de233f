package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/**
 * The passes that keep a local struct's fields out of the stack (address folding across blocks, load forwarding,
 * constant folding, unread store removal), on small hand-written MIR, checked by the exact instruction text.
 */
class StructPassesTest {

    private static List<String> optimized(MirPassesTest.B b, Pass... passes) {
        for (Pass p : passes) p.run(b.mir);
        return b.text();
    }

    @Test
    void aConstantTheLoaderRelocatesStaysAnInstructionOfItsOwn() {
        MirPassesTest.B b = new MirPassesTest.B();
        int size = b.v();
        // a CO-RE field size: the loader rewrites the 4 for the running kernel, so it must not be copied into its uses
        b.add(ALU64 | MOV | K, size, 0, 0, 4).ref = "core:task_struct:1:0:8";
        b.mov(R2, size).call(HelperTable.PROBE_READ_KERNEL, 3).exit(size);
        List<String> out = optimized(b, new ConstantFolding());
        assertEquals("r2 = r15 [src v16]", out.get(1), out.toString());
        assertEquals(1, b.mir.code.stream().filter(m -> m.ref != null && m.imm == 4).count(), out.toString());
    }

    @Test
    void aConstantShiftCountBecomesAnImmediateBelowTheWidth() {
        // x << 93 in Java shifts an int by 29: the register shift masks the count, an immediate of 93 the kernel refuses
        MirPassesTest.B b = new MirPassesTest.B();
        int x = b.v(), n = b.v(), y = b.v(), m = b.v();
        b.load(x, R1, 0).movImm(n, 93);
        b.add(ALU | LSH | X, x, n, 0, 0);
        b.load(y, R1, 8).movImm(m, -1);
        b.add(ALU64 | ARSH | X, y, m, 0, 0);
        b.addReg(x, y).exit(x);
        List<String> out = optimized(b, new ConstantFolding());
        assertTrue(out.contains("w15 <<= 29 [dst v16]"), out.toString());
        assertTrue(out.contains("r15 s>>= 63 [dst v18]"), out.toString());
    }

    /**
     * {@code b %= Short.toUnsignedInt((short) 0)}: the lowering knows the divisor is zero where the analysis did not, and
     * the kernel refuses a division by the immediate 0 (random probes at the edges, seed 35 program 80).
     */
    @Test
    void aDivisionByAnImmediateZeroTakesBpfsRule() {
        MirPassesTest.B b = new MirPassesTest.B();
        int x = b.v(), y = b.v(), z = b.v();
        b.load(x, R1, 0).load(y, R1, 8).load(z, R1, 16);
        Mir.MInsn div = b.add(ALU | DIV | K, x, 0, 1, 0), mod = b.add(ALU | MOD | K, y, 0, 1, 0), wideMod = b.add(ALU64 | MOD | K, z, 0, 0, 0);
        b.addReg(x, y).addReg(x, z).exit(x);
        optimized(b, new ConstantFolding());
        assertEquals(List.of(ALU64 | MOV | K, x, 0L), List.of(div.opcode, div.dst, div.imm), "x / 0 is 0");
        assertEquals(List.of(ALU | MOV | X, y, y), List.of(mod.opcode, mod.dst, mod.src), "x % 0 is x, its low half in 32 bits");
        assertEquals(List.of(ALU64 | MOV | X, z, z), List.of(wideMod.opcode, wideMod.dst, wideMod.src));
    }

    @Test
    void aFieldReadBackIsTheRegisterStoredAndTheUnreadStoreGoes() {
        MirPassesTest.B b = new MirPassesTest.B();
        int x = b.v(), y = b.v();
        b.movImm(x, 7).store(8, -8, x).load(y, R10, -8).addImm(y, 1).exit(y);
        List<String> out = optimized(b, new StackLoadForwarding(), new UnreadStackStoreElimination());
        assertEquals(5, out.size(), out.toString());
        assertEquals(List.of("r15 = 7 [dst v16]", "r15 = r15 [dst v17] [src v16]", "r15 += 1 [dst v17]", "r0 = r15 [src v17]", "exit"), out);
    }

    @Test
    void bytesWhoseAddressAHelperGetsKeepTheirStoresAndOthersLoseThem() {
        MirPassesTest.B b = new MirPassesTest.B();
        b.mir.frameAreas = Map.of(-16, 16, -32, 16);
        int x = b.v(), y = b.v();
        b.movImm(x, 5).store(8, -16, x).store(8, -8, x).store(8, -32, x).load(y, R10, -32);
        b.mov(R2, R10).addImm(R2, -16).call(HelperTable.MAP_UPDATE_ELEM, 2).exit(y);
        List<String> out = optimized(b, new StackLoadForwarding(), new UnreadStackStoreElimination());
        assertEquals(2, out.stream().filter(s -> s.startsWith("*(u64 *)(r10")).count(), out.toString());
        assertEquals(List.of("*(u64 *)(r10 -16) = r15 [src v16]", "*(u64 *)(r10 -8) = r15 [src v16]"),
                out.stream().filter(s -> s.startsWith("*(u64 *)(r10")).toList());
        assertEquals("r15 = r15 [dst v17] [src v16]", out.get(3), "the load of the unescaped slot is forwarded");
    }

    @Test
    void storesAHelperOverwritesWholeGoAndTheBytesBesideTheBufferKeepTheirs() {
        MirPassesTest.B b = new MirPassesTest.B();
        b.mir.frameAreas = Map.of(-24, 24);
        int buffer = b.v(), area = b.v(), zero = b.v();
        b.storeImm(8, -24, 0).storeImm(8, -16, 0).storeImm(8, -8, 0);
        // bpf_get_current_comm fills the last 16 bytes of the area; printk then reads all 24
        b.mov(buffer, R10).addImm(buffer, -16).mov(R1, buffer).movImm(R2, 16).call(HelperTable.GET_CURRENT_COMM, 2);
        b.mov(area, R10).addImm(area, -24).movImm(R1, 0).movImm(R2, 1).mov(R3, area).call(HelperTable.TRACE_PRINTK, 3);
        b.movImm(zero, 0).exit(zero);
        List<String> out = optimized(b, new UnreadStackStoreElimination());
        assertEquals(List.of("*(u64 *)(r10 -24) = 0"), out.stream().filter(s -> s.startsWith("*(u64 *)(r10")).toList(), out.toString());
    }

    @Test
    void aFillingHelperOfUnknownSizeOrAnotherHelperLeavesTheZeroFill() {
        for (int helper : new int[] {HelperTable.GET_CURRENT_COMM, HelperTable.PROBE_READ_KERNEL_STR}) {
            for (boolean knownSize : new boolean[] {true, false}) {
                if (helper != HelperTable.GET_CURRENT_COMM && !knownSize) continue;
                MirPassesTest.B b = new MirPassesTest.B();
                b.mir.frameAreas = Map.of(-16, 16);
                int size = b.v(), zero = b.v();
                b.storeImm(8, -16, 0).storeImm(8, -8, 0);
                if (knownSize) b.movImm(size, 16); else b.load(size, R1, 0);
                // a string read leaves a NUL but need not write every byte: the zeros after the string stay
                b.mov(R1, R10).addImm(R1, -16).mov(R2, size).call(helper, 3);
                b.movImm(R1, 0).movImm(R2, 1).mov(R3, R10).addImm(R3, -16).call(HelperTable.TRACE_PRINTK, 3);
                b.movImm(zero, 0).exit(zero);
                List<String> out = optimized(b, new UnreadStackStoreElimination());
                long zeroFill = out.stream().filter(s -> s.startsWith("*(u64 *)(r10")).count();
                assertEquals(helper == HelperTable.GET_CURRENT_COMM && knownSize ? 0 : 2, zeroFill, out.toString());
            }
        }
    }

    @Test
    void aHelperThatWritesEscapedBytesStopsForwarding() {
        MirPassesTest.B b = new MirPassesTest.B();
        b.mir.frameAreas = Map.of(-16, 16);
        int x = b.v(), y = b.v();
        b.movImm(x, 5).store(8, -16, x);
        b.mov(R1, R10).addImm(R1, -16).call(HelperTable.PROBE_READ_KERNEL, 3).load(y, R10, -16).exit(y);
        List<String> out = optimized(b, new StackLoadForwarding(), new UnreadStackStoreElimination());
        assertEquals("r15 = *(u64 *)(r10 -16) [dst v17]", out.get(5), out.toString());
        assertEquals("*(u64 *)(r10 -16) = r15 [src v16]", out.get(1));
    }

    @Test
    void aValueKnownOnOnlyOnePathIsLoaded() {
        MirPassesTest.B b = new MirPassesTest.B();
        int x = b.v(), y = b.v(), c = b.v();
        Mir.Label other = b.newLabel(), join = b.newLabel();
        b.load(c, R1, 0).jeq(c, 0, other).movImm(x, 1).store(8, -8, x).jump(join);
        b.label(other).storeImm(8, -8, 2).label(join).load(y, R10, -8).exit(y);
        List<String> out = optimized(b, new StackLoadForwarding(), new UnreadStackStoreElimination());
        assertEquals(2, out.stream().filter(s -> s.startsWith("*(u64 *)(r10 -8)")).count(), out.toString());
        assertEquals(1, out.stream().filter(s -> s.equals("r15 = *(u64 *)(r10 -8) [dst v17]")).count(), out.toString());
    }

    @Test
    void aZeroFilledCounterIncrementedOnceIsStoredAsTheConstantOne() {
        MirPassesTest.B b = new MirPassesTest.B();
        b.mir.frameAreas = Map.of(-16, 16);
        int n = b.v(), w = b.v();
        b.storeImm(8, -16, 0).storeImm(8, -8, 0).load(n, R10, -16).addImm(n, 1).store(8, -16, n);
        b.load(w, R10, -8).addReg(w, n).store(8, -8, w);
        b.mov(R3, R10).addImm(R3, -16).call(HelperTable.MAP_UPDATE_ELEM, 3).movImm(R0, 0).add(JMP | EXIT, 0, 0, 0, 0);
        List<String> out = optimized(b, new StackLoadForwarding(), new ConstantFolding(), new UnreadStackStoreElimination());
        assertEquals(List.of("*(u64 *)(r10 -16) = 1", "*(u64 *)(r10 -8) = 1", "r3 = r10", "r3 += -16", "call 0x2", "r0 = 0",
                "exit"), out.stream().map(s -> s.replaceAll("call .*", "call 0x2")).toList());
    }

    @Test
    void aStructMethodsThisIsFoldedIntoTheOffsetsAcrossItsBranches() {
        MirPassesTest.B b = new MirPassesTest.B();
        int self = b.v(), lo = b.v(), v = b.v();
        Mir.Label skip = b.newLabel();
        b.load(v, R1, 0).mov(self, R10).addImm(self, -24).load(lo, self, 0);
        b.add(JMP | JSGE | X, v, lo, 0, 0).target = skip;
        b.add(STX | MEM | DW, self, v, 0, 0);
        b.label(skip).load(lo, self, 8).exit(lo);
        List<String> out = optimized(b, new AddressFolding());
        assertEquals(List.of("r15 = *(u64 *)(r1 +0) [dst v18]", "r15 = *(u64 *)(r10 -24) [dst v17]", "if r15 s>= r15 goto pc+0 [dst v18] [src v17] -> L0",
                "*(u64 *)(r10 -24) = r15 [src v18]", "L0:", "r15 = *(u64 *)(r10 -16) [dst v17]", "r0 = r15 [src v17]", "exit"), out);
    }

    @Test
    void aConstantOnTheFallThroughIsWrittenFirstAndTheJumpOverGoes() {
        // x = p == null ? 1 : p.calls + 1
        MirPassesTest.B b = new MirPassesTest.B();
        int p = b.v(), x = b.v();
        Mir.Label compute = b.newLabel(), join = b.newLabel();
        b.load(p, R1, 0);
        b.add(JMP | JNE | K, p, 0, 0, 0).target = compute;
        b.movImm(x, 1).jump(join).label(compute).load(x, p, 0).addImm(x, 1).label(join).exit(x);
        List<String> out = optimized(b, new ConstantDefaultHoisting());
        assertEquals(List.of("r15 = *(u64 *)(r1 +0) [dst v16]", "r15 = 1 [dst v17]", "if r15 == 0x0 goto pc+0 [dst v16] -> L1",
                "r15 = *(u64 *)(r15 +0) [dst v17] [src v16]", "r15 += 1 [dst v17]", "L1:", "r0 = r15 [src v17]", "exit"), out);
    }

    @Test
    void aValueDeadOnThePathThroughACallNeedsNoCalleeSavedRegister() {
        // v is used only on the path that skips the call: it stays in r0, where the helper left it
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), w = b.v();
        Mir.Label other = b.newLabel(), done = b.newLabel();
        b.call(HelperTable.GET_PRANDOM_U32, 0).mov(v, R0).jeq(v, 0, other);
        b.call(HelperTable.KTIME_GET_NS, 0).movImm(R0, 0).add(JMP | EXIT, 0, 0, 0, 0);
        b.label(other).load(w, v, 0).exit(w);
        List<String> out = b.allocateAndEmit();
        assertEquals(List.of("call bpf_get_prandom_u32#7", "if r0 == 0x0 goto pc+3", "call bpf_ktime_get_ns#5", "r0 = 0",
                "exit", "r0 = *(u64 *)(r0 +0)", "exit"), out);
    }

    @Test
    void anIntFieldReadsBackAsACopyOnlyWhenItsRegisterHasNoUpperBits() {
        MirPassesTest.B b = new MirPassesTest.B();
        int narrow = b.v(), wide = b.v(), x = b.v(), y = b.v();
        b.load(wide, R1, 0);
        b.add(ALU | MOV | X, narrow, wide, 0, 0);   // every definition 32-bit: the upper half is zero
        b.add(ALU | ADD | K, narrow, 0, 0, 1);
        b.store(4, -8, narrow).store(4, -4, wide);
        b.add(LDX | MEM | W, x, R10, -8, 0);
        b.add(LDX | MEM | W, y, R10, -4, 0);
        b.addReg(x, y).exit(x);
        List<String> out = optimized(b, new StackLoadForwarding());
        assertEquals("r15 = r15 [dst v18] [src v16]", out.get(5), out.toString());
        assertEquals("w15 = w15 [dst v19] [src v17]", out.get(6), "a 64-bit value stored as 4 bytes reads back truncated");
    }
}
