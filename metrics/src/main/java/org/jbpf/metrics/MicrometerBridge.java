package org.jbpf.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import org.jbpf.BPF;

/**
 * Binds a probe's maps to the Micrometer of an application whose classes this module cannot see: the JVM agent lives
 * on the system class path, while an application (a Spring Boot jar, say) may load Micrometer in a class loader of
 * its own. The metrics classes are defined again in a loader below the application's, so they link to the
 * application's Micrometer, and the maps are bound to its {@code Metrics.globalRegistry} (Spring Boot adds its
 * registries there, so {@code /actuator/prometheus} shows them).
 */
public final class MicrometerBridge {
    private static final String PACKAGE = "org.jbpf.metrics.";

    private MicrometerBridge() {}

    /** The binding (close it to remove the meters), or null when the application has no Micrometer. */
    public static AutoCloseable bindToGlobalRegistry(BPF bpf, ClassLoader application) throws ReflectiveOperationException {
        Class<?> metrics;
        try {
            metrics = Class.forName("io.micrometer.core.instrument.Metrics", true, application);
        } catch (ClassNotFoundException noMicrometer) {
            return null;
        }
        Object global = metrics.getField("globalRegistry").get(null);
        Class<?> registryType = Class.forName("io.micrometer.core.instrument.MeterRegistry", false, application);
        Class<?> meters = Class.forName(PACKAGE + "JbpfMeters", true, new PackageLoader(application));
        try {
            return (AutoCloseable) meters.getMethod("bind", BPF.class, registryType).invoke(null, bpf, global);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("binding to Micrometer failed: " + e.getCause(), e.getCause());
        }
    }

    /** Defines this package's classes itself (from this module's class files) and asks its parent for all others. */
    private static final class PackageLoader extends ClassLoader {
        private final ClassLoader source = MicrometerBridge.class.getClassLoader();

        PackageLoader(ClassLoader parent) { super("jbpf-micrometer", parent); }

        @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes;
                    try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) throw new ClassNotFoundException(name);
                        bytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }
}
