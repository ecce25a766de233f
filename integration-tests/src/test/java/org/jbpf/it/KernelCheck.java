package org.jbpf.it;

/** Kept for tests written against it: the kernel check of {@link org.jbpf.testsupport.Kernel}. */
public final class KernelCheck {
    private KernelCheck() {}

    public static void require() { org.jbpf.testsupport.Kernel.require(); }
}
