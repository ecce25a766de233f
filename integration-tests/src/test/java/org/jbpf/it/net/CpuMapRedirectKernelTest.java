package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.XdpContext;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.net.Net;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A CPUMAP redirect ({@link CpuSpread}) under BPF_PROG_TEST_RUN on both backends: with only CPU 0's slot filled
 * from Java (a queue of 192 frames), packets from even source ports are redirected (XDP_REDIRECT) and those from odd
 * ports take the fallback XDP_PASS; once CPU 1's slot is filled they are redirected too, and TCP always passes.
 */
class CpuMapRedirectKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void packetsAreRedirectedToTheCpusWhoseSlotsJavaFilled(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(CpuSpread.class), CpuSpread.class)) {
            BpfMap<Integer, Integer> cpus = bpf.map(CpuSpread.cpus);
            LoadedProgram spread = bpf.program("spread");
            cpus.put(0, 192);
            assertEquals(XdpContext.XDP_REDIRECT, spread.testRun(udp(4000), 1).retval(), "even port, CPU 0 filled");
            assertEquals(XdpContext.XDP_PASS, spread.testRun(udp(4001), 1).retval(), "odd port, CPU 1 empty");
            assertEquals(192, cpus.get(0));
            if (Runtime.getRuntime().availableProcessors() > 1) {
                cpus.put(1, 192);
                assertEquals(XdpContext.XDP_REDIRECT, spread.testRun(udp(4001), 1).retval(), "odd port, CPU 1 filled");
            }
            byte[] tcp = Packets.ethernet(Net.ETH_P_IP).ipv4(6, 0x7f000001, 0x7f000002, 5).tcp(4000, 80, 1, 0x02).bytes();
            assertEquals(XdpContext.XDP_PASS, spread.testRun(tcp, 1).retval(), "TCP");
        }
    }

    private static byte[] udp(int sourcePort) {
        return Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f000001, 0x7f000002, 5).udp(sourcePort, 53).bytes();
    }
}
