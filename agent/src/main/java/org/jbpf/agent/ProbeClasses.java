package org.jbpf.agent;

import java.lang.instrument.Instrumentation;

/**
 * Finds probe classes the way the application sees them: through its class loader, or, for applications with their
 * own loaders, among the classes the JVM has already loaded.
 */
final class ProbeClasses {
    private final Instrumentation inst;

    ProbeClasses(Instrumentation inst) { this.inst = inst; }

    Class<?> find(String name) throws ClassNotFoundException {
        try {
            return Class.forName(name, true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException notOnClassPath) {
            if (inst != null)
                for (Class<?> c : inst.getAllLoadedClasses())
                    if (c.getName().equals(name)) return Class.forName(name, true, c.getClassLoader());
            throw new ClassNotFoundException("probe class " + name + " is neither on the application's class path nor loaded yet");
        }
    }
}
