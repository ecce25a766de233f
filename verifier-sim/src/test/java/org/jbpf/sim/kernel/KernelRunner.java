package org.jbpf.sim.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.sim.verifier.ProgramKind;

/** Loads a corpus program into the kernel: creates its maps, patches their fds in and returns the verdict. */
public final class KernelRunner {
    private KernelRunner() {}

    /** The program type the simulator gives a section, which the kernel is asked to load it as. */
    public static int progType(String section) { return kind(section).programType; }

    /** The expected attach type for a section (cgroup_skb/egress needs one). */
    public static int attachType(String section) { return kind(section).expectedAttachType; }

    private static ProgramKind kind(String section) {
        ProgramKind k = ProgramKind.forSection(section);
        if (k == null) throw new IllegalArgumentException("no program type for section " + section);
        return k;
    }

    /** Loads and immediately closes; returns the load result (fd already closed). */
    public static KernelBpf.LoadResult verify(String section, List<MapSpec> maps, List<Insn> insns) {
        Map<String, Integer> fds = createMaps(maps);
        try {
            KernelBpf.LoadResult r = KernelBpf.load(progType(section), attachType(section), Insn.encode(patch(insns, fds)));
            if (r.accepted()) KernelBpf.close(r.fd());
            return r;
        } finally {
            fds.values().forEach(KernelBpf::close);
        }
    }

    public static Map<String, Integer> createMaps(List<MapSpec> maps) {
        Map<String, Integer> fds = new HashMap<>();
        for (MapSpec m : maps) {
            int key = m.type() == MapTypes.RINGBUF ? 0 : m.keySize();
            int value = m.type() == MapTypes.RINGBUF ? 0 : m.valueSize();
            fds.put(m.name(), KernelBpf.createMap(m.type(), key, value, m.maxEntries(), m.flags()));
        }
        return fds;
    }

    public static List<Insn> patch(List<Insn> insns, Map<String, Integer> fds) {
        List<Insn> out = new ArrayList<>();
        for (Insn i : insns) {
            if (i.isLdImm64() && i.src() == Opcodes.PSEUDO_MAP_FD && i.reference() != null) {
                Integer fd = fds.get(i.reference());
                if (fd == null) throw new IllegalArgumentException("no map named " + i.reference());
                out.add(i.withImm(fd));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /** The last non-empty line of a verifier log: where the kernel states its reason. */
    public static String reason(String log) {
        String[] lines = log.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            // some messages lack their newline, so the statistics line is glued to them
            String l = lines[i].replaceFirst("processed \\d+ insns \\(limit.*$", "").strip();
            if (l.isEmpty() || l.startsWith("processed ") || l.startsWith("verification time")
                    || l.startsWith("stack depth") || l.startsWith("old state") || l.startsWith("cur state") || l.startsWith("mark_precise") || l.startsWith("last_idx"))
                continue;
            return l;
        }
        return "";
    }
}
