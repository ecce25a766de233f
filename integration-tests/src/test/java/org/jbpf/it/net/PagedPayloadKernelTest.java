package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ctx.load} on a non-linear skb ({@link PagedPayload}) on both backends: 256 KiB of 0x5a sent over TCP across a
 * veth pair arrive at the receiver's tc ingress in segments whose payload lies in page fragments; eight bytes 1000
 * bytes into the payload are past the linear head (the view is null) on at least one segment, and the copy holds the
 * bytes sent on every segment long enough, fragments or not.
 */
class PagedPayloadKernelTest {
    private static final int BYTES = 256 * 1024, PORT = 9300;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void loadReadsPayloadInPageFragmentsWhereAViewCannot(Backend backend) throws Exception {
        KernelCheck.require();
        try (VethPair veth = new VethPair();
             BPF bpf = BPF.load(backend.translate(PagedPayload.class), PagedPayload.class)) {
            veth.receiver.inside(() -> bpf.program("inspect").attachTc(veth.receiverIf));
            ServerSocketChannel server = veth.receiver.inside(() -> ServerSocketChannel.open().bind(new InetSocketAddress(VethPair.RECEIVER_IP, PORT)));
            try (server) {
                CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> drain(server));
                veth.sender.inside(() -> {
                    try (SocketChannel client = SocketChannel.open(new InetSocketAddress(VethPair.RECEIVER_IP, PORT))) {
                        byte[] data = new byte[BYTES];
                        Arrays.fill(data, (byte) 0x5a);
                        ByteBuffer b = ByteBuffer.wrap(data);
                        while (b.hasRemaining()) client.write(b);
                    }
                    return null;
                });
                assertEquals(BYTES, received.get());
            }
            BpfMap<Integer, Long> segments = bpf.map(PagedPayload.segments);
            long long_ = segments.get(0), paged = segments.get(1), copied = segments.get(2);
            System.out.println("paged payload (" + backend + "): " + long_ + " segments long enough, " + paged + " past the linear head, " + copied + " copied");
            assertTrue(long_ > 0, "segments with 1008 payload bytes or more: " + long_);
            assertTrue(paged > 0, "segments whose bytes 1000 in are past the linear head: " + paged + " of " + long_);
            assertEquals(long_, copied, "segments whose copy holds the bytes sent");
        }
    }

    private static long drain(ServerSocketChannel server) {
        try (SocketChannel peer = server.accept()) {
            ByteBuffer b = ByteBuffer.allocate(65536);
            long total = 0;
            for (int n; (n = peer.read(b)) >= 0; b.clear()) total += n;
            return total;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
