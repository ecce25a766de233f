package org.jbpf.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.runtime.BpfMap;

/**
 * A map whose key struct has a {@code @StackId} field (and maybe a {@code @Pid} one), linked to the probe's stack
 * trace map: each entry's stack read and named, kernel frames from /proc/kallsyms and user frames in the key's process.
 */
public final class StackKeys {
    /** Where the stack id and the pid sit in the key; {@code pidOffset} is -1 without a pid field. */
    private record Layout(int idOffset, int idSize, int pidOffset, int pidSize) {}

    /** One entry: its key text, its value, and the stack's frames named, innermost first. */
    public record Row(String key, long value, List<String> frames) {}

    private final Layout layout;

    private StackKeys(Layout layout) {
        this.layout = layout;
    }

    /** The link of {@code map}'s key, or null when its key has no {@code @StackId} field. */
    public static StackKeys of(BpfMap<byte[], byte[]> map, Btf btf) {
        BtfType.Struct key = MapText.struct(btf, map.spec().btfKeyType());
        if (key == null) return null;
        int id = -1, idSize = 0, pid = -1, pidSize = 0;
        for (BtfType.Member m : key.members()) {
            String mark = FieldMarks.markOf(btf, m.type());
            int size = (int) btf.sizeOf(m.type());
            if (FieldMarks.STACK_ID.equals(mark)) {
                id = m.bitOffset() / 8;
                idSize = size;
            } else if (FieldMarks.PID.equals(mark)) {
                pid = m.bitOffset() / 8;
                pidSize = size;
            }
        }
        return id < 0 ? null : new StackKeys(new Layout(id, idSize, pid, pidSize));
    }

    /**
     * The entries of {@code map} (values combined over CPUs for per-CPU maps) with the stacks of {@code stacks}; a
     * negative or missing stack id (the kernel could not take the stack) gets a single {@code [no stack]} frame.
     */
    public List<Row> rows(BpfMap<byte[], byte[]> map, Btf btf, BpfMap<byte[], byte[]> stacks, KernelSymbols kernel) {
        Map<Integer, long[]> frames = StackTraces.read(stacks);
        List<MapText.RawEntry> entries = MapText.rawEntries(map, btf);
        // every process's mappings first, while they live: naming frames may take a while (a JVM writing its perf map)
        Map<Long, ProcessSymbols> processes = new java.util.HashMap<>();
        if (layout.pidOffset() >= 0)
            for (MapText.RawEntry e : entries) processes.computeIfAbsent(pidOf(e.keyBytes()), ProcessSymbols::of);
        List<Row> out = new ArrayList<>();
        for (MapText.RawEntry e : entries) {
            byte[] k = e.keyBytes();
            long id = MapText.signed(k, layout.idOffset(), layout.idSize());
            long[] ips = id >= 0 ? frames.get((int) id) : null;
            ProcessSymbols user = layout.pidOffset() < 0 ? null : processes.get(pidOf(k));
            List<String> named = ips == null ? List.of("[no stack]") : StackTraces.symbolize(ips, kernel, user);
            out.add(new Row(e.entry().key(), e.entry().valueNumber(), named));
        }
        out.sort((a, b) -> Long.compare(b.value(), a.value()));
        return out;
    }

    private long pidOf(byte[] key) {
        return MapText.number(key, layout.pidOffset(), layout.pidSize());
    }
}
