package org.jbpf.core.helper;

import static org.jbpf.core.helper.ArgKind.*;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.program.ProgramTypes;

/**
 * The one table of kernel helpers jbpf knows: ids for the code generators, names for disassembly and messages, and the
 * prototypes (argument and return kinds, who may call them, which maps they take) the verifier simulation checks.
 */
public final class HelperTable {
    private HelperTable() {}

    public static final int MAP_LOOKUP_ELEM = 1, MAP_UPDATE_ELEM = 2, MAP_DELETE_ELEM = 3, PROBE_READ = 4,
            KTIME_GET_NS = 5, TRACE_PRINTK = 6, GET_PRANDOM_U32 = 7, GET_SMP_PROCESSOR_ID = 8,
            TAIL_CALL = 12, GET_CURRENT_PID_TGID = 14, GET_CURRENT_UID_GID = 15, GET_CURRENT_COMM = 16,
            PERF_EVENT_OUTPUT = 25, GET_STACKID = 27, GET_CURRENT_TASK = 35, PROBE_READ_STR = 45,
            MAP_PUSH_ELEM = 87, MAP_POP_ELEM = 88, MAP_PEEK_ELEM = 89,
            PROBE_READ_USER = 112, PROBE_READ_KERNEL = 113, PROBE_READ_USER_STR = 114, PROBE_READ_KERNEL_STR = 115,
            KTIME_GET_BOOT_NS = 125, RINGBUF_OUTPUT = 130, RINGBUF_RESERVE = 131, RINGBUF_SUBMIT = 132,
            RINGBUF_DISCARD = 133, RINGBUF_QUERY = 134, GET_CURRENT_TASK_BTF = 158, KTIME_GET_COARSE_NS = 160,
            LOOP = 181, STRNCMP = 182;

    /** Packet helpers. */
    public static final int SKB_STORE_BYTES = 9, L3_CSUM_REPLACE = 10, L4_CSUM_REPLACE = 11, REDIRECT = 23,
            SKB_LOAD_BYTES = 26, XDP_ADJUST_HEAD = 44, REDIRECT_MAP = 51, XDP_ADJUST_TAIL = 65,
            SKB_LOAD_BYTES_RELATIVE = 68;

    /** The program types the kernel's tracing helper set ({@code bpf_tracing_func_proto}) serves. */
    static final Set<Integer> TRACING = Set.of(ProgramTypes.TRACEPOINT, ProgramTypes.RAW_TRACEPOINT, ProgramTypes.KPROBE,
            ProgramTypes.PERF_EVENT);
    private static final Set<Integer> EVERY_TYPE = Set.of(), ANY_MAP = Set.of();

    private static final Map<Integer, HelperSpec> BY_ID = new TreeMap<>();
    private static final Map<String, HelperSpec> BY_NAME = new TreeMap<>();

    private static void named(int id, String name) { add(HelperSpec.named(id, name)); }

    private static void proto(int id, String name, RetKind ret, Set<Integer> programTypes, Set<Integer> mapTypes, ArgKind... args) {
        add(new HelperSpec(id, name, List.of(args), ret, programTypes, mapTypes));
    }

    private static void add(HelperSpec h) {
        if (BY_ID.put(h.id(), h) != null || BY_NAME.put(h.name(), h) != null)
            throw new IllegalStateException("helper table lists " + h.logName() + " twice");
    }

