package org.jbpf.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Finds which static field of a probe class holds a map declaration, so Java code can name a map by the declaration
 * itself ({@code bpf.map(Probe.counts)}) instead of by a string; the field's name is the map's name in the object.
 */
public final class Declarations {
    private Declarations() {}

    /**
     * The name of the static field of {@code probe} holding {@code declaration}.
     *
     * @param call how the caller is used, for the message, e.g. "bpf.map"
     * @throws IllegalArgumentException when no static field of the probe holds it
     */
    public static String fieldHolding(Class<?> probe, Object declaration, String call) {
        for (Field f : probe.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            try {
                f.setAccessible(true);
                if (f.get(null) == declaration) return f.getName();
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // an inaccessible field cannot be the declaration we were handed
            }
        }
        throw new IllegalArgumentException(declaration + " is not held by a static field of " + probe.getName()
                + "; pass the declaration field itself, e.g. " + call + "(" + probe.getSimpleName() + ".counts)");
    }
}
