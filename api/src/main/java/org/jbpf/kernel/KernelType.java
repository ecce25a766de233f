package org.jbpf.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class standing for a kernel struct, read by name with CO-RE: a value of the class is the struct's kernel address,
 * and its {@link KernelField} methods read fields through {@code bpf_probe_read_kernel} at offsets the loader fits to
 * the running kernel. {@code jbpf gen btf task_struct.real_parent task_struct.tgid} writes such classes from
 * {@code /sys/kernel/btf/vmlinux}. A class for {@code task_struct} may declare {@code static T current()} (the task
 * running the program); every class may declare {@code static T at(long address)} and {@code long address()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KernelType {
    /** The kernel's name of the struct, e.g. "task_struct". */
    String value();

    /** The struct's size in bytes on the kernel the class was written for. */
    int size() default 0;
}
