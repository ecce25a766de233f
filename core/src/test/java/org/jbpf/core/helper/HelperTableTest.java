package org.jbpf.core.helper;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jbpf.core.asm.HelperNames;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.program.ProgramTypes;
import org.junit.jupiter.api.Test;

class HelperTableTest {

    /** One line per prototype: id, name, return kind, who may call it, accepted map types, argument kinds. */
    private static String describe(HelperSpec h) {
        return h.id() + " " + h.name() + " " + h.ret() + (h.programTypes().equals(HelperTable.probedProgramTypes()) ? " all"
                : h.programTypes().stream().sorted().map(String::valueOf).collect(Collectors.joining(",", " [", "]")))
                + " maps" + h.mapTypes().stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "[", "]"))
                + " " + h.args();
    }

    /**
     * The prototypes the verifier simulation checks programs against, which the table must keep exactly; the program
     * types ("all": every type the kernel's list probed) are the kernel's, from {@link KernelHelperList}.
     */
    private static final List<String> PROTOTYPES = List.of(
            "1 map_lookup_elem MAP_VALUE_OR_NULL all maps[] [MAP_PTR, MAP_KEY]",
            "2 map_update_elem INTEGER all maps[] [MAP_PTR, MAP_KEY, MAP_VALUE, ANYTHING]",
            "3 map_delete_elem INTEGER all maps[] [MAP_PTR, MAP_KEY]",
            "4 probe_read INTEGER [2,5,7,17,26] maps[] [MEM_WRITE, SIZE_OR_ZERO, ANYTHING]",
            "5 ktime_get_ns INTEGER all maps[] []",
            "6 trace_printk INTEGER all maps[] [MEM_READ, SIZE]",
            "7 get_prandom_u32 INTEGER all maps[] []",
            "8 get_smp_processor_id INTEGER all maps[] []",
            "9 skb_store_bytes INTEGER [3,4,14] maps[] [CTX, ANYTHING, MEM_READ, SIZE, ANYTHING]",
            "10 l3_csum_replace INTEGER [3,4] maps[] [CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING]",
            "11 l4_csum_replace INTEGER [3,4] maps[] [CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING]",
            "12 tail_call VOID all maps[3] [CTX, MAP_PTR, ANYTHING]",
            "13 clone_redirect INTEGER [3,4] maps[] [CTX, ANYTHING, ANYTHING]",
            "14 get_current_pid_tgid INTEGER all maps[] []",
            "15 get_current_uid_gid INTEGER all maps[] []",
            "16 get_current_comm INTEGER all maps[] [MEM_WRITE, SIZE]",
            "18 skb_vlan_push INTEGER [3,4] maps[] [CTX, ANYTHING, ANYTHING]",
            "19 skb_vlan_pop INTEGER [3,4] maps[] [CTX]",
            "20 skb_get_tunnel_key INTEGER [3,4] maps[] [CTX, MEM_WRITE, SIZE, ANYTHING]",
            "21 skb_set_tunnel_key INTEGER [3,4] maps[] [CTX, MEM_READ, SIZE, ANYTHING]",
            "23 redirect INTEGER [3,4,6] maps[] [ANYTHING, ANYTHING]",
            "24 get_route_realm INTEGER [3,4] maps[] [CTX]",
            "25 perf_event_output INTEGER all maps[4] [CTX, MAP_PTR, ANYTHING, MEM_READ, SIZE_OR_ZERO]",
            "26 skb_load_bytes INTEGER [1,3,4,8,14] maps[] [CTX, ANYTHING, MEM_WRITE, SIZE]",
            "27 get_stackid INTEGER [2,5,7,17,26] maps[7] [CTX, MAP_PTR, ANYTHING]",
            "28 csum_diff INTEGER [3,4,6] maps[] [MEM_READ_OR_NULL, SIZE_OR_ZERO, MEM_READ_OR_NULL, SIZE_OR_ZERO, ANYTHING]",
            "29 skb_get_tunnel_opt INTEGER [3,4] maps[] [CTX, MEM_WRITE, SIZE]",
            "30 skb_set_tunnel_opt INTEGER [3,4] maps[] [CTX, MEM_READ, SIZE]",
            "31 skb_change_proto INTEGER [3,4] maps[] [CTX, ANYTHING, ANYTHING]",
            "32 skb_change_type INTEGER [3,4] maps[] [CTX, ANYTHING]",
            "34 get_hash_recalc INTEGER [3,4] maps[] [CTX]",
            "35 get_current_task INTEGER all maps[] []",
            "38 skb_change_tail INTEGER [3,4,14] maps[] [CTX, ANYTHING, ANYTHING]",
            "39 skb_pull_data INTEGER [3,4,14] maps[] [CTX, ANYTHING]",
            "40 csum_update INTEGER [3,4] maps[] [CTX, ANYTHING]",
            "41 set_hash_invalid VOID [3,4] maps[] [CTX]",
            "42 get_numa_node_id INTEGER all maps[] []",
            "43 skb_change_head INTEGER [3,4,14] maps[] [CTX, ANYTHING, ANYTHING]",
            "44 xdp_adjust_head INTEGER [6] maps[] [CTX, ANYTHING]",
            "45 probe_read_str INTEGER [2,5,7,17,26] maps[] [MEM_WRITE, SIZE_OR_ZERO, ANYTHING]",
            "46 get_socket_cookie INTEGER [1,3,4,8,14,26] maps[] [CTX]",
            "47 get_socket_uid INTEGER [1,3,4,8,14] maps[] [CTX]",
            "48 set_hash INTEGER [3,4] maps[] [CTX, ANYTHING]",
            "50 skb_adjust_room INTEGER [3,4,14] maps[] [CTX, ANYTHING, ANYTHING, ANYTHING]",
            "51 redirect_map INTEGER [6] maps[14,16,17] [MAP_PTR, ANYTHING, ANYTHING]",
            "54 xdp_adjust_meta INTEGER [6] maps[] [CTX, ANYTHING]",
            "56 perf_prog_read_value INTEGER [7] maps[] [CTX, MEM_WRITE, SIZE]",
            "65 xdp_adjust_tail INTEGER [6] maps[] [CTX, ANYTHING]",
            "66 skb_get_xfrm_state INTEGER [3,4] maps[] [CTX, ANYTHING, MEM_WRITE, SIZE, ANYTHING]",
            "67 get_stack INTEGER [2,5,7,17,26] maps[] [CTX, MEM_WRITE, SIZE_OR_ZERO, ANYTHING]",
            "68 skb_load_bytes_relative INTEGER [1,3,4,8] maps[] [CTX, ANYTHING, MEM_WRITE, SIZE, ANYTHING]",
            "69 fib_lookup INTEGER [3,4,6] maps[] [CTX, MEM_WRITE, SIZE, ANYTHING]",
            "79 skb_cgroup_id INTEGER [3,4,8] maps[] [CTX]",
            "80 get_current_cgroup_id INTEGER all maps[] []",
            "83 skb_ancestor_cgroup_id INTEGER [3,4,8] maps[] [CTX, ANYTHING]",
            "97 skb_ecn_set_ce INTEGER [3,4,8] maps[] [CTX]",
            "109 send_signal INTEGER all maps[] [ANYTHING]",
            "112 probe_read_user INTEGER all maps[] [MEM_WRITE, SIZE_OR_ZERO, ANYTHING]",
            "113 probe_read_kernel INTEGER all maps[] [MEM_WRITE, SIZE_OR_ZERO, ANYTHING]",
            "114 probe_read_user_str INTEGER all maps[] [MEM_WRITE, SIZE_OR_ZERO, ANYTHING]",
            "115 probe_read_kernel_str INTEGER all maps[] [MEM_WRITE, SIZE_OR_ZERO, ANYTHING]",
            "117 send_signal_thread INTEGER all maps[] [ANYTHING]",
            "118 jiffies64 INTEGER all maps[] []",
            "120 get_ns_current_pid_tgid INTEGER all maps[] [ANYTHING, ANYTHING, MEM_WRITE, SIZE]",
            "123 get_current_ancestor_cgroup_id INTEGER all maps[] [ANYTHING]",
            "125 ktime_get_boot_ns INTEGER all maps[] []",
            "130 ringbuf_output INTEGER all maps[27] [MAP_PTR, MEM_READ, SIZE_OR_ZERO, ANYTHING]",
            "131 ringbuf_reserve RINGBUF_MEM_OR_NULL all maps[27] [MAP_PTR, ALLOC_SIZE, ANYTHING]",
            "132 ringbuf_submit VOID all maps[] [RINGBUF_RELEASE, ANYTHING]",
            "133 ringbuf_discard VOID all maps[] [RINGBUF_RELEASE, ANYTHING]",
            "134 ringbuf_query INTEGER all maps[27] [MAP_PTR, ANYTHING]",
            "135 csum_level INTEGER [3,4] maps[] [CTX, ANYTHING]",
            "151 skb_cgroup_classid INTEGER [3,4] maps[] [CTX]",
            "152 redirect_neigh INTEGER [3,4] maps[] [ANYTHING, MEM_READ_OR_NULL, SIZE_OR_ZERO, ANYTHING]",
            "155 redirect_peer INTEGER [3,4] maps[] [ANYTHING, ANYTHING]",
            "160 ktime_get_coarse_ns INTEGER [1,3,4,6,8,14] maps[] []",
            "173 get_func_ip INTEGER [2] maps[] [CTX]",
            "174 get_attach_cookie INTEGER [2,5,7,17,26] maps[] [CTX]",
            "176 get_branch_snapshot INTEGER all maps[] [MEM_WRITE, SIZE_OR_ZERO, ANYTHING]",
            "182 strncmp INTEGER all maps[] [MEM_READ, SIZE, CONST_STR]",
            "188 xdp_get_buff_len INTEGER [6,26] maps[] [CTX]",
            "189 xdp_load_bytes INTEGER [6] maps[] [CTX, ANYTHING, MEM_WRITE, SIZE]",
            "190 xdp_store_bytes INTEGER [6] maps[] [CTX, ANYTHING, MEM_READ, SIZE]",
            "192 skb_set_tstamp INTEGER [3,4] maps[] [CTX, ANYTHING, ANYTHING]",
            "208 ktime_get_tai_ns INTEGER all maps[] []");

    @Test void prototypesAreTheOnesTheSimulationChecksAgainst() {
        List<String> actual = new ArrayList<>();
        for (HelperSpec h : HelperTable.all().values()) if (h.hasPrototype()) actual.add(describe(h));
        assertEquals(PROTOTYPES, actual);
    }

    /** The list read straight from core's classes is the resource the class loader serves, row for row. */
    @Test void theShippedListIsTheResource() throws Exception {
        String resource;
        try (var in = KernelHelperList.class.getResourceAsStream(KernelHelperList.RESOURCE)) {
            resource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        KernelHelperList.Listing shipped = KernelHelperList.load();
        assertEquals(resource, shipped.text());
        assertEquals(212, shipped.rows().size());
        assertEquals(java.util.Set.of(1, 2, 3, 4, 5, 6, 7, 8, 14, 17, 26), shipped.rows().get(1).programTypes());
        assertEquals(java.util.Set.of(), shipped.rows().get(0).programTypes(), "bpf_unspec: no type may call it");
    }

    @Test void idsAndNamesRoundTrip() {
        assertEquals(212, HelperTable.all().size(), "every helper of the 6.18 kernel, bpf_unspec#0 included");
        for (HelperSpec h : HelperTable.all().values()) {
            assertSame(h, HelperTable.byId(h.id()));
            assertSame(h, HelperTable.byName(h.name()));
            assertSame(h, HelperTable.byName("bpf_" + h.name()));
            assertEquals("bpf_" + h.name() + "#" + h.id(), HelperTable.logName(h.id()));
            assertEquals(h.hasPrototype() ? h : null, HelperTable.prototype(h.id()));
        }
        assertEquals("bpf_map_lookup_elem#1", HelperTable.logName(HelperTable.MAP_LOOKUP_ELEM));
        assertEquals("bpf_loop#181", HelperTable.logName(HelperTable.LOOP));
        assertEquals("bpf_tail_call#12", HelperTable.byName("tail_call").logName());
        HelperSpec tailCall = HelperTable.prototype(HelperTable.TAIL_CALL);
        assertEquals(List.of(ArgKind.CTX, ArgKind.MAP_PTR, ArgKind.ANYTHING), tailCall.args());
        assertTrue(HelperTable.compatible(tailCall, MapTypes.PROG_ARRAY));
        assertFalse(HelperTable.compatible(HelperTable.prototype(HelperTable.MAP_LOOKUP_ELEM), MapTypes.PROG_ARRAY));
        // tracing programs get a bpf_get_socket_cookie taking a kernel socket pointer, which the table does not describe
        assertNull(HelperTable.prototype(HelperTable.GET_SOCKET_COOKIE, org.jbpf.core.program.ProgramTypes.TRACING));
        assertEquals(List.of(ArgKind.CTX),
                HelperTable.prototype(HelperTable.GET_SOCKET_COOKIE, org.jbpf.core.program.ProgramTypes.SOCKET_FILTER).args());
        assertEquals("#999", HelperTable.logName(999));
        assertNull(HelperTable.byId(999));
        assertNull(HelperTable.byName("bpf_no_such_helper"));
    }

    @SuppressWarnings("deprecation")
    @Test void deprecatedHelperNamesGivesTheTableValues() {
        assertEquals(HelperTable.RINGBUF_RESERVE, HelperNames.RINGBUF_RESERVE);
        assertEquals(131, HelperNames.RINGBUF_RESERVE);
        assertEquals("bpf_get_current_pid_tgid#14", HelperNames.name(14));
        assertEquals("#998", HelperNames.name(998));
    }

    @Test void callersAndMapsAreCheckedBothWays() {
        HelperSpec probeRead = HelperTable.byId(HelperTable.PROBE_READ), lookup = HelperTable.byId(HelperTable.MAP_LOOKUP_ELEM);
        assertTrue(probeRead.allowedIn(ProgramTypes.KPROBE));
        assertTrue(probeRead.allowedIn(ProgramTypes.PERF_EVENT));
        assertFalse(probeRead.allowedIn(ProgramTypes.XDP));
        assertFalse(probeRead.allowedIn(ProgramTypes.SOCKET_FILTER));
        assertTrue(lookup.allowedIn(ProgramTypes.XDP));
        HelperSpec coarse = HelperTable.byId(HelperTable.KTIME_GET_COARSE_NS), fib = HelperTable.byId(HelperTable.FIB_LOOKUP);
        assertFalse(coarse.allowedIn(ProgramTypes.KPROBE), "the kernel offers ktime_get_coarse_ns to no tracing type");
        assertTrue(coarse.allowedIn(ProgramTypes.XDP));
        assertTrue(fib.allowedIn(ProgramTypes.XDP));
        assertTrue(fib.allowedIn(ProgramTypes.SCHED_ACT));
        assertFalse(fib.allowedIn(ProgramTypes.CGROUP_SKB));
        assertFalse(HelperTable.byName("sys_bpf").allowedIn(ProgramTypes.KPROBE), "sleepable programs only");
        assertFalse(HelperTable.byName("sys_bpf").hasPrototype());
        assertTrue(HelperTable.compatible(lookup, MapTypes.HASH));
        assertFalse(HelperTable.compatible(lookup, MapTypes.RINGBUF), "ring buffers only go to ringbuf helpers");
        assertFalse(HelperTable.compatible(lookup, MapTypes.STACK_TRACE));
        assertTrue(HelperTable.compatible(HelperTable.byId(HelperTable.RINGBUF_RESERVE), MapTypes.RINGBUF));
        assertFalse(HelperTable.compatible(HelperTable.byId(HelperTable.RINGBUF_RESERVE), MapTypes.HASH));
        assertTrue(HelperTable.compatible(HelperTable.byId(HelperTable.GET_STACKID), MapTypes.STACK_TRACE));
        assertFalse(HelperTable.compatible(HelperTable.byId(HelperTable.PERF_EVENT_OUTPUT), MapTypes.RINGBUF));
    }
}
