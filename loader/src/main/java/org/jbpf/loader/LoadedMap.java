package org.jbpf.loader;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.loader.sys.Fd;

/**
 * A map the kernel holds: its declaration (with the sizes the kernel created it with) and its fd.
 * {@code btf} is the object's BTF when the map was created with BTF key/value types, else null. Things made for the
 * map that hold it in the kernel (a program that reads it) can be kept with it as {@linkplain #companion companions},
 * which close before its fd, so nothing holds the map once it is closed.
 */
public final class LoadedMap implements AutoCloseable {
    private final MapSpec spec;
    private final Fd fd;
    private final Btf btf;
    /** Companions, at most one of each class; guarded by this. */
    private final List<AutoCloseable> companions = new ArrayList<>();
    private boolean closed;

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

    /**
     * The companion of {@code made}'s class kept with this map: the one kept already, else {@code made}, now kept
     * until the map closes. A closed map keeps nothing: {@code made} is returned, and its owner finds the fd closed.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T extends AutoCloseable> T companion(T made) {
        for (AutoCloseable c : companions)
            if (c.getClass() == made.getClass()) return (T) c;
        if (!closed) companions.add(made);
        return made;
    }

    /** Closes the companions, then the map's fd; may be called more than once. */
    @Override public void close() {
        List<AutoCloseable> kept;
        synchronized (this) {
            closed = true;
            kept = new ArrayList<>(companions);
            companions.clear();
        }
        RuntimeException first = null;
        for (AutoCloseable c : kept) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        fd.close();
        if (first != null) throw first;
    }

    @Override public String toString() { return "map \"" + spec.name() + "\" (" + org.jbpf.core.obj.MapTypes.name(spec.type()) + ")"; }
}
