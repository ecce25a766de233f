package org.jbpf.it.pinning;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.runtime.BpfMap;

/** Run in a second JVM: opens a pinned Integer→Long map and prints its entries sorted, one "key=value" per line. */
public final class PinnedMapReader {
    public static void main(String[] args) {
        try (BpfMap<Integer, Long> m = BPF.openPinnedMap(Path.of(args[0]), Integer.class, Long.class)) {
            Map<Integer, Long> sorted = new TreeMap<>();
            for (Map.Entry<Integer, Long> e : m.entries()) sorted.put(e.getKey(), e.getValue());
            sorted.forEach((k, v) -> System.out.println(k + "=" + v));
        }
    }
}
