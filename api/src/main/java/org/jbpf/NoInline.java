package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a static method a BPF subprogram: its code is emitted once per program and every call site calls it
 * (a BPF-to-BPF call) instead of receiving a copy. Its parameters must be numbers, the program context or
 * {@code @Struct} references (local structs and map values), at most five, and it returns a number or nothing;
 * the translator names the call site when a method cannot be called this way.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface NoInline {}
