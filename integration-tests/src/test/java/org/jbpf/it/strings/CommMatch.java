package org.jbpf.it.strings;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/**
 * Thread names compared with literals: getppid calls of threads named exactly {@code jbpf-strings}, of threads whose
 * names start with {@code jbpf-str}, and the same tests on a name Java stores in a map (for comparison with the JVM).
 */
@Bpf(license = "GPL")
public final class CommMatch {
    static final String NAME = "jbpf-strings";

    @Struct
    public static final class Name {
        @Size(16) public byte[] text;
    }

    public static final ArrayMap<Name> names = new ArrayMap<>(Name.class, 1);
    static long exact;
    static long prefixed;
    static long named;
    static long results;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        byte[] comm = new byte[16];
        comm(comm);
        if (Strings.equals(comm, NAME)) exact++;
        if (Strings.startsWith(comm, "jbpf-str")) prefixed++;
        if (Strings.equals(comm, "a-name-longer-than-sixteen-bytes")) named++;
        return 0;
    }

    /** Tests the name Java stored: bit 0 equals "bash", bit 1 startsWith "/etc/", bit 2 equals "", bit 3 startsWith "". */
    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int compareStored(TracepointContext ctx) {
        Name n = names.lookup(0);
        if (n == null) return 0;
        long r = 0;
        if (Strings.equals(n.text, "bash")) r |= 1;
        if (Strings.startsWith(n.text, "/etc/")) r |= 2;
        if (Strings.equals(n.text, "")) r |= 4;
        if (Strings.startsWith(n.text, "")) r |= 8;
        if (Strings.equals(n.text, "0123456789abcdef")) r |= 16;
        results = r;
        return 0;
    }
}
