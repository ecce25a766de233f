package org.jbpf.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link KernelType} class that reads one field of the kernel struct. Its return type says how: int,
 * long, short or byte for an integer of that size, another {@code @KernelType} class for a pointer to that struct,
 * long for any other pointer (marked {@code pointer = true}); {@code int name(byte[] dst)} copies {@code dst.length} bytes from the start of a char
 * array field and returns the helper's result (0, or a negative errno). With {@code exists = true} the method returns boolean: whether the running kernel's
 * struct has the field at all, so a probe can branch instead of failing to load. With {@code embedded = true} the
 * method returns the {@code @KernelType} class of a struct held inside this one ({@code task_struct.se}), reached by
 * its relocated offset without reading anything. {@code offset} is the field's byte
 * offset on the kernel the class was written for; the loader moves it to the running kernel's offset.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface KernelField {
    /** The kernel's name of the field, e.g. "real_parent". */
    String value();

    /** The field's byte offset on the kernel the class was written for. */
    int offset();

    /** True for the existence check of the field instead of its value. */
    boolean exists() default false;

    /** True for a struct embedded in this one: the reader gives its address, not a pointer read from memory. */
    boolean embedded() default false;

    /**
     * True for a long reader of a pointer field (a {@code const char *}, say): it reads the address the field holds, and
     * the object's BTF records the field as a pointer, as the kernel's is, so libbpf relocates it too.
     */
    boolean pointer() default false;
}
