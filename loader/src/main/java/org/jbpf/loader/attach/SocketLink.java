package org.jbpf.loader.attach;

import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Sys;

/** A socket filter on a socket the caller owns; closing detaches it (SO_DETACH_BPF) but leaves the socket open. */
final class SocketLink implements Link {
    private final int socketFd;
    private final String description;
    private boolean closed;

    SocketLink(int socketFd, String program) {
        this.socketFd = socketFd;
        this.description = "socket filter " + program + " on socket fd " + socketFd;
    }

    @Override public String description() { return description; }

    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Sys.setsockoptInt(socketFd, Sys.SOL_SOCKET, Sys.SO_DETACH_BPF, 0, () -> "SO_DETACH_BPF");
        } catch (BpfException ignored) {
            // the socket was closed already, which detached the filter too
        }
    }
}
