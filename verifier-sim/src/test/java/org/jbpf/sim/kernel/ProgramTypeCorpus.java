package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.MapSpec;

/**
 * The program types beyond tracing, socket and xdp, each with the kernel's verdict and exact reason: return ranges
 * (cgroup_skb), who may write the packet, context fields per type, private stacks of tracing types, and BPF
 * functions that return without setting r0.
 */
final class ProgramTypeCorpus {
    private ProgramTypeCorpus() {}

    static final String TC = "tc", ACTION = "action", CGROUP_SKB = "cgroup_skb/ingress", CGROUP_SKB_EGRESS = "cgroup_skb/egress",
            SK_SKB = "sk_skb/stream_verdict", PERF_EVENT = "perf_event";

    private static final List<Entry> ALL = new ArrayList<>();
    private static final List<MapSpec> NONE = List.of();

    private static void ok(String name, String section, Insn... insns) {
        ALL.add(new Entry(name, section, NONE, List.of(insns), true, null));
    }

    private static void bad(String name, String message, String section, Insn... insns) {
        ALL.add(new Entry(name, section, NONE, List.of(insns), false, message));
    }

    private static void okWith(String name, String section, List<MapSpec> maps, Insn... insns) {
        ALL.add(new Entry(name, section, maps, List.of(insns), true, null));
    }

    private static void badWith(String name, String message, String section, List<MapSpec> maps, Insn... insns) {
        ALL.add(new Entry(name, section, maps, List.of(insns), false, message));
    }

    /** bpf_fib_lookup(ctx, fp-64, 64, 0): struct bpf_fib_lookup is 64 bytes, zeroed first. */
    private static Insn[] fibLookup() {
        List<Insn> l = new ArrayList<>();
        for (int off = -64; off < 0; off += 8) l.add(storeImm(8, R10, off, 0));
        l.addAll(List.of(mov64Reg(R2, R10), alu64Imm(ADD, R2, -64), mov64Imm(R3, 64), mov64Imm(R4, 0), call(69),
                mov64Imm(R0, 0), exit()));
        return l.toArray(new Insn[0]);
    }

    /** r2 = data, r3 = data_end; if data + 1 > data_end, skip {@code skip} instructions. */
    private static Insn[] packetByte(int skip) {
        return new Insn[] { load(4, R2, R1, 76), load(4, R3, R1, 80), mov64Reg(R4, R2), alu64Imm(ADD, R4, 1),
                jumpReg(JGT, R4, R3, skip) };
    }

    /** {@code n} instructions that change nothing the program depends on. */
    private static Insn[] padding(int n) {
        Insn[] l = new Insn[n];
        for (int i = 0; i < n; i++) l[i] = mov64Imm(R3, i);
        return l;
    }

    /** main keeps {@code mainDepth} bytes of stack and calls a function keeping {@code calleeDepth}. */
    private static Insn[] stackChain(int mainDepth, int calleeDepth) {
        return new Insn[] { storeImm(8, R10, -mainDepth, 0), callLocal("f", 2), mov64Imm(R0, 0), exit(),
                storeImm(8, R10, -calleeDepth, 0), mov64Imm(R0, 0), exit() };
    }

