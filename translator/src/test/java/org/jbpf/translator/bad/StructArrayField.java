package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

@Bpf
public final class StructArrayField {
    @Struct public static final class Point { public int x; public int y; }
    @Struct public static final class Path { public Point[] points; public int n; }

    public static final ArrayMap<Path> paths = new ArrayMap<>(Path.class, 2);
    static long hits;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int probe(TracepointContext ctx) {
        Path p = paths.lookup(0);
        if (p != null) hits += p.n;
        return 0;
    }
}
