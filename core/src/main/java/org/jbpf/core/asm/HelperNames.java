package org.jbpf.core.asm;

import java.util.HashMap;
import java.util.Map;

/** Names of kernel BPF helper functions by id (the {@code bpf_func_id} enumeration of the UAPI). */
public final class HelperNames {
    private HelperNames() {}

    public static final int MAP_LOOKUP_ELEM = 1, MAP_UPDATE_ELEM = 2, MAP_DELETE_ELEM = 3, PROBE_READ = 4,
            KTIME_GET_NS = 5, TRACE_PRINTK = 6, GET_PRANDOM_U32 = 7, GET_SMP_PROCESSOR_ID = 8,
            TAIL_CALL = 12, GET_CURRENT_PID_TGID = 14, GET_CURRENT_UID_GID = 15, GET_CURRENT_COMM = 16,
            PERF_EVENT_OUTPUT = 25, GET_STACKID = 27, GET_CURRENT_TASK = 35, PROBE_READ_STR = 45,
            MAP_PUSH_ELEM = 87, MAP_POP_ELEM = 88, MAP_PEEK_ELEM = 89,
            PROBE_READ_USER = 112, PROBE_READ_KERNEL = 113, PROBE_READ_USER_STR = 114, PROBE_READ_KERNEL_STR = 115,
            KTIME_GET_BOOT_NS = 125, RINGBUF_OUTPUT = 130, RINGBUF_RESERVE = 131, RINGBUF_SUBMIT = 132,
            RINGBUF_DISCARD = 133, RINGBUF_QUERY = 134, GET_CURRENT_TASK_BTF = 158, KTIME_GET_COARSE_NS = 160,
            LOOP = 181;

    private static final Map<Integer, String> NAMES = new HashMap<>();
    static {
        String[] table = {
            "1 map_lookup_elem", "2 map_update_elem", "3 map_delete_elem", "4 probe_read", "5 ktime_get_ns",
            "6 trace_printk", "7 get_prandom_u32", "8 get_smp_processor_id", "9 skb_store_bytes",
            "10 l3_csum_replace", "11 l4_csum_replace", "12 tail_call", "13 clone_redirect",
            "14 get_current_pid_tgid", "15 get_current_uid_gid", "16 get_current_comm", "17 get_cgroup_classid",
            "18 skb_vlan_push", "19 skb_vlan_pop", "20 skb_get_tunnel_key", "21 skb_set_tunnel_key",
            "22 perf_event_read", "23 redirect", "24 get_route_realm", "25 perf_event_output",
            "26 skb_load_bytes", "27 get_stackid", "28 csum_diff", "35 get_current_task", "41 get_numa_node_id",
            "44 xdp_adjust_head", "45 probe_read_str", "51 redirect_map", "54 xdp_adjust_meta",
            "55 perf_event_read_value", "56 perf_prog_read_value", "65 xdp_adjust_tail", "67 get_stack",
            "80 get_current_cgroup_id", "87 map_push_elem", "88 map_pop_elem", "89 map_peek_elem",
            "112 probe_read_user", "113 probe_read_kernel", "114 probe_read_user_str", "115 probe_read_kernel_str",
            "125 ktime_get_boot_ns", "130 ringbuf_output", "131 ringbuf_reserve", "132 ringbuf_submit",
            "133 ringbuf_discard", "134 ringbuf_query", "158 get_current_task_btf", "160 ktime_get_coarse_ns",
            "164 for_each_map_elem", "165 snprintf", "177 trace_vprintk", "181 loop", "183 strncmp",
        };
        for (String row : table) {
            int sp = row.indexOf(' ');
            NAMES.put(Integer.parseInt(row.substring(0, sp)), row.substring(sp + 1));
        }
    }

    /** "bpf_name#id" for a known helper, "#id" otherwise. */
    public static String name(int id) {
        String n = NAMES.get(id);
        return n == null ? "#" + id : "bpf_" + n + "#" + id;
    }
}
