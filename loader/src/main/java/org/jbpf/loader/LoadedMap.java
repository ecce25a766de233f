package org.jbpf.loader;

import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.loader.sys.Fd;

/**
 * A map the kernel holds: its declaration (with the sizes the kernel created it with) and its fd.
 * {@code btf} is the object's BTF when the map was created with BTF key/value types, else null.
 */
public final class LoadedMap implements AutoCloseable {
    private final MapSpec spec;
    private final Fd fd;
    private final Btf btf;

    public LoadedMap(MapSpec spec, Fd fd, Btf btf) {
        this.spec = spec;
        this.fd = fd;
        this.btf = btf;
    }

    public String name() { return spec.name(); }
    public MapSpec spec() { return spec; }
    public Fd fd() { return fd; }
    /** The BTF the map's key and value type ids refer to, or null when the map has none. */
    public Btf btf() { return btf; }

    @Override public void close() { fd.close(); }

    @Override public String toString() { return "map \"" + spec.name() + "\" (" + org.jbpf.core.obj.MapTypes.name(spec.type()) + ")"; }
}
