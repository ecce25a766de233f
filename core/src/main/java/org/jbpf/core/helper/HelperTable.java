package org.jbpf.core.helper;

import static org.jbpf.core.helper.ArgKind.*;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.program.ProgramTypes;

/**
 * The one table of kernel helpers jbpf knows: every helper of the kernel's own list ({@link KernelHelperList}: ids and
 * names for the code generators, disassembly and messages, and the program types that may call each), and for the
 * helpers jbpf models, the prototypes (argument and return kinds, which maps they take) the verifier simulation checks.
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
            LOOP = 181, STRNCMP = 182, GET_NUMA_NODE_ID = 42,
            GET_CURRENT_CGROUP_ID = 80;

    /** Packet helpers. */
    public static final int SKB_STORE_BYTES = 9, L3_CSUM_REPLACE = 10, L4_CSUM_REPLACE = 11, REDIRECT = 23,
            SKB_LOAD_BYTES = 26, XDP_ADJUST_HEAD = 44, REDIRECT_MAP = 51, XDP_ADJUST_TAIL = 65,
            SKB_LOAD_BYTES_RELATIVE = 68, FIB_LOOKUP = 69, GET_SOCKET_COOKIE = 46, GET_SOCKET_UID = 47, SKB_PULL_DATA = 39,
            CLONE_REDIRECT = 13, SKB_VLAN_PUSH = 18, SKB_VLAN_POP = 19, CSUM_DIFF = 28, SKB_CHANGE_PROTO = 31,
            SKB_CHANGE_TAIL = 38, SKB_CHANGE_HEAD = 43, SKB_ADJUST_ROOM = 50, XDP_ADJUST_META = 54, XDP_GET_BUFF_LEN = 188,
            XDP_LOAD_BYTES = 189, REDIRECT_NEIGH = 152;

    private static final Set<Integer> ANY_MAP = Set.of();

    // hash maps: the two hundred rows are put in a cold JVM at every verified translate, where a tree's comparisons run
    // interpreted; all() sorts them for the few that list every helper
    private static final Map<Integer, HelperSpec> BY_ID = new HashMap<>();
    private static final Map<String, HelperSpec> BY_NAME = new HashMap<>();
    private static final KernelHelperList.Listing KERNEL = KernelHelperList.load();

    /**
     * The prototype jbpf models for a helper of the kernel's list; the program types that may call it stay the
     * kernel's. The name is checked against the kernel's, so a wrong id cannot slip in.
     */
    private static void proto(int id, String name, RetKind ret, Set<Integer> mapTypes, ArgKind... args) {
        HelperSpec kernel = BY_ID.get(id);
        if (kernel == null || !kernel.name().equals(name))
            throw new IllegalStateException("the kernel's helper list has " + (kernel == null ? "no helper #" + id : kernel.logName())
                    + ", not bpf_" + name + "#" + id);
        HelperSpec h = new HelperSpec(id, name, List.of(args), ret, kernel.programTypes(), mapTypes);
        BY_ID.put(id, h);
        BY_NAME.put(name, h);
    }

    static {
        for (KernelHelperList.Row r : KERNEL.rows()) {
            HelperSpec h = HelperSpec.named(r.id(), r.name(), r.programTypes());
            if (BY_ID.put(h.id(), h) != null || BY_NAME.put(h.name(), h) != null)
                throw new IllegalStateException("the kernel's helper list names " + h.logName() + " twice");
        }
        // the prototypes the verifier simulation checks calls against, as the kernel gives them
        proto(MAP_LOOKUP_ELEM, "map_lookup_elem", RetKind.MAP_VALUE_OR_NULL, ANY_MAP, MAP_PTR, MAP_KEY);
        proto(MAP_UPDATE_ELEM, "map_update_elem", RetKind.INTEGER, ANY_MAP, MAP_PTR, MAP_KEY, MAP_VALUE, ANYTHING);
        proto(MAP_DELETE_ELEM, "map_delete_elem", RetKind.INTEGER, ANY_MAP, MAP_PTR, MAP_KEY);
        proto(PROBE_READ, "probe_read", RetKind.INTEGER, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(KTIME_GET_NS, "ktime_get_ns", RetKind.INTEGER, ANY_MAP);
        proto(TRACE_PRINTK, "trace_printk", RetKind.INTEGER, ANY_MAP, MEM_READ, SIZE);
        proto(GET_PRANDOM_U32, "get_prandom_u32", RetKind.INTEGER, ANY_MAP);
        proto(GET_SMP_PROCESSOR_ID, "get_smp_processor_id", RetKind.INTEGER, ANY_MAP);
        proto(GET_CURRENT_PID_TGID, "get_current_pid_tgid", RetKind.INTEGER, ANY_MAP);
        proto(GET_CURRENT_UID_GID, "get_current_uid_gid", RetKind.INTEGER, ANY_MAP);
        proto(GET_CURRENT_COMM, "get_current_comm", RetKind.INTEGER, ANY_MAP, MEM_WRITE, SIZE);
        proto(PERF_EVENT_OUTPUT, "perf_event_output", RetKind.INTEGER, Set.of(MapTypes.PERF_EVENT_ARRAY),
                CTX, MAP_PTR, ANYTHING, MEM_READ, SIZE_OR_ZERO);
        proto(GET_STACKID, "get_stackid", RetKind.INTEGER, Set.of(MapTypes.STACK_TRACE), CTX, MAP_PTR, ANYTHING);
        proto(GET_CURRENT_TASK, "get_current_task", RetKind.INTEGER, ANY_MAP);
        proto(GET_CURRENT_CGROUP_ID, "get_current_cgroup_id", RetKind.INTEGER, ANY_MAP);
        proto(PROBE_READ_USER, "probe_read_user", RetKind.INTEGER, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(PROBE_READ_KERNEL, "probe_read_kernel", RetKind.INTEGER, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(PROBE_READ_USER_STR, "probe_read_user_str", RetKind.INTEGER, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(PROBE_READ_KERNEL_STR, "probe_read_kernel_str", RetKind.INTEGER, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(KTIME_GET_BOOT_NS, "ktime_get_boot_ns", RetKind.INTEGER, ANY_MAP);
        proto(RINGBUF_OUTPUT, "ringbuf_output", RetKind.INTEGER, Set.of(MapTypes.RINGBUF), MAP_PTR, MEM_READ, SIZE_OR_ZERO, ANYTHING);
        proto(RINGBUF_RESERVE, "ringbuf_reserve", RetKind.RINGBUF_MEM_OR_NULL, Set.of(MapTypes.RINGBUF), MAP_PTR, ALLOC_SIZE, ANYTHING);
        proto(RINGBUF_SUBMIT, "ringbuf_submit", RetKind.VOID, ANY_MAP, RINGBUF_RELEASE, ANYTHING);
        proto(RINGBUF_DISCARD, "ringbuf_discard", RetKind.VOID, ANY_MAP, RINGBUF_RELEASE, ANYTHING);
        proto(RINGBUF_QUERY, "ringbuf_query", RetKind.INTEGER, Set.of(MapTypes.RINGBUF), MAP_PTR, ANYTHING);
        proto(KTIME_GET_COARSE_NS, "ktime_get_coarse_ns", RetKind.INTEGER, ANY_MAP);
        proto(TAIL_CALL, "tail_call", RetKind.VOID, Set.of(MapTypes.PROG_ARRAY), CTX, MAP_PTR, ANYTHING);
        proto(GET_NUMA_NODE_ID, "get_numa_node_id", RetKind.INTEGER, ANY_MAP);
        // packet and socket buffer helpers
        proto(SKB_LOAD_BYTES, "skb_load_bytes", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, MEM_WRITE, SIZE);
        proto(SKB_LOAD_BYTES_RELATIVE, "skb_load_bytes_relative", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, MEM_WRITE, SIZE, ANYTHING);
        proto(SKB_STORE_BYTES, "skb_store_bytes", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, MEM_READ, SIZE, ANYTHING);
        proto(L3_CSUM_REPLACE, "l3_csum_replace", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING);
        proto(L4_CSUM_REPLACE, "l4_csum_replace", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING);
        proto(REDIRECT, "redirect", RetKind.INTEGER, ANY_MAP, ANYTHING, ANYTHING);
        proto(REDIRECT_MAP, "redirect_map", RetKind.INTEGER, Set.of(MapTypes.DEVMAP, MapTypes.CPUMAP, MapTypes.XSKMAP), MAP_PTR, ANYTHING, ANYTHING);
        proto(XDP_ADJUST_HEAD, "xdp_adjust_head", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(XDP_ADJUST_TAIL, "xdp_adjust_tail", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(FIB_LOOKUP, "fib_lookup", RetKind.INTEGER, ANY_MAP, CTX, MEM_WRITE, SIZE, ANYTHING);
        proto(GET_SOCKET_COOKIE, "get_socket_cookie", RetKind.INTEGER, ANY_MAP, CTX);
        proto(GET_SOCKET_UID, "get_socket_uid", RetKind.INTEGER, ANY_MAP, CTX);
        proto(SKB_PULL_DATA, "skb_pull_data", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(STRNCMP, "strncmp", RetKind.INTEGER, ANY_MAP, MEM_READ, SIZE, CONST_STR);
        // more of what the kernel offers the modelled program types: numbers, the context, plain memory
        proto(45, "probe_read_str", RetKind.INTEGER, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(67, "get_stack", RetKind.INTEGER, ANY_MAP, CTX, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(56, "perf_prog_read_value", RetKind.INTEGER, ANY_MAP, CTX, MEM_WRITE, SIZE);
        proto(80, "get_current_cgroup_id", RetKind.INTEGER, ANY_MAP);
        proto(109, "send_signal", RetKind.INTEGER, ANY_MAP, ANYTHING);
        proto(117, "send_signal_thread", RetKind.INTEGER, ANY_MAP, ANYTHING);
        proto(118, "jiffies64", RetKind.INTEGER, ANY_MAP);
        proto(120, "get_ns_current_pid_tgid", RetKind.INTEGER, ANY_MAP, ANYTHING, ANYTHING, MEM_WRITE, SIZE);
        proto(123, "get_current_ancestor_cgroup_id", RetKind.INTEGER, ANY_MAP, ANYTHING);
        proto(173, "get_func_ip", RetKind.INTEGER, ANY_MAP, CTX);
        proto(174, "get_attach_cookie", RetKind.INTEGER, ANY_MAP, CTX);
        proto(176, "get_branch_snapshot", RetKind.INTEGER, ANY_MAP, MEM_WRITE, SIZE_OR_ZERO, ANYTHING);
        proto(208, "ktime_get_tai_ns", RetKind.INTEGER, ANY_MAP);
        proto(CLONE_REDIRECT, "clone_redirect", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING);
        proto(SKB_VLAN_PUSH, "skb_vlan_push", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING);
        proto(SKB_VLAN_POP, "skb_vlan_pop", RetKind.INTEGER, ANY_MAP, CTX);
        proto(20, "skb_get_tunnel_key", RetKind.INTEGER, ANY_MAP, CTX, MEM_WRITE, SIZE, ANYTHING);
        proto(21, "skb_set_tunnel_key", RetKind.INTEGER, ANY_MAP, CTX, MEM_READ, SIZE, ANYTHING);
        proto(24, "get_route_realm", RetKind.INTEGER, ANY_MAP, CTX);
        proto(CSUM_DIFF, "csum_diff", RetKind.INTEGER, ANY_MAP, MEM_READ_OR_NULL, SIZE_OR_ZERO, MEM_READ_OR_NULL, SIZE_OR_ZERO, ANYTHING);
        proto(29, "skb_get_tunnel_opt", RetKind.INTEGER, ANY_MAP, CTX, MEM_WRITE, SIZE);
        proto(30, "skb_set_tunnel_opt", RetKind.INTEGER, ANY_MAP, CTX, MEM_READ, SIZE);
        proto(SKB_CHANGE_PROTO, "skb_change_proto", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING);
        proto(32, "skb_change_type", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(34, "get_hash_recalc", RetKind.INTEGER, ANY_MAP, CTX);
        proto(SKB_CHANGE_TAIL, "skb_change_tail", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING);
        proto(40, "csum_update", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(41, "set_hash_invalid", RetKind.VOID, ANY_MAP, CTX);
        proto(SKB_CHANGE_HEAD, "skb_change_head", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING);
        proto(48, "set_hash", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(SKB_ADJUST_ROOM, "skb_adjust_room", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING, ANYTHING);
        proto(XDP_ADJUST_META, "xdp_adjust_meta", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(66, "skb_get_xfrm_state", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, MEM_WRITE, SIZE, ANYTHING);
        proto(79, "skb_cgroup_id", RetKind.INTEGER, ANY_MAP, CTX);
        proto(83, "skb_ancestor_cgroup_id", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(97, "skb_ecn_set_ce", RetKind.INTEGER, ANY_MAP, CTX);
        proto(135, "csum_level", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING);
        proto(151, "skb_cgroup_classid", RetKind.INTEGER, ANY_MAP, CTX);
        proto(REDIRECT_NEIGH, "redirect_neigh", RetKind.INTEGER, ANY_MAP, ANYTHING, MEM_READ_OR_NULL, SIZE_OR_ZERO, ANYTHING);
        proto(155, "redirect_peer", RetKind.INTEGER, ANY_MAP, ANYTHING, ANYTHING);
        proto(XDP_GET_BUFF_LEN, "xdp_get_buff_len", RetKind.INTEGER, ANY_MAP, CTX);
        proto(XDP_LOAD_BYTES, "xdp_load_bytes", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, MEM_WRITE, SIZE);
        proto(190, "xdp_store_bytes", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, MEM_READ, SIZE);
        proto(192, "skb_set_tstamp", RetKind.INTEGER, ANY_MAP, CTX, ANYTHING, ANYTHING);
    }

    /** Map types that only some helpers may receive, with those helpers (the kernel checks both directions). */
    private static final Map<Integer, Set<Integer>> RESTRICTED_MAPS = Map.of(
            MapTypes.RINGBUF, Set.of(RINGBUF_OUTPUT, RINGBUF_RESERVE, RINGBUF_QUERY),
            MapTypes.PERF_EVENT_ARRAY, Set.of(PERF_EVENT_OUTPUT),
            MapTypes.STACK_TRACE, Set.of(GET_STACKID),
            MapTypes.PROG_ARRAY, Set.of(TAIL_CALL),
            MapTypes.DEVMAP, Set.of(REDIRECT_MAP, MAP_LOOKUP_ELEM),
            MapTypes.CPUMAP, Set.of(REDIRECT_MAP),
            MapTypes.XSKMAP, Set.of(REDIRECT_MAP, MAP_LOOKUP_ELEM));

    /** True for the helpers after which the kernel forgets every packet pointer: they may move or resize the packet. */
    public static boolean changesPacketData(int id) {
        return id == SKB_STORE_BYTES || id == L3_CSUM_REPLACE || id == L4_CSUM_REPLACE || id == XDP_ADJUST_HEAD
                || id == XDP_ADJUST_TAIL || id == SKB_PULL_DATA || id == CLONE_REDIRECT || id == SKB_VLAN_PUSH
                || id == SKB_VLAN_POP || id == SKB_CHANGE_PROTO || id == SKB_CHANGE_TAIL || id == SKB_CHANGE_HEAD
                || id == SKB_ADJUST_ROOM || id == XDP_ADJUST_META;
    }

    /**
     * True for the helpers the kernel lets take packet memory as an argument (their prototype's {@code pkt_access});
     * any other helper given a packet pointer is refused.
     */
    public static boolean takesPacketMemory(int id) {
        return id == MAP_LOOKUP_ELEM || id == MAP_UPDATE_ELEM || id == MAP_DELETE_ELEM || id == CSUM_DIFF;
    }

    /**
     * True for the helpers that write every byte of the buffer in their first argument, of the size in their second, and
     * read none of the program's memory: bpf_get_current_comm copies the task's name with strscpy_pad, which zeroes the
     * bytes after the name up to the size, and zeroes the whole buffer when there is no task.
     */
    public static boolean fillsBuffer(int id) { return id == GET_CURRENT_COMM; }

    /**
     * True for the helpers that, given a size above zero, leave a NUL among the bytes of the buffer in their first argument,
     * of the size in their second, on every return: bpf_get_current_comm (strscpy_pad ends the name with a NUL within the
     * size), and the string reads bpf_probe_read_kernel_str, bpf_probe_read_user_str and bpf_probe_read_str, whose copy
     * ends with a NUL within the size (one in the last byte when the string is longer) and whose failure zeroes the buffer.
     */
    public static boolean terminatesBuffer(int id) {
        return id == GET_CURRENT_COMM || id == PROBE_READ_KERNEL_STR || id == PROBE_READ_USER_STR || id == PROBE_READ_STR;
    }

    /** The program types whose helpers the kernel's list records; for any other type no helper is known to be offered. */
    public static Set<Integer> probedProgramTypes() { return KERNEL.probedTypes(); }

    /** The kernel release the helper list was generated on. */
    public static String listedKernel() { return KERNEL.kernel(); }

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

    /**
     * {@link #prototype(int)} as a program of {@code programType} sees it, or null where the kernel gives that type
     * another prototype than the one known here: tracing programs' bpf_get_socket_cookie takes a kernel socket
     * pointer, not the context, and their bpf_xdp_get_buff_len an xdp_buff pointer.
     */
    public static HelperSpec prototype(int id, int programType) {
        if ((id == GET_SOCKET_COOKIE || id == XDP_GET_BUFF_LEN) && programType == ProgramTypes.TRACING) return null;
        return prototype(id);
    }

    /** Every helper, in the order of their ids. */
    public static Map<Integer, HelperSpec> all() { return Collections.unmodifiableMap(new TreeMap<>(BY_ID)); }

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
