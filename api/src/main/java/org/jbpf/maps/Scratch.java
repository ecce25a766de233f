package org.jbpf.maps;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a map that only passes values between a probe's programs (a start time kept until the matching exit,
 * say): {@code jbpf run} and its JSON output leave it out. Recorded in BTF as a value typedef named
 * {@code jbpf_scratch}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Scratch {}