    static {
        // ---- return ranges ------------------------------------------------------------------------------------
        ok("cgroup_skb_returns_pass", CGROUP_SKB, mov64Imm(R0, 1), exit());
        bad("cgroup_skb_returns_two", "At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]",
                CGROUP_SKB, mov64Imm(R0, 2), exit());
        ok("cgroup_skb_egress_returns_three", CGROUP_SKB_EGRESS, mov64Imm(R0, 3), exit());
        bad("cgroup_skb_egress_returns_four", "At program exit the register R0 has smin=4 smax=4 should have been in [0, 3]",
                CGROUP_SKB_EGRESS, mov64Imm(R0, 4), exit());
        bad("cgroup_skb_returns_any_number", "At program exit the register R0 has unknown scalar value should have been in [0, 1]",
                CGROUP_SKB, call(7), exit());
        ok("cgroup_skb_returns_masked_number", CGROUP_SKB, call(7), alu64Imm(AND, R0, 1), exit());
        bad("cgroup_skb_returns_context", "At program exit the register R0 is not a known value (ctx)",
                CGROUP_SKB, mov64Reg(R0, R1), exit());
        // the value decides the range only on the path that reaches the exit: pruning must keep r0 precise
        bad("cgroup_skb_returns_two_on_one_path", "At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]",
                CGROUP_SKB, load(4, R2, R1, 0), mov64Imm(R0, 1), jumpImm(JGT, R2, 100, 1), mov64Imm(R0, 2), exit());
        // the path returning 1 leaves a state at the undecided jump first; the one returning 2 must not be pruned there
        bad("cgroup_skb_returns_two_after_a_join", "At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]",
                CGROUP_SKB, cat(load(4, R4, R1, 4), load(4, R2, R1, 0), mov64Imm(R0, 2), jumpImm(JGT, R2, 100, 1),
                        mov64Imm(R0, 1), padding(4), jumpImm(JEQ, R4, 7, 0), exit()));
        ok("sk_skb_returns_any_number", SK_SKB, call(7), exit());
        ok("perf_event_returns_any_number", PERF_EVENT, call(7), exit());
        ok("action_returns_any_number", ACTION, call(7), exit());

        // ---- packets ------------------------------------------------------------------------------------------
        ok("cgroup_skb_reads_packet", CGROUP_SKB, cat(packetByte(1), load(1, R0, R2, 0), mov64Imm(R0, 1), exit()));
        bad("cgroup_skb_writes_packet", "cannot write into packet", CGROUP_SKB,
                cat(packetByte(1), storeImm(1, R2, 0, 0), mov64Imm(R0, 1), exit()));
        ok("sk_skb_writes_packet", SK_SKB, cat(packetByte(1), storeImm(1, R2, 0, 0), mov64Imm(R0, 1), exit()));
        ok("action_writes_packet", ACTION, cat(packetByte(1), storeImm(1, R2, 0, 0), mov64Imm(R0, 0), exit()));
        bad("cgroup_skb_reads_packet_unchecked", "R2 offset is outside of the packet", CGROUP_SKB,
                load(4, R2, R1, 76), load(1, R0, R2, 0), mov64Imm(R0, 1), exit());

        // ---- legacy packet loads: socket filters and tc programs only -----------------------------------------------
        ok("tc_ld_abs", TC, mov64Reg(R6, R1), new Insn(LD | ABS | B, 0, 0, 0, 12), exit());
        ok("action_ld_ind", ACTION, mov64Reg(R6, R1), mov64Imm(R7, 2), new Insn(LD | IND | H, 0, R7, 0, 12), exit());
        bad("cgroup_skb_ld_abs", "BPF_LD_[ABS|IND] instructions not allowed for this program type", CGROUP_SKB,
                mov64Reg(R6, R1), new Insn(LD | ABS | B, 0, 0, 0, 12), mov64Imm(R0, 1), exit());
        bad("sk_skb_ld_abs", "BPF_LD_[ABS|IND] instructions not allowed for this program type", SK_SKB,
                mov64Reg(R6, R1), new Insn(LD | ABS | B, 0, 0, 0, 12), exit());

        // ---- context fields -----------------------------------------------------------------------------------
        ok("socket_reads_napi_id", SOCKET, load(4, R0, R1, 84), mov64Imm(R0, 0), exit());
        ok("socket_reads_cb_byte", SOCKET, load(1, R0, R1, 49), mov64Imm(R0, 0), exit());
        ok("tc_reads_cb_pair", TC, load(8, R0, R1, 48), mov64Imm(R0, 0), exit());
        ok("tc_reads_half_of_len", TC, load(2, R0, R1, 2), mov64Imm(R0, 0), exit());
        bad("tc_writes_hash", "invalid bpf_context access off=68 size=4", TC, mov64Imm(R2, 0), store(4, R1, 68, R2),
                mov64Imm(R0, 0), exit());
        ok("action_writes_mark", ACTION, mov64Imm(R2, 1), store(4, R1, 8, R2), mov64Imm(R0, 0), exit());
        ok("cgroup_skb_reads_remote_port", CGROUP_SKB, load(4, R0, R1, 132), mov64Imm(R0, 1), exit());
        bad("cgroup_skb_reads_half_an_address", "invalid bpf_context access off=92 size=2", CGROUP_SKB,
                load(2, R0, R1, 92), mov64Imm(R0, 1), exit());
        bad("sk_skb_reads_mark", "invalid bpf_context access off=8 size=4", SK_SKB, load(4, R0, R1, 8), mov64Imm(R0, 0), exit());
        ok("sk_skb_writes_priority", SK_SKB, mov64Imm(R2, 1), store(4, R1, 32, R2), mov64Imm(R0, 0), exit());
        bad("xdp_reads_egress_ifindex", "invalid bpf_context access off=20 size=4", XDP, load(4, R0, R1, 20),
                mov64Imm(R0, 2), exit());
        ok("perf_event_reads_sample_period_low_half", PERF_EVENT, load(4, R0, R1, 168), mov64Imm(R0, 0), exit());
        bad("perf_event_reads_half_a_register", "invalid bpf_context access off=0 size=4", PERF_EVENT,
                load(4, R0, R1, 0), mov64Imm(R0, 0), exit());
        bad("perf_event_writes_context", "invalid bpf_context access off=176 size=8", PERF_EVENT, mov64Imm(R2, 0),
                store(8, R1, 176, R2), mov64Imm(R0, 0), exit());

        // ---- stacks: tracing types give a function using 64 bytes or more a stack of its own ----------------------
        bad("combined_stack_cgroup_skb", "combined stack size of 2 calls is 608. Too large", CGROUP_SKB, stackChain(400, 200));
        bad("combined_stack_sk_skb", "combined stack size of 2 calls is 608. Too large", SK_SKB, stackChain(400, 200));
        ok("private_stack_perf_event", PERF_EVENT, stackChain(400, 200));

        // ---- BPF functions may return without setting r0; the caller may then not read it ------------------------
        ok("function_returns_without_r0", SOCKET, callLocal("f", 2), mov64Imm(R0, 0), exit(), exit());
        bad("caller_reads_unset_r0", "R0 !read_ok", SOCKET, callLocal("f", 1), exit(), exit());
        ok("function_returns_r0_only_on_one_path", SOCKET, callLocal("f", 2), mov64Imm(R0, 0), exit(),
                load(4, R2, R1, 0), jumpImm(JGT, R2, 5, 1), mov64Imm(R0, 1), exit());
    }

