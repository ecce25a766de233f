package org.jbpf.core.obj;

/** A malformed or unsupported object file; the message names the object and the byte offset where known. */
public class ObjectFormatException extends RuntimeException {
    public ObjectFormatException(String message) { super(message); }
    public ObjectFormatException(String message, Throwable cause) { super(message, cause); }
}
