package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Size(n) byte[]} field of a {@link Struct} as holding a NUL-terminated string, such as the command
 * name {@link Helpers#comm} writes. The bytes stay a {@code byte[]} in the probe; the object's BTF records the field
 * as {@code char} text, so {@code jbpf run}, {@code jbpf map dump} and the agent's JMX entries print it as text
 * ({@code {comm=bash}}) instead of hex.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CString {}
