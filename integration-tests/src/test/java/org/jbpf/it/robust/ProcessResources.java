package org.jbpf.it.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this process holds of the kernel: open fds by kind (BPF maps, programs, links, perf events, other) from
 * /proc/self/fd, and memory mappings of BPF maps and perf events from /proc/self/maps.
 */
record ProcessResources(Map<String, Integer> fds, int bpfMappings, int perfMappings) {

    static ProcessResources now() throws IOException {
        Map<String, Integer> fds = new TreeMap<>();
        List<Path> entries;
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            entries = s.toList();
        }
        for (Path p : entries) {
            String target;
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException e) {
                continue;  // the fd of the directory listing itself, closed by now
            }
            fds.merge(kind(target), 1, Integer::sum);
        }
        int bpf = 0, perf = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            if (line.contains("anon_inode:bpf")) bpf++;
            if (line.contains("perf_event")) perf++;
        }
        return new ProcessResources(fds, bpf, perf);
    }

    private static String kind(String target) {
        if (target.startsWith("anon_inode:bpf-map")) return "bpf-map";
        if (target.startsWith("anon_inode:bpf-prog")) return "bpf-prog";
        if (target.startsWith("anon_inode:bpf_link") || target.startsWith("anon_inode:bpf-link")) return "bpf-link";
        if (target.contains("perf_event")) return "perf_event";
        if (target.startsWith("anon_inode:")) return target;
        return "other";
    }

    int count(String kind) { return fds.getOrDefault(kind, 0); }

    /** Plain fds (files, jars, sockets) the JVM itself may open or close meanwhile, far fewer than a leak per cycle. */
    static final int OTHER_FDS_SLACK = 4;

    /**
     * Checks that nothing of the kernel's was left behind between {@code before} and {@code after}: fds of every BPF and
     * perf kind and buffer mappings exactly as before; plain fds, which the JVM opens and closes on its own (class
     * loading, GC of channels), may differ by at most {@link #OTHER_FDS_SLACK}, so a leak of one per cycle still shows.
     */
    static void assertNothingLeft(ProcessResources before, ProcessResources after, String what) {
        Map<String, Integer> b = new TreeMap<>(before.fds), a = new TreeMap<>(after.fds);
        int otherBefore = b.getOrDefault("other", 0), otherAfter = a.getOrDefault("other", 0);
        b.remove("other");
        a.remove("other");
        String message = what + ": before " + before + ", after " + after;
        org.junit.jupiter.api.Assertions.assertEquals(b, a, message);
        org.junit.jupiter.api.Assertions.assertEquals(before.bpfMappings, after.bpfMappings, message);
        org.junit.jupiter.api.Assertions.assertEquals(before.perfMappings, after.perfMappings, message);
        org.junit.jupiter.api.Assertions.assertTrue(otherAfter - otherBefore <= OTHER_FDS_SLACK, message);
    }

    /** Kernel ids of the BPF programs or links (field "prog_id" or "link_id") this process holds fds of. */
    static List<Integer> ids(String field) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (var s = Files.list(Path.of("/proc/self/fdinfo"))) {
            for (Path p : s.toList()) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(p);
                } catch (IOException e) {
                    continue;
                }
                boolean link = lines.stream().anyMatch(l -> l.startsWith("link_type:"));
                for (String l : lines)
                    if (l.startsWith(field + ":") && (field.equals("link_id") || !link)) out.add(Integer.parseInt(l.substring(field.length() + 1).trim()));
            }
        }
        return out;
    }

    @Override public String toString() {
        return "fds " + fds + ", BPF map mappings " + bpfMappings + ", perf event mappings " + perfMappings;
    }
}
