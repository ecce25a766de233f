package org.jbpf;

/** Context of a {@code socket} filter program ({@code struct __sk_buff}). Return the number of bytes to keep; 0 drops. */
public final class SkBuffContext {
    private SkBuffContext() {}

    public int length() { throw InKernelOnly.call("SkBuffContext.length"); }
    public int protocol() { throw InKernelOnly.call("SkBuffContext.protocol"); }
    public int ifindex() { throw InKernelOnly.call("SkBuffContext.ifindex"); }
    public int mark() { throw InKernelOnly.call("SkBuffContext.mark"); }
}
