package org.jbpf;

/**
 * Context of a {@code socket} filter or a {@code tc} (classifier) program ({@code struct __sk_buff}). A socket filter
 * returns the number of bytes to keep (0 drops); a tc program returns a {@code TC_ACT_*} action.
 */
public final class SkBuffContext {
    private SkBuffContext() {}

    /** tc actions: let the packet go on, drop it, or (tcx) defer to the next program. */
    public static final int TC_ACT_UNSPEC = -1, TC_ACT_OK = 0, TC_ACT_SHOT = 2, TC_ACT_REDIRECT = 7;

    /**
     * In a tc program: the header of type {@code type} starting {@code offset} bytes into the packet (at its Ethernet
     * header), or null when it does not fit in the packet's linear data; see {@link XdpContext#header}. Socket filters
     * cannot read the packet directly: the translator refuses this call there.
     */
    public <T> T header(int offset, Class<T> type) { throw InKernelOnly.call("SkBuffContext.header"); }

    public int length() { throw InKernelOnly.call("SkBuffContext.length"); }
    public int protocol() { throw InKernelOnly.call("SkBuffContext.protocol"); }
    public int ifindex() { throw InKernelOnly.call("SkBuffContext.ifindex"); }
    public int mark() { throw InKernelOnly.call("SkBuffContext.mark"); }
}
