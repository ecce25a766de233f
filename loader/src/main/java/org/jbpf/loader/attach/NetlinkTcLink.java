package org.jbpf.loader.attach;

import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Fd;

/** A cls_bpf filter added through netlink ({@link NetlinkTc}); closing deletes it over the socket that added it. */
final class NetlinkTcLink implements Link {
    private final String description;
    private final Fd socket;
    private final int ifindex, parent, priority;
    private final boolean ownQdisc;

    NetlinkTcLink(String description, Fd socket, int ifindex, int parent, int priority, boolean ownQdisc) {
        this.description = description;
        this.socket = socket;
        this.ifindex = ifindex;
        this.parent = parent;
        this.priority = priority;
        this.ownQdisc = ownQdisc;
    }

    @Override public String description() { return description; }

    @Override public synchronized void close() {
        if (!socket.isOpen()) return;
        try {
            NetlinkTc.detach(socket, ifindex, parent, priority, ownQdisc);
        } catch (BpfException ignored) {
            // the socket failed: the filter goes when its interface does
        } finally {
            socket.close();
        }
    }

    @Override public String toString() { return description; }
}