    static {
        // ---- helpers: which types the kernel offers each to (its own list), packets as helper memory, tail calls ----
        bad("socket_calls_probe_read", "program of this type cannot use helper bpf_probe_read#4", SOCKET,
                mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), mov64Imm(R2, 8), mov64Imm(R3, 0), call(4), mov64Imm(R0, 0), exit());
        bad("kprobe_calls_ktime_get_coarse_ns", "program of this type cannot use helper bpf_ktime_get_coarse_ns#160", KPROBE,
                call(160), mov64Imm(R0, 0), exit());
        ok("xdp_calls_ktime_get_coarse_ns", XDP, call(160), mov64Imm(R0, 2), exit());
        ok("socket_calls_get_current_task", SOCKET, call(35), mov64Imm(R0, 0), exit());
        bad("unknown_helper_id", "invalid func unknown#300", SOCKET, call(300), mov64Imm(R0, 0), exit());
        // ---- csum_diff takes null for an empty buffer, and packet memory; a helper that may move the packet
        // leaves no packet pointer behind --------------------------------------------------------------------------
        ok("csum_diff_null_and_empty", TC, storeImm(8, R10, -8, 0), mov64Imm(R1, 0), mov64Imm(R2, 0), mov64Reg(R3, R10),
                alu64Imm(ADD, R3, -8), mov64Imm(R4, 8), mov64Imm(R5, 0), call(28), mov64Imm(R0, 0), exit());
        bad("csum_diff_null_with_a_size", "R1 type=scalar expected=fp", TC, storeImm(8, R10, -8, 0), mov64Imm(R1, 0),
                mov64Imm(R2, 4), mov64Reg(R3, R10), alu64Imm(ADD, R3, -8), mov64Imm(R4, 8), mov64Imm(R5, 0), call(28),
                mov64Imm(R0, 0), exit());
        ok("csum_diff_over_the_packet", XDP, load(4, R2, R1, 0), load(4, R3, R1, 4), mov64Reg(R4, R2), alu64Imm(ADD, R4, 8),
                jumpReg(JGT, R4, R3, 7), mov64Reg(R1, R2), mov64Imm(R2, 8), mov64Imm(R3, 0), mov64Imm(R4, 0), mov64Imm(R5, 0),
                call(28), mov64Imm(R0, 2), mov64Imm(R0, 2), exit());
        bad("packet_pointer_after_skb_change_tail", "R7 invalid mem access 'scalar'", TC, cat(mov64Reg(R6, R1), packetByte(7),
                mov64Reg(R7, R2), mov64Reg(R1, R6), mov64Imm(R2, 64), mov64Imm(R3, 0), call(38), load(1, R0, R7, 0),
                mov64Imm(R0, 0), exit()));
        ok("xdp_fib_lookup", XDP, cat(mov64Reg(R6, R1), fibLookup()));
        ok("tc_fib_lookup", TC, fibLookup());
        ok("action_fib_lookup", ACTION, fibLookup());
        bad("cgroup_skb_fib_lookup", "program of this type cannot use helper bpf_fib_lookup#69", CGROUP_SKB, fibLookup());
        bad("fib_lookup_params_past_the_stack", "invalid write to stack R2 off=-8 size=64", XDP,
                mov64Reg(R2, R10), alu64Imm(ADD, R2, -8), mov64Imm(R3, 64), mov64Imm(R4, 0), call(69), mov64Imm(R0, 0), exit());
        ok("cgroup_skb_get_socket_uid", CGROUP_SKB, call(47), mov64Imm(R0, 1), exit());
        bad("xdp_get_socket_uid", "program of this type cannot use helper bpf_get_socket_uid#47", XDP, call(47),
                mov64Imm(R0, 2), exit());
        bad("tc_printk_from_packet", "helper access to the packet is not allowed", TC,
                cat(packetByte(4), mov64Reg(R1, R2), mov64Imm(R2, 1), call(6), mov64Imm(R0, 0), exit()));
        okWith("tc_lookup_key_in_packet", TC, List.of(HASH), load(4, R2, R1, 76), load(4, R3, R1, 80), mov64Reg(R4, R2),
                alu64Imm(ADD, R4, 4), jumpReg(JGT, R4, R3, 3), ldMap(R1, "counts"), call(1), mov64Imm(R0, 0), exit());
        okWith("cgroup_skb_lookup_key_in_packet", CGROUP_SKB, List.of(HASH), load(4, R2, R1, 76), load(4, R3, R1, 80),
                mov64Reg(R4, R2), alu64Imm(ADD, R4, 4), jumpReg(JGT, R4, R3, 3), ldMap(R1, "counts"), call(1),
                mov64Imm(R0, 1), exit());
        badWith("cgroup_skb_load_bytes_into_packet", "helper access to the packet is not allowed", CGROUP_SKB, NONE,
                load(4, R3, R1, 76), load(4, R4, R1, 80), mov64Reg(R5, R3), alu64Imm(ADD, R5, 4), jumpReg(JGT, R5, R4, 3),
                mov64Imm(R2, 0), mov64Imm(R4, 4), call(26), mov64Imm(R0, 1), exit());
        bad("tc_packet_pointer_after_pull_data", "R6 invalid mem access 'scalar'", TC,
                cat(packetByte(5), mov64Reg(R6, R2), mov64Imm(R2, 0), call(39), load(1, R0, R6, 0), mov64Imm(R0, 0), exit()));
        // a tail call from the entry function may sit beside BPF-to-BPF calls; the chain's stack then has no private parts
        okWith("tail_call_beside_function_calls", SOCKET, List.of(SoundnessCorpus.PROG_ARRAY), storeImm(8, R10, -256, 0),
                ldMap(R2, "progs"), mov64Imm(R3, 0), call(12), callLocal("f", 2), mov64Imm(R0, 0), exit(),
                storeImm(8, R10, -256, 0), mov64Imm(R0, 0), exit());
        badWith("tail_call_beside_function_calls_stack", "combined stack size of 2 calls is 528. Too large", TC,
                List.of(SoundnessCorpus.PROG_ARRAY), storeImm(8, R10, -504, 0), ldMap(R2, "progs"), mov64Imm(R3, 0), call(12),
                callLocal("f", 2), mov64Imm(R0, 0), exit(), storeImm(8, R10, -16, 0), mov64Imm(R0, 0), exit());
        badWith("tail_call_in_function_without_btf", "tail_call is not allowed in subprogs without BTF", SOCKET,
                List.of(SoundnessCorpus.PROG_ARRAY), callLocal("f", 2), mov64Imm(R0, 0), exit(), ldMap(R2, "progs"),
                mov64Imm(R3, 0), call(12), mov64Imm(R0, 0), exit());
        okWith("sk_skb_tail_call", SK_SKB, List.of(SoundnessCorpus.PROG_ARRAY), ldMap(R2, "progs"), mov64Imm(R3, 0), call(12),
                mov64Imm(R0, 0), exit());
        okWith("action_tail_call", ACTION, List.of(SoundnessCorpus.PROG_ARRAY), ldMap(R2, "progs"), mov64Imm(R3, 1), call(12),
                mov64Imm(R0, 0), exit());
    }

    static List<Entry> all() { return List.copyOf(ALL); }
}
