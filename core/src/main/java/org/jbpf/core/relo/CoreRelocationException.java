package org.jbpf.core.relo;

/** A CO-RE relocation that cannot be satisfied on the target kernel; the message names program, local type, field path and kernel type. */
public final class CoreRelocationException extends RuntimeException {
    public CoreRelocationException(String message) { super(message); }
}
