package org.jbpf.cli;

/** What the {@code jbpf} command's exit status means; listed in every command's help and in README. */
final class ExitCodes {
    static final int OK = 0;
    /** A failure: unreadable file, the kernel refused a load or an attach, no such JVM. */
    static final int FAILED = 1;
    /** Wrong command-line usage (picocli's own code for parameter errors). */
    static final int USAGE = 2;
    /** A probe was rejected: by the translator (with its Java line) or by the verifier simulation. */
    static final int REJECTED = 3;
    /** The operation needs a privilege this process lacks (CAP_BPF, CAP_PERFMON or CAP_SYS_ADMIN; root has them). */
    static final int NO_PRIVILEGE = 4;

    static final String HELP = "Exit status: 0 ok, 1 error, 2 usage error, 3 a probe was rejected (translator or "
            + "verifier simulation), 4 missing privilege (CAP_BPF/CAP_SYS_ADMIN).";

    private ExitCodes() {}
}
