package org.jbpf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static primitive field of a probe as a load-time constant: it lives in the object's {@code .rodata}, its
 * value is set from Java before the programs load ({@code BPF.builder(Probe.class).constant("targetPid", pid)},
 * {@code jbpf run --const targetPid=1234}) and the map holding it is then frozen, so the kernel verifier knows the
 * value and drops the branches it rules out. Programs may read it, not assign it. Declare it without {@code final}
 * ({@code @Constant static int targetPid;} or {@code = 0;} for a default): javac copies the value of a
 * {@code static final} field with a constant initialiser into every use, where no loader could change it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Constant {}
