package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * tcplife over one loopback connection the test makes: each end's record has the two ports, the bytes it received
 * and had acknowledged (counted by the kernel in its tcp_sock, read by the probe when the socket closes, in sequence
 * numbers, so SYN and FIN count too), and a lifetime that covers the time the test kept the connection open.
 */
class TcpLifeKernelTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tcpLifeReportsBothEndsBytesAndLifetimes(Backend backend) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            int port = server.getLocalPort();
            try (BPF bpf = load(backend, TcpLife.class, "port", port)) {
                Socket client = new Socket(loopback, port);
                int clientPort = client.getLocalPort();
                Socket accepted = server.accept();
                OutputStream toServer = client.getOutputStream();
                toServer.write(new byte[1000]);
                toServer.flush();
                assertEquals(1000, accepted.getInputStream().readNBytes(1000).length);
                accepted.getOutputStream().write(new byte[300]);
                assertEquals(300, client.getInputStream().readNBytes(300).length);
                Thread.sleep(100);
                client.close();
                InputStream fromClient = accepted.getInputStream();
                assertEquals(-1, fromClient.read(), "the client's FIN");
                accepted.close();
                List<TcpLife.Life> lives = records(bpf, TcpLife.lives, TcpLife.Life.class, 2, l -> true);
                assertEquals(2, lives.size(), "both ends closed");
                TcpLife.Life first = lives.get(0), second = lives.get(1);
                // the kernel counts sequence numbers: the peer's FIN is one more received, an end's own FIN one more acknowledged,
                // and the client's SYN, acknowledged by the server's SYN-ACK, one more on the client's side
                assertEquals(List.of(PID, clientPort, port, 300L + 1, 1000L + 1 + 1), List.of(first.pid, first.localPort, first.remotePort,
                        first.received, first.acked), "the client closes first: 300 bytes in, 1000 acknowledged");
                assertEquals(List.of(PID, port, clientPort, 1000L + 1, 300L + 1), List.of(second.pid, second.localPort, second.remotePort,
                        second.received, second.acked), "then the server: 1000 bytes in, 300 acknowledged");
                for (TcpLife.Life l : lives) assertTrue(l.nanos >= 100_000_000L && l.nanos < 10_000_000_000L, "open for 100 ms: " + l.nanos + " ns");
            }
        }
    }
}
