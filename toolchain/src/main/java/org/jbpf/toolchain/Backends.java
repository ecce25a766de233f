package org.jbpf.toolchain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The one table of backend names. {@code direct} is built in; {@code llvm} lives in its own artifact, with LLVM's
 * natives, and is found through {@link ServiceLoader} only when that artifact is on the class path (or in the jars
 * named by {@value #PATH_PROPERTY}), so tools that do not ask for it (the agent, the Maven plugin by default) do not
 * carry it.
 */
public final class Backends {
    public static final String DIRECT = "direct";
    public static final String LLVM = "llvm";

    /** Every backend name users may write, with what it needs when it is not on the class path. */
    public static final Map<String, String> NAMES;
    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(DIRECT, "built in");
        names.put(LLVM, "org.jbpf:jbpf-translator-llvm with org.bytedeco:llvm and org.bytedeco:javacpp "
                + "(classifier linux-x86_64) on the class path");
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    private Backends() {}

    /** The default backend. */
    public static Backend direct() { return new DirectBackend(); }

    /**
     * The backend called {@code name}, ready to translate.
     *
     * @throws IllegalArgumentException naming the known backends, or saying what to add to the class path
     */
    public static Backend named(String name) {
        if (!NAMES.containsKey(name))
            throw new IllegalArgumentException("backend '" + name + "' is not known; choose " + String.join(" or ", NAMES.keySet()));
        if (name.equals(DIRECT)) return direct();
        Backend found = find(name, Backends.class.getClassLoader());
        if (found == null && backendLoader() != null) found = find(name, backendLoader());
        if (found == null) throw new IllegalArgumentException("backend " + name + " needs " + NAMES.get(name));
        String reason = found.unavailableReason();
        if (reason != null) throw new IllegalArgumentException("backend " + name + ": " + reason);
        return found;
    }

    private static Backend find(String name, ClassLoader loader) {
        for (Backend b : ServiceLoader.load(Backend.class, loader))
            if (b.name().equals(name)) return b;
        return null;
    }

    /**
     * A backend kept off the class path: the jars named by the system property {@value #PATH_PROPERTY} (a
     * colon-separated list, as bin/jbpf passes the LLVM backend so the commands that do not use it start without
     * opening its jars), in a class loader made on first use; null when the property names none.
     */
    private static synchronized ClassLoader backendLoader() {
        if (backendLoader == null) {
            String path = System.getProperty(PATH_PROPERTY, "");
            java.util.List<java.net.URL> urls = new java.util.ArrayList<>();
            for (String jar : path.split(":")) {
                if (jar.isEmpty()) continue;
                try {
                    urls.add(java.nio.file.Path.of(jar).toUri().toURL());
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalArgumentException(PATH_PROPERTY + " names " + jar + ", which is not a file path");
                }
            }
            if (urls.isEmpty()) return null;
            backendLoader = new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]), Backends.class.getClassLoader());
        }
        return backendLoader;
    }

    /** The system property naming jars, off the class path, to look for backends in. */
    public static final String PATH_PROPERTY = "jbpf.backend.path";

    private static ClassLoader backendLoader;
}
