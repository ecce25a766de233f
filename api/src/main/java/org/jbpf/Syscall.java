package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks system call numbers, so that they print by name ({@code getppid}, not {@code 110}): an {@code int} or
 * {@code long} field of a {@link Struct}, or a map field whose keys are Integer or Long syscall numbers
 * ({@code @Syscall public static final HashMap<Integer, Long> calls}, counted by {@code raw_syscalls/sys_enter}'s
 * {@code id}). The object's BTF records the mark, so {@code jbpf run}, {@code jbpf map dump} and the agent's JMX
 * entries show the names also from the .o file; JSON lines keep the numbers. The names are this machine's x86-64
 * syscall table as its kernel headers give it ({@code asm/unistd_64.h}); a number it does not name prints as the number.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Syscall {}
