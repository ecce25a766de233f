package org.jbpf.translator.lower;

/** A memory address as a base register and a constant offset (r10 and a negative offset for stack objects). */
public record Addr(int reg, int off) {}
