package org.jbpf.it.robust;

import org.jbpf.testsupport.Jvm;
import org.jbpf.testsupport.Kernel;

/** The kernel check these tests share (bpf(2) and tracefs), and child JVMs like this one. */
final class RobustKernel {
    private RobustKernel() {}

    static void require() { Kernel.requireTracefs(); }

    static boolean isRoot() { return Kernel.isRoot(); }

    /** The class path of this test run, for child JVMs. */
    static String classPath() { return Jvm.classPath(); }

    static String java() { return Jvm.java(); }
}
