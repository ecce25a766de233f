package org.jbpf.loader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.loader.attach.Link;
import org.jbpf.loader.sys.Fd;

/**
 * Everything one {@link BpfObject} became in the kernel: its BTF, maps, programs and the links made from them.
 * {@link #close} releases all of it (links first) and may be called more than once.
 */
public final class LoadedObject implements AutoCloseable {
    private final BpfObject object;
    private final Map<String, LoadedMap> maps = new LinkedHashMap<>();
    private final Map<String, LoadedMap> globals = new LinkedHashMap<>();
    private final Map<String, LoadedProgram> programs = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Fd btf;
    private boolean closed;
    /** Times a program of this object was set running: attached, or run on request; guarded by this. */
    private long starts;

    LoadedObject(BpfObject object) { this.object = object; }

    public BpfObject object() { return object; }

    /** The map with this (full, untruncated) name, or null. */
    public LoadedMap map(String name) { return maps.get(name); }

    /** The map holding the global-data section with this name (e.g. {@code .bss}), or null. */
    public LoadedMap global(String section) { return globals.get(section); }

    /** The maps of the global-data sections, in the object's order. */
    public List<LoadedMap> globals() { return List.copyOf(globals.values()); }

    /** The program with this function name, or null. */
    public LoadedProgram program(String name) { return programs.get(name); }

    public List<LoadedMap> maps() { return List.copyOf(maps.values()); }

    public List<LoadedProgram> programs() { return List.copyOf(programs.values()); }

    public synchronized List<Link> links() { return List.copyOf(links); }

    /** Things that loaded in a degraded way, e.g. "BTF rejected by the kernel; maps created without BTF". */
    public List<String> warnings() { return Collections.unmodifiableList(warnings); }

    /** The loaded BTF object, or null when the object was loaded without BTF. */
    public Fd btf() { return btf; }

    void setBtf(Fd fd) { btf = fd; }
    void add(LoadedMap m) { maps.put(m.name(), m); }
    void addGlobal(LoadedMap m) { globals.put(m.name(), m); }
    void add(LoadedProgram p) { programs.put(p.name(), p); }
    void warn(String w) { warnings.add(w); }

    /** Takes ownership of a link so {@link #close} detaches it. */
    public synchronized Link register(Link link) {
        if (closed) {
            link.close();
            throw new IllegalStateException("object " + object.name() + " is closed");
        }
        links.add(link);
        starts++;
        return link;
    }

    /**
     * Closes every link made so far: no program of this object runs from an attachment of it any more, while its maps
     * and programs stay open to be read or attached again.
     */
    public void detach() {
        for (Link l : links()) l.close();
    }

    /**
     * How many times a program of this object was attached or run on request ({@link LoadedProgram#testRun}): while
     * the number stays the same after {@link #detach}, none of the object's programs changed its maps.
     */
    public synchronized long starts() { return starts; }

    synchronized void started() { starts++; }

    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        RuntimeException first = null;
        List<AutoCloseable> all = new ArrayList<>(links);
        all.addAll(programs.values());
        all.addAll(maps.values());
        all.addAll(globals.values());
        if (btf != null) all.add(btf);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) first = e instanceof RuntimeException r ? r : new RuntimeException(e);
            }
        }
        links.clear();
        if (first != null) throw first;
    }
}
