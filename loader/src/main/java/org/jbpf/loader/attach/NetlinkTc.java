package org.jbpf.loader.attach;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

/**
 * tc attachment for kernels without tcx links: the interface gets a clsact qdisc (RTM_NEWQDISC, kept when it was
 * there already) and the program becomes a cls_bpf filter in direct-action mode on its ingress or egress hook
 * (RTM_NEWTFILTER), at the first free priority. Closing the link deletes the filter, and the qdisc if this link made it.
 * Requests go over a netlink socket opened in the caller's network namespace and kept for the delete.
 */
final class NetlinkTc {
    private NetlinkTc() {}

    private static final int RTM_NEWQDISC = 36, RTM_DELQDISC = 37, RTM_NEWTFILTER = 44, RTM_DELTFILTER = 45;
    private static final int NLM_F_REQUEST = 1, NLM_F_ACK = 4, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400;
    private static final int TCA_KIND = 1, TCA_OPTIONS = 2, TCA_BPF_FD = 6, TCA_BPF_NAME = 7, TCA_BPF_FLAGS = 8;
    private static final int TCA_BPF_FLAG_ACT_DIRECT = 1, NLA_F_NESTED = 0x8000;
    /** The clsact qdisc's parent and handle, and its two hooks (TC_H_MIN_INGRESS, TC_H_MIN_EGRESS). */
    private static final int TC_H_CLSACT = 0xfffffff1, CLSACT_HANDLE = 0xffff0000, INGRESS = 0xfffffff2, EGRESS = 0xfffffff3;
    private static final int ETH_P_ALL = 0x0003, FILTER_HANDLE = 1, MAX_PRIORITY = 64;
    private static final AtomicInteger SEQ = new AtomicInteger(1);

    static Link attach(LoadedProgram p, int ifindex, boolean ingress) {
        String where = "tc " + (ingress ? "ingress" : "egress") + " on interface index " + ifindex + " (netlink clsact)";
        Fd socket = Sys.netlinkRoute();
        try {
            int rc = Sys.netlinkRequest(socket, qdisc(RTM_NEWQDISC, NLM_F_CREATE | NLM_F_EXCL, ifindex), () -> "RTM_NEWQDISC clsact for " + where);
            if (rc != 0 && rc != Errno.EEXIST) throw new BpfException("adding a clsact qdisc for " + p + " as " + where, rc);
            boolean ownQdisc = rc == 0;
            int parent = ingress ? INGRESS : EGRESS;
            for (int priority = 1; priority <= MAX_PRIORITY; priority++) {
                rc = Sys.netlinkRequest(socket, filter(RTM_NEWTFILTER, NLM_F_CREATE | NLM_F_EXCL, ifindex, parent, priority, p),
                        () -> "RTM_NEWTFILTER bpf for " + where);
                if (rc == 0) return new NetlinkTcLink(where + ", priority " + priority, socket, ifindex, parent, priority, ownQdisc);
                if (rc != Errno.EEXIST) {
                    if (ownQdisc) Sys.netlinkRequest(socket, qdisc(RTM_DELQDISC, 0, ifindex), () -> "RTM_DELQDISC");
                    throw new BpfException("adding " + p + " as a cls_bpf filter, " + where, rc);
                }
            }
            throw new BpfException(where + ": priorities 1.." + MAX_PRIORITY + " already hold filters");
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The filter's delete request and, when this link made the qdisc, the qdisc's. */
    static void detach(Fd socket, int ifindex, int parent, int priority, boolean ownQdisc) {
        // the interface or its namespace may be gone already, which removed both: errors are not interesting here
        Sys.netlinkRequest(socket, filter(RTM_DELTFILTER, 0, ifindex, parent, priority, null), () -> "RTM_DELTFILTER");
        if (ownQdisc) Sys.netlinkRequest(socket, qdisc(RTM_DELQDISC, 0, ifindex), () -> "RTM_DELQDISC");
    }

    private static byte[] qdisc(int type, int flags, int ifindex) {
        Message m = new Message(type, flags);
        m.tcmsg(ifindex, CLSACT_HANDLE, TC_H_CLSACT, 0);
        m.attr(TCA_KIND, cString("clsact"));
        return m.bytes();
    }

    /** A cls_bpf filter of all protocols at {@code priority}; {@code p} null for a delete. */
    private static byte[] filter(int type, int flags, int ifindex, int parent, int priority, LoadedProgram p) {
        Message m = new Message(type, flags);
        int protocol = Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ALL));
        m.tcmsg(ifindex, FILTER_HANDLE, parent, priority << 16 | protocol);
        m.attr(TCA_KIND, cString("bpf"));
        if (p != null) {
            Message options = new Message();
            options.attr(TCA_BPF_FD, u32(p.fd().value()));
            options.attr(TCA_BPF_NAME, cString(p.name()));
            options.attr(TCA_BPF_FLAGS, u32(TCA_BPF_FLAG_ACT_DIRECT));
            m.attr(TCA_OPTIONS | NLA_F_NESTED, options.body());
        }
        return m.bytes();
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    private static byte[] u32(int v) { return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array(); }

    /** A netlink message being built: its header is written by {@link #bytes}, attributes are padded to 4 bytes. */
    private static final class Message {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final int type, flags;

        Message(int type, int flags) {
            this.type = type;
            this.flags = NLM_F_REQUEST | NLM_F_ACK | flags;
        }

        /** Nested attributes only. */
        Message() { this(0, 0); }

        void tcmsg(int ifindex, int handle, int parent, int info) {
            body.writeBytes(ByteBuffer.allocate(20).order(ByteOrder.nativeOrder())
                    .put((byte) 0).put((byte) 0).putShort((short) 0).putInt(ifindex).putInt(handle).putInt(parent).putInt(info).array());
        }

        void attr(int type, byte[] data) {
            int len = 4 + data.length;
            body.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putShort((short) len).putShort((short) type).array());
            body.writeBytes(data);
            body.writeBytes(new byte[(4 - len % 4) % 4]);
        }

        byte[] body() { return body.toByteArray(); }

        byte[] bytes() {
            byte[] b = body();
            return ByteBuffer.allocate(16 + b.length).order(ByteOrder.nativeOrder())
                    .putInt(16 + b.length).putShort((short) type).putShort((short) flags).putInt(SEQ.getAndIncrement()).putInt(0)
                    .put(b).array();
        }
    }
}
