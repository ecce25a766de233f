package org.jbpf.events;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Copies of a reading loop's class, one per reader. The JIT keeps one profile per call site of a class's code: with
 * one loop class for every buffer, the handler call inside it sees every handler type of the application, becomes
 * megamorphic and is no longer inlined (a fast in-place handler then takes two thirds longer per record). A hidden
 * class defined from the same bytes has profiles of its own, so each reader's loop inlines its own handler. Copies
 * are unloaded with their readers; where the JVM allows none, the class itself is used.
 */
final class LoopCopies {
    private LoopCopies() {}

    private static final MethodHandles.Lookup HERE = MethodHandles.lookup();

    private static final ClassValue<byte[]> BYTES = new ClassValue<>() {
        @Override protected byte[] computeValue(Class<?> type) {
            try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        }
    };

    /** A new object of a fresh copy of {@code template} (a class of this package), made by its constructor of {@code type}. */
    static Object newCopy(Class<?> template, MethodType type, Object... args) {
        return construct(copyOf(template, null, type), template, args);
    }

    /**
     * Like {@link #newCopy(Class, MethodType, Object...)}, the copy given {@code classData}, which its static
     * initializer reads ({@link MethodHandles#classData}) into constants of that copy alone; the class itself, used
     * where no copy can be made, finds none.
     */
    static Object newCopy(Class<?> template, Object classData, MethodType type, Object... args) {
        return construct(copyOf(template, classData, type), template, args);
    }

    /**
     * The constructor of {@code type} of one fresh copy of {@code template}, for a reader that makes several objects
     * sharing one copy (the buffers of all CPUs of one perf reader: one handler, so one profile to learn).
     */
    static MethodHandle copyOf(Class<?> template, MethodType type) { return copyOf(template, null, type); }

    private static MethodHandle copyOf(Class<?> template, Object classData, MethodType type) {
        MethodHandles.Lookup lookup = HERE;
        byte[] bytes = BYTES.get(template);
        if (bytes != null) {
            try {
                lookup = classData == null ? HERE.defineHiddenClass(bytes, false) : HERE.defineHiddenClassWithClassData(bytes, classData, false);
            } catch (IllegalAccessException | LinkageError e) {
                lookup = HERE;  // the class itself then: slower with many handler types, never wrong
            }
        }
        Class<?> type0 = lookup == HERE ? template : lookup.lookupClass();
        try {
            return lookup.findConstructor(type0, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a reading loop of " + template.getSimpleName() + ": " + e, e);
        }
    }

    /** A new object made by {@code constructor} (from {@link #copyOf}). */
    static Object construct(MethodHandle constructor, Class<?> template, Object... args) {
        try {
            return constructor.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make a reading loop of " + template.getSimpleName() + ": " + e, e);
        }
    }
}
