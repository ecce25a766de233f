package org.jbpf.runtime;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ProgramSpec;

/**
 * Tells the user, once per map, that a map of one loaded object (or one pinned map) has filled up. A full hash map
 * makes the kernel refuse every new key a program inserts, and the program goes on: without this line the lost data
 * would go unnoticed. The kernel is not asked for anything extra: the count comes from walks the user's own reads make
 * (every walk of a {@link BpfMap} reports what it found here) or from {@link #check} when the object is closed. Once
 * the object's programs are detached ({@link #settle}), a walk's count is final, and {@link #check} spares the walk of a
 * map counted since. The object's other losses (records its event readers' probes dropped) go out through {@link #say}
 * to the same stream.
 */
public final class FullMapNotice {
    /** The object the maps belong to, or null for a pinned map opened on its own. */
    private final BpfObject object;
    /** Where a map of no object is, for the message ("pinned at /sys/fs/bpf/counts"). */
    private final String place;
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    /** Maps walked since {@link #settle}: no program of the object can have added to them since. */
    private final Set<String> counted = ConcurrentHashMap.newKeySet();
    private volatile boolean settled;
    private volatile PrintStream to;
    private volatile boolean toStandardError = true;
    /** The Java file the object was translated from ("" when none, as for a .o compiled from C); found at the first notice. */
    private volatile String javaFile;

    public FullMapNotice(BpfObject object) {
        this.object = object;
        this.place = null;
    }

    private FullMapNotice(String place) {
        this.object = null;
        this.place = place;
    }

    /** For a map opened from its pin, which has no object to name. */
    public static FullMapNotice pinned(java.nio.file.Path pin) { return new FullMapNotice("pinned at " + pin); }

    /** Sends the notices to {@code out} instead of standard error; null silences them (the maps can still be asked with {@link BpfMap#fill}). */
    public void sendTo(PrintStream out) {
        to = out;
        toStandardError = false;
    }

    /** Whether the map with this name has been reported full. */
    public boolean told(String map) { return told.contains(map); }

    /**
     * The object's programs are detached and will not run again: from now on a walk's count is final ({@code true}),
     * or a program runs again and counts made so far may be out of date ({@code false}).
     */
    public void settle(boolean noProgramRuns) {
        if (!noProgramRuns) counted.clear();
        settled = noProgramRuns;
    }

    /** Whether a walk starting now counts entries no program of the object will add to; pass it to {@link #walked}. */
    public boolean settled() { return settled; }

    /**
     * A walk of {@code spec}'s map found {@code entries} entries: says so once when that is all the map holds.
     * {@code settledBefore}: {@link #settled()} as it was when the walk started.
     */
    public void walked(MapSpec spec, int entries, boolean settledBefore) {
        if (settledBefore && settled) counted.add(spec.name());
        if (!MapFill.refusesWhenFull(spec.type()) || entries < spec.maxEntries() || !told.add(spec.name())) return;
        say(message(spec, entries));
    }

    /** Says another line about lost data where these notices go (the event readers' losses, at close). */
    public void say(String line) {
        PrintStream out = toStandardError ? System.err : to;
        if (out != null) out.println(line);
    }

    /**
     * Counts the entries of {@code map} (one walk) unless it has been reported full already or counted since the
     * programs were detached, and reports it when it is full.
     */
    public void check(BpfMap<?, ?> map) {
        if (MapFill.refusesWhenFull(map.spec().type()) && !told(map.name()) && !counted.contains(map.name())) map.fill();
    }

    /**
     * The line: {@code jbpf: map counts (ProcessCounter.java field counts) is full: 10240 of 10240 entries; new keys are
     * dropped by the kernel; declare it with more entries or as an LruHashMap}.
     */
    String message(MapSpec spec, int entries) {
        String file = object == null ? "" : javaFile();
        boolean java = file.endsWith(".java");
        String where = java ? " (" + file + " field " + spec.name() + ")" : object == null ? " (" + place + ")" : " (object " + object.name() + ")";
        String instead = spec.type() == org.jbpf.core.obj.MapTypes.LPM_TRIE ? "" : java ? " or as an LruHashMap" : " or make it an LRU hash map";
        return "jbpf: map " + spec.name() + where + " is full: " + entries + " of " + spec.maxEntries()
                + " entries; new keys are dropped by the kernel; " + (java ? "declare it with more entries" : "raise its max_entries")
                + instead;
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
