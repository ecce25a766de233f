package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.interp.Interpreter;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's xdp_adjust_meta, fib_lookup and redirect_neigh against the kernel's: each program runs once in
 * the kernel (BPF_PROG_TEST_RUN) and once in the interpreter on the same packet, and the results and the bytes given
 * back (metadata in front of the packet) must be the same. The fib_lookup cases are those that need no route: bad
 * sizes, flags and families, IPv6 addresses never forwarded, an interface that does not exist, and lo, which forwards
 * nothing unless the host's sysctl says so (checked first).
 */
class PacketHelperRunsAgreementTest {
    private static final byte[] PACKET = new byte[60];

    static {
        for (int i = 0; i < PACKET.length; i++) PACKET[i] = (byte) (i * 7 + 1);
    }

    /** adjust_meta(delta); when it succeeds, a tag in the metadata's first word if it has one; returns its result. */
    private static List<Insn> meta(int delta, int headDelta) {
        List<Insn> p = new ArrayList<>(List.of(mov64Reg(R6, R1), mov64Imm(R2, delta), call(HelperTable.XDP_ADJUST_META), mov64Reg(R7, R0)));
        // a head move afterwards carries the metadata along
        if (headDelta != 0) p.addAll(List.of(mov64Reg(R1, R6), mov64Imm(R2, headDelta), call(HelperTable.XDP_ADJUST_HEAD), alu64Reg(ADD, R7, R0)));
        p.addAll(List.of(load(4, R2, R6, 8), load(4, R3, R6, 0), mov64Reg(R4, R2), alu64Imm(ADD, R4, 4), jumpReg(JGT, R4, R3, 1),
                storeImm(4, R2, 0, 0x6a627066), mov64Reg(R0, R7), exit()));
        return p;
    }

    /** fib_lookup with 64 zeroed bytes of parameters but the family, interface and first address words given. */
    private static List<Insn> fib(String section, int family, int ifindex, int source0, int destination0, int size, int flags) {
        List<Insn> p = new ArrayList<>(List.of(mov64Reg(R6, R1)));
        for (int off = -64; off < 0; off += 8) p.add(storeImm(8, R10, off, 0));
        p.addAll(List.of(storeImm(1, R10, -64, family), storeImm(4, R10, -56, ifindex), storeImm(4, R10, -48, source0),
                storeImm(4, R10, -32, destination0), mov64Reg(R1, R6), mov64Reg(R2, R10), alu64Imm(ADD, R2, -64),
                mov64Imm(R3, size), mov64Imm(R4, flags), call(HelperTable.FIB_LOOKUP), exit()));
        return p;
    }

    /** redirect_neigh(1, params or null, plen, flags) over 20 zeroed bytes. */
    private static List<Insn> neigh(boolean params, int plen, int flags) {
        List<Insn> p = new ArrayList<>(List.of(storeImm(8, R10, -24, 0), storeImm(8, R10, -16, 0), storeImm(8, R10, -8, 0), mov64Imm(R1, 1)));
        if (params) p.addAll(List.of(mov64Reg(R2, R10), alu64Imm(ADD, R2, -24)));
        else p.add(mov64Imm(R2, 0));
        p.addAll(List.of(mov64Imm(R3, plen), mov64Imm(R4, flags), call(HelperTable.REDIRECT_NEIGH), exit()));
        return p;
    }

    @Test
    void adjustMetaFibLookupAndRedirectNeighAgreeWithTheKernel() throws Exception {
        KernelAgreementTest.assumeKernel();
        assertEquals("0", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/conf/lo/forwarding")).trim(),
                "these cases expect lo not to forward");
        List<ProgramSpec> programs = new ArrayList<>();
        int n = 0;
        for (int[] d : new int[][] { { -4, 0 }, { -8, 0 }, { -32, 0 }, { -36, 0 }, { -216, 0 }, { -220, 0 }, { -6, 0 }, { 4, 0 }, { 0, 0 }, { -400, 0 },
                { -8, -4 }, { -8, 14 }, { -32, -200 } })
            programs.add(new ProgramSpec("meta" + n++, "xdp", meta(d[0], d[1]), List.of()));
        int lo = 1, none = 0x7ffffff0, ip = 0x0100000a, fe80 = 0x80fe, ff02 = 0x2ff;
        for (String section : List.of("xdp", "tc")) {
            programs.add(new ProgramSpec("fibSize" + n++, section, fib(section, 2, lo, ip, ip, 63, 0), List.of()));
            programs.add(new ProgramSpec("fibFlags" + n++, section, fib(section, 2, lo, ip, ip, 64, 0x40), List.of()));
            programs.add(new ProgramSpec("fibFamily" + n++, section, fib(section, 7, lo, ip, ip, 64, 0), List.of()));
            programs.add(new ProgramSpec("fibNoDevice" + n++, section, fib(section, 2, none, ip, ip, 64, 0), List.of()));
            programs.add(new ProgramSpec("fibLo" + n++, section, fib(section, 2, lo, ip, ip, 64, 2), List.of()));
            programs.add(new ProgramSpec("fib6LinkLocal" + n++, section, fib(section, 10, none, fe80, 0x20, 64, 0), List.of()));
            programs.add(new ProgramSpec("fib6Multicast" + n++, section, fib(section, 10, lo, 0x20, ff02, 64, 0), List.of()));
            programs.add(new ProgramSpec("fib6NoDevice" + n++, section, fib(section, 10, none, 0x20, 0x20, 64, 0), List.of()));
        }
        programs.add(new ProgramSpec("neighNone" + n++, "tc", neigh(false, 0, 0), List.of()));
        programs.add(new ProgramSpec("neighParams" + n++, "tc", neigh(true, 20, 0), List.of()));
        programs.add(new ProgramSpec("neighShort" + n++, "tc", neigh(true, 16, 0), List.of()));
        programs.add(new ProgramSpec("neighFlags" + n++, "tc", neigh(false, 0, 1), List.of()));
        BpfObject obj = new BpfObject("helpers", "GPL", List.of(), programs, null);
        Interpreter sim = new Interpreter(obj);
        List<String> results = new ArrayList<>(), differ = new ArrayList<>();
        for (ProgramSpec p : programs) {
            assertTrue(Verifier.verify(obj, p).ok(), p.name() + ": " + Verifier.verify(obj, p).errors());
            KernelBpf.LoadResult load = KernelBpf.loadForVerdict(KernelRunner.progType(p.section()), Insn.encode(p.insns()));
            assertTrue(load.accepted(), p.name() + ": " + load.log());
            KernelBpf.PacketRun kernel;
            try {
                kernel = KernelBpf.testRunPacket(load.fd(), PACKET);
            } finally {
                KernelBpf.close(load.fd());
            }
            int simResult = (int) sim.runPacket(p.name(), PACKET.clone());
            byte[] simBytes = sim.packet();
            results.add(p.name() + "=" + (int) kernel.retval());
            if (simResult != (int) kernel.retval() || !java.util.Arrays.equals(simBytes, kernel.packet()))
                differ.add(p.name() + ": kernel " + (int) kernel.retval() + " " + java.util.HexFormat.of().formatHex(kernel.packet())
                        + ", interpreter " + simResult + " " + java.util.HexFormat.of().formatHex(simBytes));
        }
        System.out.println(results);
        assertEquals(List.of(), differ);
    }
}
