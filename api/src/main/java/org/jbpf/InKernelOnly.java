package org.jbpf;

/** Thrown when probe code that only has meaning inside the kernel is called from ordinary Java. */
public final class InKernelOnly extends UnsupportedOperationException {
    public InKernelOnly(String what) {
        super(what + " runs only inside a BPF program; translate the probe with jbpf and read its maps with BPF.map(...)");
    }

    public static InKernelOnly call(String what) { return new InKernelOnly(what); }
}
