package org.jbpf.loader.attach;

/** How a tc program is attached to an interface. */
public enum TcMode {
    /** A tcx link where the kernel has them (6.6+), else a cls_bpf filter on the clsact qdisc through netlink. */
    AUTO,
    /** A tcx link (kernel 6.6+). */
    TCX,
    /** A cls_bpf filter in direct-action mode on the interface's clsact qdisc, through netlink (any kernel since 4.5). */
    NETLINK
}
