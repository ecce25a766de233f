package org.jbpf.core.obj;

/**
 * An object file that cannot be read (missing, a directory, not readable) or is malformed or unsupported; the message
 * names the file or object and the byte offset where known.
 */
public class ObjectFormatException extends RuntimeException {
    public ObjectFormatException(String message) { super(message); }
    public ObjectFormatException(String message, Throwable cause) { super(message, cause); }
}