    static {
        // helpers with the prototypes the kernel gives them
        proto(MAP_LOOKUP_ELEM, "map_lookup_elem", RetKind.MAP_VALUE_OR_NULL, EVERY_TYPE, ANY_MAP, MAP_PTR, MAP_KEY);
        proto(MAP_UPDATE_ELEM, "map_update_elem", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MAP_PTR, MAP_KEY, MAP_VALUE, ANYTHING);
        proto(MAP_DELETE_ELEM, "map_delete_elem", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MAP_PTR, MAP_KEY);
        proto(PROBE_READ, "probe_read", RetKind.INTEGER, TRACING, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(KTIME_GET_NS, "ktime_get_ns", RetKind.INTEGER, EVERY_TYPE, ANY_MAP);
        proto(TRACE_PRINTK, "trace_printk", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MEM_READ, SIZE);
        proto(GET_PRANDOM_U32, "get_prandom_u32", RetKind.INTEGER, EVERY_TYPE, ANY_MAP);
        proto(GET_SMP_PROCESSOR_ID, "get_smp_processor_id", RetKind.INTEGER, EVERY_TYPE, ANY_MAP);
        proto(GET_CURRENT_PID_TGID, "get_current_pid_tgid", RetKind.INTEGER, EVERY_TYPE, ANY_MAP);
        proto(GET_CURRENT_UID_GID, "get_current_uid_gid", RetKind.INTEGER, EVERY_TYPE, ANY_MAP);
        proto(GET_CURRENT_COMM, "get_current_comm", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MEM_WRITE, SIZE);
        proto(PERF_EVENT_OUTPUT, "perf_event_output", RetKind.INTEGER, EVERY_TYPE, Set.of(MapTypes.PERF_EVENT_ARRAY),
                CTX, MAP_PTR, ANYTHING, MEM_READ, SIZE_OR_ZERO);
        proto(GET_STACKID, "get_stackid", RetKind.INTEGER, TRACING, Set.of(MapTypes.STACK_TRACE), CTX, MAP_PTR, ANYTHING);
        proto(GET_CURRENT_TASK, "get_current_task", RetKind.INTEGER, TRACING, ANY_MAP);
        proto(PROBE_READ_USER, "probe_read_user", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(PROBE_READ_KERNEL, "probe_read_kernel", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(PROBE_READ_USER_STR, "probe_read_user_str", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(PROBE_READ_KERNEL_STR, "probe_read_kernel_str", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(KTIME_GET_BOOT_NS, "ktime_get_boot_ns", RetKind.INTEGER, EVERY_TYPE, ANY_MAP);
        proto(RINGBUF_OUTPUT, "ringbuf_output", RetKind.INTEGER, EVERY_TYPE, Set.of(MapTypes.RINGBUF),
                MAP_PTR, MEM_READ, SIZE_OR_ZERO, ANYTHING);
        proto(RINGBUF_RESERVE, "ringbuf_reserve", RetKind.RINGBUF_MEM_OR_NULL, EVERY_TYPE, Set.of(MapTypes.RINGBUF),
                MAP_PTR, ALLOC_SIZE, ANYTHING);
        proto(RINGBUF_SUBMIT, "ringbuf_submit", RetKind.VOID, EVERY_TYPE, ANY_MAP, RINGBUF_RELEASE, ANYTHING);
        proto(RINGBUF_DISCARD, "ringbuf_discard", RetKind.VOID, EVERY_TYPE, ANY_MAP, RINGBUF_RELEASE, ANYTHING);
        proto(RINGBUF_QUERY, "ringbuf_query", RetKind.INTEGER, EVERY_TYPE, Set.of(MapTypes.RINGBUF), MAP_PTR, ANYTHING);
        proto(KTIME_GET_COARSE_NS, "ktime_get_coarse_ns", RetKind.INTEGER, EVERY_TYPE, ANY_MAP);
        proto(TAIL_CALL, "tail_call", RetKind.VOID, EVERY_TYPE, Set.of(MapTypes.PROG_ARRAY), CTX, MAP_PTR, ANYTHING);
        // packet helpers, for the program types jbpf has that the kernel offers them to
        Set<Integer> tc = Set.of(ProgramTypes.SCHED_CLS), xdp = Set.of(ProgramTypes.XDP);
        proto(SKB_LOAD_BYTES, "skb_load_bytes", RetKind.INTEGER, Set.of(ProgramTypes.SOCKET_FILTER, ProgramTypes.SCHED_CLS), ANY_MAP,
                CTX, ANYTHING, MEM_WRITE, SIZE);
        proto(SKB_LOAD_BYTES_RELATIVE, "skb_load_bytes_relative", RetKind.INTEGER,
                Set.of(ProgramTypes.SOCKET_FILTER, ProgramTypes.SCHED_CLS), ANY_MAP, CTX, ANYTHING, MEM_WRITE, SIZE, ANYTHING);
        proto(SKB_STORE_BYTES, "skb_store_bytes", RetKind.INTEGER, tc, ANY_MAP, CTX, ANYTHING, MEM_READ, SIZE, ANYTHING);
        proto(L3_CSUM_REPLACE, "l3_csum_replace", RetKind.INTEGER, tc, ANY_MAP, CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING);
        proto(L4_CSUM_REPLACE, "l4_csum_replace", RetKind.INTEGER, tc, ANY_MAP, CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING);
        proto(REDIRECT, "redirect", RetKind.INTEGER, Set.of(ProgramTypes.XDP, ProgramTypes.SCHED_CLS), ANY_MAP, ANYTHING, ANYTHING);
        proto(REDIRECT_MAP, "redirect_map", RetKind.INTEGER, xdp, Set.of(MapTypes.DEVMAP), MAP_PTR, ANYTHING, ANYTHING);
        proto(XDP_ADJUST_HEAD, "xdp_adjust_head", RetKind.INTEGER, xdp, ANY_MAP, CTX, ANYTHING);
        proto(XDP_ADJUST_TAIL, "xdp_adjust_tail", RetKind.INTEGER, xdp, ANY_MAP, CTX, ANYTHING);
        proto(STRNCMP, "strncmp", RetKind.INTEGER, EVERY_TYPE, ANY_MAP, MEM_READ, SIZE, CONST_STR);

        // helpers known by name, for disassembly and messages
        named(13, "clone_redirect"); named(17, "get_cgroup_classid");
        named(18, "skb_vlan_push"); named(19, "skb_vlan_pop"); named(20, "skb_get_tunnel_key");
        named(21, "skb_set_tunnel_key"); named(22, "perf_event_read"); named(24, "get_route_realm");
        named(28, "csum_diff"); named(42, "get_numa_node_id"); 
        named(PROBE_READ_STR, "probe_read_str"); named(54, "xdp_adjust_meta");
        named(55, "perf_event_read_value"); named(56, "perf_prog_read_value"); 
        named(67, "get_stack"); named(80, "get_current_cgroup_id"); named(MAP_PUSH_ELEM, "map_push_elem");
        named(MAP_POP_ELEM, "map_pop_elem"); named(MAP_PEEK_ELEM, "map_peek_elem");
        named(GET_CURRENT_TASK_BTF, "get_current_task_btf"); named(164, "for_each_map_elem"); named(165, "snprintf");
        named(177, "trace_vprintk"); named(LOOP, "loop");
    }

    /** Map types that only some helpers may receive, with those helpers (the kernel checks both directions). */
    private static final Map<Integer, Set<Integer>> RESTRICTED_MAPS = Map.of(
            MapTypes.RINGBUF, Set.of(RINGBUF_OUTPUT, RINGBUF_RESERVE, RINGBUF_QUERY),
            MapTypes.PERF_EVENT_ARRAY, Set.of(PERF_EVENT_OUTPUT),
            MapTypes.STACK_TRACE, Set.of(GET_STACKID),
            MapTypes.PROG_ARRAY, Set.of(TAIL_CALL),
            MapTypes.DEVMAP, Set.of(REDIRECT_MAP, MAP_LOOKUP_ELEM));

    /** True for the helpers after which the kernel forgets every packet pointer: they may move or resize the packet. */
    public static boolean changesPacketData(int id) {
        return id == SKB_STORE_BYTES || id == L3_CSUM_REPLACE || id == L4_CSUM_REPLACE || id == XDP_ADJUST_HEAD || id == XDP_ADJUST_TAIL;
    }

    /** The helper with this id, or null when jbpf does not know it. */
    public static HelperSpec byId(int id) { return BY_ID.get(id); }

    /** The helper with this name, with or without the "bpf_" prefix, or null. */
    public static HelperSpec byName(String name) {
        HelperSpec h = BY_NAME.get(name);
        return h != null || !name.startsWith("bpf_") ? h : BY_NAME.get(name.substring(4));
    }

    /** The helper with this id when its prototype is known (what the verifier simulation can check), else null. */
    public static HelperSpec prototype(int id) {
        HelperSpec h = BY_ID.get(id);
        return h != null && h.hasPrototype() ? h : null;
    }

    /** Every helper, by id. */
    public static Map<Integer, HelperSpec> all() { return Collections.unmodifiableMap(BY_ID); }

    /** "bpf_name#id" for a known helper, "#id" otherwise, as the kernel verifier log writes them. */
    public static String logName(int id) {
        HelperSpec h = BY_ID.get(id);
        return h == null ? "#" + id : h.logName();
    }

    /** True when {@code helper} may receive a map of {@code mapType}, as the kernel decides it in both directions. */
    public static boolean compatible(HelperSpec helper, int mapType) {
        Set<Integer> allowedHelpers = RESTRICTED_MAPS.get(mapType);
        if (allowedHelpers != null && !allowedHelpers.contains(helper.id())) return false;
        return helper.mapTypes().isEmpty() || helper.mapTypes().contains(mapType);
    }
}
