package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value class laid out like a C struct: its instance fields (byte, boolean, short, char, int, long and
 * {@link Size}-annotated byte arrays) in declaration order, each at its natural alignment. Inside a probe,
 * {@code new T()} is a zero-filled object on the BPF stack.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Struct {
}
