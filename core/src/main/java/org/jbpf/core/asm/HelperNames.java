package org.jbpf.core.asm;

import org.jbpf.core.helper.HelperTable;

/**
 * Helper ids and names, kept for code that has not moved to {@link HelperTable} yet; every value comes from there.
 *
 * @deprecated use {@link HelperTable}: its constants, {@link HelperTable#logName(int)} and the prototypes
 */
@Deprecated
public final class HelperNames {
    private HelperNames() {}

    public static final int MAP_LOOKUP_ELEM = HelperTable.MAP_LOOKUP_ELEM, MAP_UPDATE_ELEM = HelperTable.MAP_UPDATE_ELEM,
            MAP_DELETE_ELEM = HelperTable.MAP_DELETE_ELEM, PROBE_READ = HelperTable.PROBE_READ,
            KTIME_GET_NS = HelperTable.KTIME_GET_NS, TRACE_PRINTK = HelperTable.TRACE_PRINTK,
            GET_PRANDOM_U32 = HelperTable.GET_PRANDOM_U32, GET_SMP_PROCESSOR_ID = HelperTable.GET_SMP_PROCESSOR_ID,
            TAIL_CALL = HelperTable.TAIL_CALL, GET_CURRENT_PID_TGID = HelperTable.GET_CURRENT_PID_TGID,
            GET_CURRENT_UID_GID = HelperTable.GET_CURRENT_UID_GID, GET_CURRENT_COMM = HelperTable.GET_CURRENT_COMM,
            PERF_EVENT_OUTPUT = HelperTable.PERF_EVENT_OUTPUT, GET_STACKID = HelperTable.GET_STACKID,
            GET_CURRENT_TASK = HelperTable.GET_CURRENT_TASK, PROBE_READ_STR = HelperTable.PROBE_READ_STR,
            MAP_PUSH_ELEM = HelperTable.MAP_PUSH_ELEM, MAP_POP_ELEM = HelperTable.MAP_POP_ELEM,
            MAP_PEEK_ELEM = HelperTable.MAP_PEEK_ELEM, PROBE_READ_USER = HelperTable.PROBE_READ_USER,
            PROBE_READ_KERNEL = HelperTable.PROBE_READ_KERNEL, PROBE_READ_USER_STR = HelperTable.PROBE_READ_USER_STR,
            PROBE_READ_KERNEL_STR = HelperTable.PROBE_READ_KERNEL_STR, KTIME_GET_BOOT_NS = HelperTable.KTIME_GET_BOOT_NS,
            RINGBUF_OUTPUT = HelperTable.RINGBUF_OUTPUT, RINGBUF_RESERVE = HelperTable.RINGBUF_RESERVE,
            RINGBUF_SUBMIT = HelperTable.RINGBUF_SUBMIT, RINGBUF_DISCARD = HelperTable.RINGBUF_DISCARD,
            RINGBUF_QUERY = HelperTable.RINGBUF_QUERY, GET_CURRENT_TASK_BTF = HelperTable.GET_CURRENT_TASK_BTF,
            KTIME_GET_COARSE_NS = HelperTable.KTIME_GET_COARSE_NS, LOOP = HelperTable.LOOP;

    /** "bpf_name#id" for a known helper, "#id" otherwise. */
    public static String name(int id) { return HelperTable.logName(id); }
}
