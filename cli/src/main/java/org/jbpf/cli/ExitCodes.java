package org.jbpf.cli;

/** What the {@code jbpf} command's exit status means; listed in every command's help. */
final class ExitCodes {
    static final int OK = 0;
    /** Bad input or a failure: translation error, unreadable file, the kernel refused a load. */
    static final int FAILED = 1;
    /** Wrong command-line usage (picocli's own code for parameter errors). */
    static final int USAGE = 2;
    /** The verifier simulation rejected a program. */
    static final int REJECTED = 3;
    /** Verification was asked for but the verifier simulation is not in this build. */
    static final int NOT_VERIFIED = 4;

    static final String[] HELP = {
        "Exit status: 0 ok, 1 error, 2 usage error, 3 verifier rejected a program, 4 verifier simulation not available."
    };

    private ExitCodes() {}
}
