package org.jbpf.it.counters;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.LpmTrie;

/** Inserts a new /32 prefix into a two-entry LPM trie at each run (driven by BPF_PROG_TEST_RUN) and keeps what the kernel answered. */
@Bpf(license = "GPL")
public final class FullTrie {
    @Struct
    public static final class Prefix {
        public int prefixLength;
        public int address;
    }

    public static final LpmTrie<Prefix, Long> prefixes = new LpmTrie<>(Prefix.class, Long.class, 2);
    /** [0] runs so far; [1 + run] what update returned at that run. */
    public static final ArrayMap<Long> results = new ArrayMap<>(Long.class, 8);

    @Section("xdp")
    static int insert(XdpContext ctx) {
        Long runs = results.lookup(0);
        long run = runs != null ? runs : 0;
        results.update(0, run + 1);
        Prefix p = new Prefix();
        p.prefixLength = 32;
        p.address = (int) run + 1;
        long status = prefixes.update(p, run);
        if (run < 7) results.update((int) run + 1, status);
        return XdpContext.XDP_PASS;
    }
}
