package org.jbpf.runtime;

import java.io.PrintStream;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapInsertDrops;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.LoadedObject;

/**
 * Tells the user, once per map, that a map of one loaded object refused new keys because it was full. A full hash map
 * makes the kernel refuse every new key a program inserts, and the program goes on: without this line the lost data
 * would go unnoticed. The kernel counts such refusals nowhere, so the probes jbpf translates count them themselves
 * ({@link MapInsertDrops}: one per-CPU slot per map, one added at each insert refused with {@code -E2BIG} or
 * {@code -ENOSPC}), and this notice reads those counts: it speaks when a key was really refused, never for a map that
 * merely holds max_entries entries, and a refusal is seen however briefly the map was full. The counts are read after
 * every whole-map read of the user's ({@link #walked}), at each {@link #check} and when the object closes
 * ({@link #closing}, which also gives the final count of a map reported before). An object jbpf did not translate (a
 * {@code .o} built by clang) has no counts: its maps are never reported, and {@link BpfMap#fill} tells how full they
 * are. The object's other losses (records its event readers' probes dropped) go out through {@link #say} to the same
 * stream.
 */
public final class FullMapNotice {
    private final BpfObject object;
    /** The per-CPU counters of refused inserts, or null for an object without them. */
    private final BpfMap<Integer, Long> counters;
    private final Map<String, Integer> slots;
    /** The count each reported map had when it was reported. */
    private final Map<String, Long> told = new ConcurrentHashMap<>();
    private volatile PrintStream to;
    private volatile boolean toStandardError = true;
    /** The Java file the object was translated from ("" when none, as for a .o compiled from C); found at the first notice. */
    private volatile String javaFile;

    public FullMapNotice(LoadedObject loaded) {
        this.object = loaded.object();
        LoadedMap map = loaded.map(MapInsertDrops.MAP_NAME);
        Map<String, Integer> s = MapInsertDrops.slots(object.maps());
        boolean usable = map != null && map.spec().type() == MapTypes.PERCPU_ARRAY && map.spec().keySize() == MapInsertDrops.KEY_SIZE
                && map.spec().valueSize() == MapInsertDrops.VALUE_SIZE && map.spec().maxEntries() >= s.size();
        this.counters = usable ? BpfMap.of(map, Codecs.INT, Codecs.LONG, false) : null;
        this.slots = usable ? s : Map.of();
    }

    /** Sends the notices to {@code out} instead of standard error; null silences them (the maps can still be asked with {@link BpfMap#fill}). */
    public void sendTo(PrintStream out) {
        to = out;
        toStandardError = false;
    }

    /** Whether the map with this name has been reported full. */
    public boolean told(String map) { return told.containsKey(map); }

    /**
     * New keys the probe's programs tried to insert into {@code map} and the kernel refused because the map was full,
     * over all CPUs; empty when the object does not count them (not translated by jbpf, or a map that never refuses).
     */
    public OptionalLong refused(String map) {
        Integer slot = slots.get(map);
        if (slot == null) return OptionalLong.empty();
        java.util.List<Long> perCpu = counters.getPerCpu(slot);
        long n = 0;
        if (perCpu != null) for (Long v : perCpu) n += v;
        return OptionalLong.of(n);
    }

    /** A whole-map read of {@code spec}'s map ended: says once that it refused keys, when it did. */
    public void walked(MapSpec spec) {
        if (!told(spec.name())) check(spec.name());
    }

    /** Says another line about lost data where these notices go (the event readers' losses, at close). */
    public void say(String line) {
        PrintStream out = toStandardError ? System.err : to;
        if (out != null) out.println(line);
    }

    /** Reads the count of every counted map not reported yet and reports those that refused keys. */
    public void check() {
        for (String map : slots.keySet()) if (!told(map)) check(map);
    }

    private void check(String map) {
        OptionalLong n = refused(map);
        if (n.isPresent() && n.getAsLong() > 0 && told.putIfAbsent(map, n.getAsLong()) == null)
            say(message(object.map(map).orElseThrow(), n.getAsLong(), false));
    }

    /**
     * The object is closing and its programs are detached: reports the final count of every map that refused keys, unless
     * it was reported with that count already.
     */
    public void closing() {
        for (String map : slots.keySet()) {
            OptionalLong n = refused(map);
            if (n.isEmpty() || n.getAsLong() == 0) continue;
            Long before = told.put(map, n.getAsLong());
            if (before == null || before < n.getAsLong()) say(message(object.map(map).orElseThrow(), n.getAsLong(), true));
        }
    }

    /**
     * The line: {@code jbpf: map counts (ProcessCounter.java field counts) was full and refused 12 new keys (max_entries
     * 10240); declare it with more entries or as an LruHashMap}; {@code inAll}: the final count, at close.
     */
    String message(MapSpec spec, long refused, boolean inAll) {
        String file = javaFile();
        boolean java = file.endsWith(".java");
        String where = java ? " (" + file + " field " + spec.name() + ")" : " (object " + object.name() + ")";
        String instead = spec.type() == MapTypes.LPM_TRIE ? "" : java ? " or as an LruHashMap" : " or make it an LRU hash map";
        String keys = refused == 1 ? "1 new key" : refused + " new keys";
        return "jbpf: map " + spec.name() + where + (inAll ? " refused " + keys + " in all because it was full"
                : " was full and refused " + keys + " so far") + " (max_entries " + spec.maxEntries() + "); "
                + (java ? "declare it with more entries" : "raise its max_entries") + instead;
    }

    /** The file named by the object's first line information, without its directories. */
    private String javaFile() {
        String f = javaFile;
        if (f != null) return f;
        f = "";
        search:
        for (ProgramSpec p : object.programs())
            for (Insn i : p.insns())
                if (i.source() != null && !i.source().file().isEmpty()) {
                    f = i.source().file().substring(i.source().file().lastIndexOf('/') + 1);
                    break search;
                }
        javaFile = f;
        return f;
    }
}
