package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.SkBuffContext;
import org.jbpf.XdpContext;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.attach.Interfaces;
import org.jbpf.net.FibLookup;
import org.jbpf.net.Net;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Route lookups ({@link NextHop}) on both backends, under BPF_PROG_TEST_RUN in the sender's namespace of a veth pair
 * with forwarding on: the receiver's address is forwarded out of the sender's end to the receiver's MAC address
 * (its static neighbour), an address of the link without a neighbour entry says RET_NO_NEIGH, and one without a route
 * RET_NOT_FWDED. The tc program's redirectNeigh gives TC_ACT_REDIRECT. The verifier simulation accepts both.
 */
class NextHopKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void lookupsAnswerAsTheNamespacesRoutesAndNeighboursSay(Backend backend) throws Exception {
        KernelCheck.require();
        org.jbpf.core.obj.BpfObject object = backend.translate(NextHop.class);
        assertEquals("[route: accepted, forward: accepted]", org.jbpf.sim.Verifier.verifyAll(object).toString().replaceAll(" \\(\\d+ insns processed\\)", ""),
                "the verifier simulation accepts both programs");
        try (VethPair veth = new VethPair();
             BPF bpf = BPF.load(object, NextHop.class)) {
            veth.sender.sysctl("net.ipv4.ip_forward=1");
            LoadedProgram route = bpf.program("route");
            BpfMap<Integer, Long> answers = bpf.map(NextHop.answers);
            int senderIf = veth.sender.inside(() -> Interfaces.index(veth.senderIf));
            long receiverMac = 0x026a62706602L;

            assertEquals(XdpContext.XDP_PASS, veth.sender.inside(() -> route.testRun(to(0x7f010002), 1)).retval());
            assertEquals((long) FibLookup.RET_SUCCESS, answers.get(0), "the receiver's address");
            assertEquals((long) senderIf, answers.get(1), "out of the sender's end");
            assertEquals(receiverMac, answers.get(2), "to the receiver's MAC address");

            veth.sender.inside(() -> route.testRun(to(0x7f010063), 1));
            assertEquals((long) FibLookup.RET_NO_NEIGH, answers.get(0), "an address of the link nobody answered for");
            veth.sender.inside(() -> route.testRun(to(0x0a010203), 1));
            assertEquals((long) FibLookup.RET_NOT_FWDED, answers.get(0), "an address without a route");

            bpf.map(NextHop.config).put(3, senderIf);
            assertEquals(SkBuffContext.TC_ACT_REDIRECT, veth.sender.inside(() -> bpf.program("forward").testRun(to(0x7f010002), 1)).retval());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSocketFilterAskingForARouteIsRefusedAtItsLine(Backend backend) {
        org.jbpf.translator.TranslationException e = org.junit.jupiter.api.Assertions.assertThrows(org.jbpf.translator.TranslationException.class,
                () -> backend.translate(SocketFibLookup.class));
        assertEquals("SocketFibLookup.java:15: ctx.fibLookup(..) in socket filter section \"socket/route\": the kernel lets only xdp and tc "
                + "programs look routes up", e.getMessage());
    }

    private static byte[] to(int destination) {
        return Packets.ethernet(Net.ETH_P_IP).ipv4(17, VethPair.SENDER_IP_NUMBER, destination, 5).udp(4000, 53).bytes();
    }
}
