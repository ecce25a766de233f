package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;

/**
 * Programs on which the simulated verifier and the kernel must agree: well-formed ones and ones broken in one
 * specific way each. {@code expectOk} is what the kernel answers (the agreement test checks that too).
 */
public final class Corpus {
    private Corpus() {}

    /**
     * @param message the kernel's reason for refusing, which the simulator must give too; null to compare only verdicts
     */
    public record Entry(String name, String section, List<MapSpec> maps, List<Insn> insns, boolean expectOk, String message) {
        public Entry(String name, String section, List<MapSpec> maps, List<Insn> insns, boolean expectOk) {
            this(name, section, maps, insns, expectOk, null);
        }
    }

    static final MapSpec HASH = new MapSpec("counts", MapTypes.HASH, 4, 8, 64, 0, 0, 0);
    static final MapSpec ARRAY = new MapSpec("table", MapTypes.ARRAY, 4, 16, 8, 0, 0, 0);
    static final MapSpec RINGBUF = new MapSpec("events", MapTypes.RINGBUF, 0, 0, 4096, 0, 0, 0);
    static final MapSpec PERF = new MapSpec("perf", MapTypes.PERF_EVENT_ARRAY, 4, 4, 2, 0, 0, 0);
    static final MapSpec STACKS = new MapSpec("stacks", MapTypes.STACK_TRACE, 4, 8 * 127, 16, 0, 0, 0);

    static final String SOCKET = "socket", XDP = "xdp", TP = "tracepoint/syscalls/sys_enter_read",
            RAW_TP = "raw_tracepoint/sys_enter", KPROBE = "kprobe/do_sys_open";

    private static final List<Entry> ALL = new ArrayList<>();

    private static void ok(String name, String section, List<MapSpec> maps, Insn... insns) {
        ALL.add(new Entry(name, section, maps, List.of(insns), true));
    }

    private static void bad(String name, String section, List<MapSpec> maps, Insn... insns) {
        ALL.add(new Entry(name, section, maps, List.of(insns), false));
    }

    private static final List<MapSpec> NONE = List.of();

