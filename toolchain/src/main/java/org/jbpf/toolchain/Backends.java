package org.jbpf.toolchain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The one table of backend names. {@code direct} is built in; {@code llvm} lives in its own artifact, with LLVM's
 * natives, and is found through {@link ServiceLoader} only when that artifact is on the class path, so tools that do
 * not ask for it (the agent, the Maven plugin by default) do not carry it.
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
        for (Backend b : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) {
            if (!b.name().equals(name)) continue;
            String reason = b.unavailableReason();
            if (reason != null) throw new IllegalArgumentException("backend " + name + ": " + reason);
            return b;
        }
        throw new IllegalArgumentException("backend " + name + " needs " + NAMES.get(name));
    }
}
