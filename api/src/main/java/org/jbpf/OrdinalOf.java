package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integer field of a {@link Struct} as holding the ordinal of a constant of the given enum, so that it prints
 * by the constant's name: with {@code enum TcpState { NONE, ESTABLISHED, SYN_SENT, ... }} in the kernel's order,
 * {@code @OrdinalOf(TcpState.class) int newState} prints {@code newState=ESTABLISHED}, not {@code newState=1}. The
 * probe keeps the number (struct fields cannot hold enums; {@code state.ordinal()} or the kernel's value fills it);
 * the object's BTF declares the field as a C enum of the constants, so {@code jbpf run}, {@code jbpf map dump} and the
 * agent's JMX text show the names, also from the .o file. JSON lines keep the numbers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OrdinalOf {
    /** The enum whose constants the field's values are the ordinals of. */
    Class<? extends Enum<?>> value();
}
