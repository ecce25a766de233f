package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an int or long field of a map key {@link Struct} as an id from the probe's
 * {@link org.jbpf.maps.StackTraceMap} ({@code getStackId}): {@code jbpf run} prints each entry with that stack's
 * frames, and {@code --format folded} writes the map as folded stacks for flame graphs. With a {@link Pid} field
 * in the same key, user frames are named from that process's binaries and JIT perf map.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface StackId {}
