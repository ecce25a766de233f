package org.jbpf.sim.verifier;

import static org.jbpf.sim.verifier.HelperTable.Arg.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.obj.MapTypes;

/** Argument and return types of the helpers the simulator knows, as the kernel's helper prototypes give them. */
public final class HelperTable {
    private HelperTable() {}

    public enum Arg {
        ANYTHING, MAP_PTR, MAP_KEY, MAP_VALUE, CTX,
        /** memory the helper reads; its size is the next argument */
        MEM_READ,
        /** memory the helper writes; its size is the next argument */
        MEM_WRITE,
        SIZE, SIZE_OR_ZERO,
        /** a constant byte count of a ring buffer record */
        ALLOC_SIZE,
        /** a ring buffer record the helper releases */
        RINGBUF_RELEASE
    }

    public enum Ret { INTEGER, VOID, MAP_VALUE_OR_NULL, RINGBUF_MEM_OR_NULL }

    /**
     * @param tracingOnly  the kernel offers it to tracing programs (tracepoint, raw tracepoint, kprobe) only
     * @param mapTypes     map types its map argument accepts, empty when any "plain" map type is fine
     */
    public record Proto(int id, String name, List<Arg> args, Ret ret, boolean tracingOnly, Set<Integer> mapTypes) {
        public String logName() { return "bpf_" + name + "#" + id; }
    }

    private static final Map<Integer, Proto> PROTOS = new HashMap<>();

    private static void def(int id, String name, Ret ret, boolean tracingOnly, Set<Integer> mapTypes, Arg... args) {
        PROTOS.put(id, new Proto(id, name, List.of(args), ret, tracingOnly, mapTypes));
    }

    private static final Set<Integer> ANY_MAP = Set.of();

    static {
        def(1, "map_lookup_elem", Ret.MAP_VALUE_OR_NULL, false, ANY_MAP, MAP_PTR, MAP_KEY);
        def(2, "map_update_elem", Ret.INTEGER, false, ANY_MAP, MAP_PTR, MAP_KEY, MAP_VALUE, ANYTHING);
        def(3, "map_delete_elem", Ret.INTEGER, false, ANY_MAP, MAP_PTR, MAP_KEY);
        def(4, "probe_read", Ret.INTEGER, true, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        def(5, "ktime_get_ns", Ret.INTEGER, false, ANY_MAP);
        def(6, "trace_printk", Ret.INTEGER, false, ANY_MAP, MEM_READ, SIZE);
        def(7, "get_prandom_u32", Ret.INTEGER, false, ANY_MAP);
        def(8, "get_smp_processor_id", Ret.INTEGER, false, ANY_MAP);
        def(12, "tail_call", Ret.VOID, false, Set.of(MapTypes.PROG_ARRAY), CTX, MAP_PTR, ANYTHING);
        def(14, "get_current_pid_tgid", Ret.INTEGER, false, ANY_MAP);
        def(15, "get_current_uid_gid", Ret.INTEGER, false, ANY_MAP);
        def(16, "get_current_comm", Ret.INTEGER, false, ANY_MAP, MEM_WRITE, SIZE);
        def(25, "perf_event_output", Ret.INTEGER, false, Set.of(MapTypes.PERF_EVENT_ARRAY), CTX, MAP_PTR, ANYTHING, MEM_READ, SIZE_OR_ZERO);
        def(27, "get_stackid", Ret.INTEGER, true, Set.of(MapTypes.STACK_TRACE), CTX, MAP_PTR, ANYTHING);
        def(35, "get_current_task", Ret.INTEGER, true, ANY_MAP);
        def(112, "probe_read_user", Ret.INTEGER, false, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        def(113, "probe_read_kernel", Ret.INTEGER, false, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        def(114, "probe_read_user_str", Ret.INTEGER, false, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        def(115, "probe_read_kernel_str", Ret.INTEGER, false, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        def(125, "ktime_get_boot_ns", Ret.INTEGER, false, ANY_MAP);
        def(130, "ringbuf_output", Ret.INTEGER, false, Set.of(MapTypes.RINGBUF), MAP_PTR, MEM_READ, SIZE_OR_ZERO, ANYTHING);
        def(131, "ringbuf_reserve", Ret.RINGBUF_MEM_OR_NULL, false, Set.of(MapTypes.RINGBUF), MAP_PTR, ALLOC_SIZE, ANYTHING);
        def(132, "ringbuf_submit", Ret.VOID, false, ANY_MAP, RINGBUF_RELEASE, ANYTHING);
        def(133, "ringbuf_discard", Ret.VOID, false, ANY_MAP, RINGBUF_RELEASE, ANYTHING);
        def(134, "ringbuf_query", Ret.INTEGER, false, Set.of(MapTypes.RINGBUF), MAP_PTR, ANYTHING);
        def(160, "ktime_get_coarse_ns", Ret.INTEGER, false, ANY_MAP);
    }

    public static Proto get(int id) { return PROTOS.get(id); }

    /** Map types that only special helpers may receive, with the helpers that may receive them. */
    private static final Map<Integer, Set<Integer>> RESTRICTED_MAPS = Map.of(
            MapTypes.RINGBUF, Set.of(130, 131, 134),
            MapTypes.PROG_ARRAY, Set.of(12),
            MapTypes.PERF_EVENT_ARRAY, Set.of(25),
            MapTypes.STACK_TRACE, Set.of(27));

    /** True when {@code helper} may receive a map of {@code mapType}, as the kernel decides it in both directions. */
    public static boolean compatible(Proto helper, int mapType) {
        Set<Integer> allowedHelpers = RESTRICTED_MAPS.get(mapType);
        if (allowedHelpers != null && !allowedHelpers.contains(helper.id())) return false;
        return helper.mapTypes().isEmpty() || helper.mapTypes().contains(mapType);
    }
}
