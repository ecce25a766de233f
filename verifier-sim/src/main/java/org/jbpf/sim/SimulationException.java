package org.jbpf.sim;

/** A program did something at run time the kernel would have prevented, or ran too long. */
public class SimulationException extends RuntimeException {
    public SimulationException(String message) { super(message); }
}
