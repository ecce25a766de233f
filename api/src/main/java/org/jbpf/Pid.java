package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an int field of a map key {@link Struct} as the process id ({@code Helpers.pid()}) whose user stack a
 * {@link StackId} field of the same key holds, so that its frames are named in that process.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Pid {}