    /** r2 = fp-4 holding a 4-byte zero key; then r1 = map. */
    static Insn[] keyOnStack(String map) {
        return new Insn[] { storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, map) };
    }

    static Insn[] cat(Object... parts) {
        List<Insn> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Insn i) out.add(i);
            else for (Insn i : (Insn[]) p) out.add(i);
        }
        return out.toArray(new Insn[0]);
    }

    static {
        // ---- well-formed ---------------------------------------------------------------------------
        ok("return_zero_socket", SOCKET, NONE, mov64Imm(R0, 0), exit());
        ok("return_pass_xdp", XDP, NONE, mov64Imm(R0, 2), exit());
        ok("return_zero_tracepoint", TP, NONE, mov64Imm(R0, 0), exit());
        ok("map_lookup_null_checked", TP, List.of(HASH), cat(keyOnStack("counts"), call(1),
                jumpImm(JEQ, R0, 0, 3), load(8, R1, R0, 0), alu64Imm(ADD, R1, 1), store(8, R0, 0, R1),
                mov64Imm(R0, 0), exit()));
        ok("map_update_from_stack", TP, List.of(HASH), cat(storeImm(8, R10, -16, 1), keyOnStack("counts"),
                mov64Reg(R3, R10), alu64Imm(ADD, R3, -16), mov64Imm(R4, 0), call(2), mov64Imm(R0, 0), exit()));
        ok("array_lookup_last_byte", TP, List.of(ARRAY), cat(keyOnStack("table"), call(1),
                jumpImm(JEQ, R0, 0, 1), load(1, R0, R0, 15), mov64Imm(R0, 0), exit()));
        ok("ringbuf_reserve_submit", TP, List.of(RINGBUF), ldMap(R1, "events"), mov64Imm(R2, 16), mov64Imm(R3, 0),
                call(131), jumpImm(JEQ, R0, 0, 4), storeImm(8, R0, 8, 7), mov64Reg(R1, R0), mov64Imm(R2, 0),
                call(132), mov64Imm(R0, 0), exit());
        ok("ringbuf_reserve_discard", TP, List.of(RINGBUF), ldMap(R1, "events"), mov64Imm(R2, 8), mov64Imm(R3, 0),
                call(131), jumpImm(JEQ, R0, 0, 3), mov64Reg(R1, R0), mov64Imm(R2, 0), call(133),
                mov64Imm(R0, 0), exit());
        ok("ringbuf_output_stack", TP, List.of(RINGBUF), storeImm(8, R10, -8, 5), ldMap(R1, "events"),
                mov64Reg(R2, R10), alu64Imm(ADD, R2, -8), mov64Imm(R3, 8), mov64Imm(R4, 0), call(130),
                mov64Imm(R0, 0), exit());
        ok("perf_event_output_tracepoint", TP, List.of(PERF), storeImm(8, R10, -8, 5), ldMap(R2, "perf"),
                ldImm64(R3, 0xffffffffL), mov64Reg(R4, R10), alu64Imm(ADD, R4, -8), mov64Imm(R5, 8), call(25),
                mov64Imm(R0, 0), exit());
        ok("get_stackid_tracepoint", TP, List.of(STACKS), ldMap(R2, "stacks"), mov64Imm(R3, 0), call(27),
                mov64Imm(R0, 0), exit());
        ok("task_helpers_tracepoint", TP, NONE, call(14), mov64Reg(R6, R0), call(15), alu64Reg(ADD, R6, R0),
                call(5), alu64Reg(ADD, R6, R0), call(7), alu64Reg(ADD, R6, R0), call(8), alu64Reg(ADD, R0, R6), exit());
        ok("get_current_comm_stack", TP, NONE, mov64Reg(R1, R10), alu64Imm(ADD, R1, -16), mov64Imm(R2, 16),
                call(16), load(1, R0, R10, -16), exit());
        ok("trace_printk_stack_format", TP, NONE, storeImm(4, R10, -8, 0x0a6968), mov64Reg(R1, R10),
                alu64Imm(ADD, R1, -8), mov64Imm(R2, 4), call(6), mov64Imm(R0, 0), exit());
        ok("bounded_loop_ten", TP, NONE, mov64Imm(R1, 0), alu64Imm(ADD, R1, 1), jumpImm(JLT, R1, 10, -2),
                mov64Imm(R0, 0), exit());
        ok("alu64_all_operations", SOCKET, NONE, mov64Imm(R0, 100), alu64Imm(ADD, R0, 3), alu64Imm(SUB, R0, 1),
                alu64Imm(MUL, R0, 3), alu64Imm(DIV, R0, 2), alu64Imm(OR, R0, 8), alu64Imm(AND, R0, 0xff),
                alu64Imm(LSH, R0, 2), alu64Imm(RSH, R0, 1), neg64(R0), alu64Imm(MOD, R0, 1000), alu64Imm(XOR, R0, 5),
                alu64Imm(ARSH, R0, 1), exit());
        ok("tracepoint_ctx_read", TP, NONE, load(8, R0, R1, 16), exit());
        ok("raw_tracepoint_ctx_args", RAW_TP, NONE, load(8, R0, R1, 0), load(8, R2, R1, 8), alu64Reg(ADD, R0, R2), exit());
        ok("kprobe_ctx_read_di", KPROBE, NONE, load(8, R0, R1, 112), exit());
        ok("socket_read_len", SOCKET, NONE, load(4, R0, R1, 0), exit());
        ok("socket_write_cb0", SOCKET, NONE, storeImm(4, R1, 48, 1), mov64Imm(R0, 0), exit());
        ok("xdp_packet_bounds_checked", XDP, NONE, load(4, R2, R1, 0), load(4, R3, R1, 4), mov64Reg(R4, R2),
                alu64Imm(ADD, R4, 14), jumpReg(JGT, R4, R3, 1), load(1, R0, R2, 13), mov64Imm(R0, 2), exit());
        ok("atomic_add_map_value", TP, List.of(HASH), cat(keyOnStack("counts"), call(1), jumpImm(JEQ, R0, 0, 2),
                mov64Imm(R1, 1), atomic(8, ADD, R0, 0, R1), mov64Imm(R0, 0), exit()));
        ok("atomic_fetch_ops_stack", SOCKET, NONE, storeImm(8, R10, -8, 3), mov64Imm(R1, 4),
                atomic(8, ADD | FETCH, R10, -8, R1), atomic(8, XCHG, R10, -8, R1), mov64Imm(R0, 4),
                atomic(8, CMPXCHG, R10, -8, R1), atomic(4, OR, R10, -8, R1), load(8, R0, R10, -8), exit());
        ok("isa_v4_instructions", SOCKET, NONE, mov64Imm(R1, -5), movsx64(R2, R1, 8), movsx32(R3, R1, 16),
                sdivImm(DIV, true, R1, 2), sdivImm(MOD, true, R2, 3), new Insn(ALU64 | END, R1, 0, 0, 32),
                storeImm(8, R10, -8, -1), loadSigned(1, R4, R10, -8), jumpImm(JEQ, R4, 5, 1),
                new Insn(JMP32 | JA, 0, 0, 0, 1), mov64Imm(R0, 9), mov64Imm(R0, 0), exit());
        ok("bpf_to_bpf_call", SOCKET, NONE, mov64Imm(R1, 3), callLocal("twice", 2), alu64Imm(ADD, R0, 1), exit(),
                mov64Reg(R0, R1), alu64Reg(ADD, R0, R1), exit());
        ok("divide_by_register", SOCKET, NONE, load(4, R2, R1, 0), mov64Imm(R0, 10), alu64Reg(DIV, R0, R2),
                alu32Reg(MOD, R0, R2), exit());
        ok("pointer_spill_fill", TP, NONE, store(8, R10, -8, R1), load(8, R2, R10, -8), load(8, R0, R2, 8), exit());
        ok("jmp32_compare", SOCKET, NONE, load(4, R2, R1, 0), mov64Imm(R0, 0), jump32Imm(JGT, R2, 5, 1),
                mov64Imm(R0, 1), jump32Reg(JSET, R2, R0, 0), exit());
        ok("ld_abs_socket", SOCKET, NONE, mov64Reg(R6, R1), new Insn(LD | ABS | B, 0, 0, 0, 12), exit());
        ok("stack_zero_then_read", SOCKET, NONE, storeImm(8, R10, -8, 0), load(4, R0, R10, -4), exit());
        ok("probe_read_kernel_into_stack", TP, NONE, mov64Reg(R3, R1), mov64Reg(R1, R10), alu64Imm(ADD, R1, -8),
                mov64Imm(R2, 8), call(113), load(8, R0, R10, -8), exit());
        ok("var_index_into_map_value", TP, List.of(ARRAY), cat(keyOnStack("table"), call(1), jumpImm(JEQ, R0, 0, 5),
                mov64Reg(R6, R0), call(7), alu64Imm(AND, R0, 7), alu64Reg(ADD, R6, R0), load(8, R0, R6, 0),
                mov64Imm(R0, 0), exit()));
        ok("null_check_on_copy", TP, List.of(HASH), cat(keyOnStack("counts"), call(1), mov64Reg(R6, R0),
                jumpImm(JNE, R6, 0, 2), mov64Imm(R0, 0), exit(), load(8, R0, R0, 0), exit()));
        ok("jset_jsge_jsle_all", SOCKET, NONE, load(4, R2, R1, 0), mov64Imm(R0, 0), jumpImm(JSET, R2, 1, 0),
                jumpImm(JSGE, R2, 3, 0), jumpImm(JSLE, R2, 3, 0), jumpImm(JSLT, R2, 3, 0), jumpImm(JSGT, R2, 3, 0),
                jumpImm(JGE, R2, 3, 0), jumpImm(JLE, R2, 3, 0), exit());

        // ---- broken, one fault each --------------------------------------------------------------------
        bad("null_map_value_dereference", TP, List.of(HASH), cat(keyOnStack("counts"), call(1),
                load(8, R1, R0, 0), mov64Imm(R0, 0), exit()));
        // privileged loads may read stack bytes never written (the kernel lets CAP_PERFMON do so)
        ok("uninitialised_stack_key_privileged", TP, List.of(HASH), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4),
                ldMap(R1, "counts"), call(1), mov64Imm(R0, 0), exit());
        bad("map_value_out_of_bounds", TP, List.of(HASH), cat(keyOnStack("counts"), call(1), jumpImm(JEQ, R0, 0, 1),
                load(8, R1, R0, 8), mov64Imm(R0, 0), exit()));
        bad("unreleased_ringbuf_reservation", TP, List.of(RINGBUF), ldMap(R1, "events"), mov64Imm(R2, 16),
                mov64Imm(R3, 0), call(131), mov64Imm(R0, 0), exit());
        bad("unbounded_loop_no_progress", TP, NONE, mov64Imm(R0, 0), jumpImm(JEQ, R0, 1, 1), ja(-2), exit());
        bad("stack_overflow_write", SOCKET, NONE, storeImm(8, R10, -520, 0), mov64Imm(R0, 0), exit());
        bad("helper_arg_scalar_as_map", TP, NONE, storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4),
                mov64Imm(R1, 0), call(1), mov64Imm(R0, 0), exit());
        bad("scalar_dereference", SOCKET, NONE, mov64Imm(R1, 0), load(8, R0, R1, 0), exit());
        bad("write_to_r10", SOCKET, NONE, mov64Imm(R10, 0), mov64Imm(R0, 0), exit());
        bad("jump_out_of_range", SOCKET, NONE, mov64Imm(R0, 0), ja(5), exit());
        bad("uninitialised_register_read", SOCKET, NONE, mov64Reg(R0, R2), exit());
        bad("exit_without_r0", SOCKET, NONE, mov64Imm(R1, 0), exit());
        bad("divide_by_zero_immediate", SOCKET, NONE, mov64Imm(R0, 1), alu64Imm(DIV, R0, 0), exit());
        bad("tracepoint_ctx_write", TP, NONE, storeImm(8, R1, 8, 0), mov64Imm(R0, 0), exit());
        bad("kprobe_ctx_out_of_bounds", KPROBE, NONE, load(8, R0, R1, 168), exit());
        bad("map_value_unbounded_index", TP, List.of(ARRAY), cat(keyOnStack("table"), call(1), jumpImm(JEQ, R0, 0, 5),
                mov64Reg(R6, R0), call(7), alu64Reg(ADD, R6, R0), load(1, R0, R6, 0), mov64Imm(R0, 0), exit()));
        bad("map_value_index_may_reach_end", TP, List.of(ARRAY), cat(keyOnStack("table"), call(1), jumpImm(JEQ, R0, 0, 6),
                mov64Reg(R6, R0), call(7), alu64Imm(AND, R0, 15), alu64Reg(ADD, R6, R0), load(2, R0, R6, 0),
                mov64Imm(R0, 0), exit()));
        bad("ringbuf_submit_maybe_null", TP, List.of(RINGBUF), ldMap(R1, "events"), mov64Imm(R2, 16), mov64Imm(R3, 0),
                call(131), mov64Reg(R1, R0), mov64Imm(R2, 0), call(132), mov64Imm(R0, 0), exit());
        bad("ringbuf_use_after_submit", TP, List.of(RINGBUF), ldMap(R1, "events"), mov64Imm(R2, 16), mov64Imm(R3, 0),
                call(131), jumpImm(JEQ, R0, 0, 5), mov64Reg(R6, R0), mov64Reg(R1, R0), mov64Imm(R2, 0), call(132),
                storeImm(8, R6, 0, 1), mov64Imm(R0, 0), exit());
        ok("stack_read_uninitialised_privileged", SOCKET, NONE, load(8, R0, R10, -8), exit());
        bad("stack_misaligned_access", SOCKET, NONE, storeImm(8, R10, -7, 0), mov64Imm(R0, 0), exit());
        bad("arithmetic_on_nullable_pointer", TP, List.of(HASH), cat(keyOnStack("counts"), call(1),
                alu64Imm(ADD, R0, 4), mov64Imm(R0, 0), exit()));
        bad("arithmetic_on_map_pointer", TP, List.of(HASH), ldMap(R1, "counts"), alu64Imm(ADD, R1, 8),
                mov64Imm(R0, 0), exit());
        bad("bitwise_on_pointer", SOCKET, NONE, mov64Reg(R1, R10), alu64Imm(AND, R1, -8), mov64Imm(R0, 0), exit());
        bad("pointer_arithmetic_32bit", SOCKET, NONE, mov64Reg(R1, R10), alu32Imm(ADD, R1, -8), mov64Imm(R0, 0), exit());
        bad("packet_read_unchecked", XDP, NONE, load(4, R2, R1, 0), load(1, R0, R2, 0), mov64Imm(R0, 2), exit());
        bad("packet_read_past_checked_range", XDP, NONE, load(4, R2, R1, 0), load(4, R3, R1, 4), mov64Reg(R4, R2),
                alu64Imm(ADD, R4, 14), jumpReg(JGT, R4, R3, 1), load(1, R0, R2, 14), mov64Imm(R0, 2), exit());
        bad("unknown_helper_id", SOCKET, NONE, call(9999), mov64Imm(R0, 0), exit());
        bad("lookup_on_ringbuf_map", TP, List.of(RINGBUF), cat(keyOnStack("events"), call(1), mov64Imm(R0, 0), exit()));
        bad("last_insn_not_exit", SOCKET, NONE, mov64Imm(R0, 0), exit(), mov64Imm(R0, 1));
        bad("unreachable_insn", SOCKET, NONE, mov64Imm(R0, 0), exit(), exit());
        bad("modified_ctx_pointer", TP, NONE, alu64Imm(ADD, R1, 8), load(8, R0, R1, 8), exit());
        bad("invalid_opcode", SOCKET, NONE, new Insn(0xff, 0, 0, 0, 0), mov64Imm(R0, 0), exit());
        bad("perf_output_to_hash_map", TP, List.of(HASH), storeImm(8, R10, -8, 5), ldMap(R2, "counts"),
                ldImm64(R3, 0xffffffffL), mov64Reg(R4, R10), alu64Imm(ADD, R4, -8), mov64Imm(R5, 8), call(25),
                mov64Imm(R0, 0), exit());
        bad("comm_size_not_constant", TP, NONE, call(7), mov64Reg(R2, R0), mov64Reg(R1, R10), alu64Imm(ADD, R1, -16),
                call(16), mov64Imm(R0, 0), exit());
        bad("comm_buffer_too_small", TP, NONE, mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), mov64Imm(R2, 16),
                call(16), mov64Imm(R0, 0), exit());
        ok("update_with_uninitialised_value_privileged", TP, List.of(HASH), cat(keyOnStack("counts"), mov64Reg(R3, R10),
                alu64Imm(ADD, R3, -16), mov64Imm(R4, 0), call(2), mov64Imm(R0, 0), exit()));
        bad("kprobe_ctx_write", KPROBE, NONE, storeImm(8, R1, 0, 0), mov64Imm(R0, 0), exit());
        bad("loop_never_terminates_wrapping", SOCKET, NONE, mov64Imm(R1, 1), alu64Imm(ADD, R1, 1),
                jumpImm(JNE, R1, 0, -2), mov64Imm(R0, 0), exit());
        bad("socket_reads_skb_data", SOCKET, NONE, load(4, R0, R1, 76), exit());
        bad("xdp_ctx_write", XDP, NONE, storeImm(4, R1, 0, 0), mov64Imm(R0, 0), exit());
        bad("ringbuf_reserve_variable_size", TP, List.of(RINGBUF), call(7), mov64Reg(R2, R0), ldMap(R1, "events"),
                mov64Imm(R3, 0), call(131), mov64Imm(R0, 0), exit());
        bad("load_into_r10", SOCKET, NONE, storeImm(8, R10, -8, 0), load(8, R10, R10, -8), mov64Imm(R0, 0), exit());
        bad("atomic_on_ctx", SOCKET, NONE, mov64Imm(R2, 1), atomic(4, ADD, R1, 48, R2), mov64Imm(R0, 0), exit());
        ok("stack_read_partly_initialised_privileged", SOCKET, NONE, storeImm(4, R10, -8, 0), load(8, R0, R10, -8), exit());
        bad("jump_into_ldimm64", SOCKET, NONE, ja(1), ldImm64(R0, 1), mov64Imm(R0, 0), exit());
        bad("callee_reads_callers_r6", SOCKET, NONE, mov64Imm(R6, 3), callLocal("f", 1), exit(),
                mov64Reg(R0, R6), exit());
        bad("map_value_store_past_end", TP, List.of(HASH), cat(keyOnStack("counts"), call(1), jumpImm(JEQ, R0, 0, 1),
                storeImm(4, R0, 6, 1), mov64Imm(R0, 0), exit()));
        bad("divide_by_zero_immediate_32", SOCKET, NONE, mov64Imm(R0, 1), alu32Imm(MOD, R0, 0), exit());
        bad("signed_divide_by_zero_immediate", SOCKET, NONE, mov64Imm(R0, 1), sdivImm(DIV, true, R0, 0), exit());
        bad("stack_overflow_read", SOCKET, NONE, load(8, R0, R10, -520), exit());
        bad("store_above_frame_pointer", SOCKET, NONE, storeImm(8, R10, 0, 0), mov64Imm(R0, 0), exit());
        bad("packet_end_dereference", XDP, NONE, load(4, R3, R1, 4), load(1, R0, R3, 0), mov64Imm(R0, 2), exit());
        bad("map_pointer_as_key", TP, List.of(HASH), ldMap(R1, "counts"), mov64Imm(R2, 0), call(1), mov64Imm(R0, 0), exit());
        bad("raw_tracepoint_ctx_write", RAW_TP, NONE, storeImm(8, R1, 0, 0), mov64Imm(R0, 0), exit());
        bad("raw_tracepoint_ctx_out_of_bounds", RAW_TP, NONE, load(8, R0, R1, 96), exit());
        bad("tracepoint_ctx_unaligned", TP, NONE, load(8, R0, R1, 12), exit());
        bad("submit_stack_pointer", TP, List.of(RINGBUF), mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), mov64Imm(R2, 0),
                call(132), mov64Imm(R0, 0), exit());
        bad("tracepoint_ctx_common_fields", TP, NONE, load(8, R0, R1, 0), exit());
        ok("tracepoint_ctx_last_word", TP, NONE, load(8, R0, R1, 8184), exit());
        bad("tracepoint_ctx_past_record_limit", TP, NONE, load(8, R0, R1, 8192), exit());
        ok("socket_pid_tgid_helper", SOCKET, NONE, call(14), exit());
        ok("xdp_comm_helper", XDP, NONE, mov64Reg(R1, R10), alu64Imm(ADD, R1, -16), mov64Imm(R2, 16), call(16),
                mov64Imm(R0, 2), exit());
        bad("socket_get_stackid_helper", SOCKET, List.of(STACKS), ldMap(R2, "stacks"), mov64Imm(R3, 0), call(27), exit());
        bad("socket_probe_read_legacy", SOCKET, NONE, mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), mov64Imm(R2, 8),
                mov64Imm(R3, 0), call(4), mov64Imm(R0, 0), exit());
        bad("call_depth_too_deep", SOCKET, NONE, deepCalls());
        bad("combined_stack_too_large", SOCKET, NONE, storeImm(8, R10, -320, 0), callLocal("f", 1), exit(),
                storeImm(8, R10, -320, 0), mov64Imm(R0, 0), exit());
    }

    /** Nine nested calls, one frame more than the kernel allows. */
    private static Insn[] deepCalls() {
        List<Insn> l = new ArrayList<>();
        l.add(mov64Imm(R0, 0));
        for (int i = 0; i < 9; i++) { l.add(callLocal("f" + i, 1)); l.add(exit()); }
        l.add(mov64Imm(R0, 0));
        l.add(exit());
        return l.toArray(new Insn[0]);
    }

    public static List<Entry> all() {
        List<Entry> all = new ArrayList<>(ALL);
        all.addAll(SoundnessCorpus.all());
        all.addAll(LinkedScalarsCorpus.all());
        all.addAll(NarrowSpillsCorpus.all());
        all.addAll(ProgramTypeCorpus.all());
        all.addAll(PacketBoundsCorpus.all());
        all.addAll(BoundsConflictCorpus.all());
        all.addAll(SubRegisterCorpus.all());
        all.addAll(RangeRulesCorpus.all());
        all.addAll(LoopVisitsCorpus.all());
        return List.copyOf(all);
    }
}
