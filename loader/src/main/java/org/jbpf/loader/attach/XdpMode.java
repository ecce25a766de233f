package org.jbpf.loader.attach;

/** How an xdp program runs on an interface: the link's {@code XDP_FLAGS_*}. */
public enum XdpMode {
    /** The driver's mode when it has one, else generic. */
    DEFAULT(0),
    /** Generic XDP in the network stack (every interface; slower). */
    GENERIC(1 << 1),
    /** In the driver (veth and many NICs); the attach fails where the driver has no XDP. */
    NATIVE(1 << 2);

    final int flags;

    XdpMode(int flags) { this.flags = flags; }
}
