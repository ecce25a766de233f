package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integer field of a {@link Struct} held in a per-CPU map as a maximum (a largest latency, a peak size):
 * combining the CPUs' values keeps the largest instead of adding them up. Other integer fields are added at their
 * own width; byte arrays are never added. The object's BTF records the mark, so {@code jbpf run} and
 * {@code jbpf map dump} combine the same way.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Max {}
