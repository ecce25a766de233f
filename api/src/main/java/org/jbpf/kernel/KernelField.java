package org.jbpf.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link KernelType} class that reads one field of the kernel struct. Its return type says how: int,
 * long, short or byte for an integer of that size, another {@code @KernelType} class for a pointer to that struct,
 * long for any other pointer. With {@code exists = true} the method returns boolean: whether the running kernel's
 * struct has the field at all, so a probe can branch instead of failing to load. {@code offset} is the field's byte
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
}
