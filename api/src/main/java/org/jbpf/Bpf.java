package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class as a BPF probe: its {@link Section} methods become programs and its map fields become maps. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Bpf {
    /** The license the kernel checks for GPL-only helpers, e.g. "GPL" or "Dual BSD/GPL". */
    String license() default "GPL";
}
