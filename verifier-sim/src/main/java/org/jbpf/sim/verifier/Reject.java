package org.jbpf.sim.verifier;

/** Thrown where the kernel would stop: its message and the Java-level explanation (without location). */
final class Reject extends RuntimeException {
    final String kernel;
    final String java;

    Reject(String kernel, String java) {
        super(kernel, null, false, false);
        this.kernel = kernel;
        this.java = java;
    }
}
