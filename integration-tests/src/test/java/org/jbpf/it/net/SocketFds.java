package org.jbpf.it.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The file descriptor behind a channel, found as the /proc/self/fd entry of its socket's inode. */
public final class SocketFds {
    private SocketFds() {}

    /**
     * The fd of an IPv4 UDP channel. Call it on the thread that opened the channel: the socket table read is the
     * calling thread's network namespace's ({@code /proc/thread-self/net/udp}).
     */
    public static int of(DatagramChannel ch) throws IOException {
        int port = ((InetSocketAddress) ch.getLocalAddress()).getPort();
        String inode = null;
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/net/udp"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[1].endsWith(":" + String.format("%04X", port))) inode = f[9];
        }
        if (inode == null) throw new IOException("no socket of port " + port + " in /proc/thread-self/net/udp");
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(p).toString().equals("socket:[" + inode + "]")) return Integer.parseInt(p.getFileName().toString());
                } catch (IOException ignored) {
                    // an fd closed while listing
                }
            }
        }
        throw new IOException("no fd of socket inode " + inode);
    }
}
