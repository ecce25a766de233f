package org.jbpf.sim.interp;

/** A program did something at run time the kernel would have prevented, or ran too long. */
public class SimulationException extends RuntimeException {
    public SimulationException(String message) { super(message); }
}
