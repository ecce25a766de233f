package org.jbpf.loader.sys;

/** bpf(2) commands ({@code enum bpf_cmd}). */
public final class BpfCmd {
    private BpfCmd() {}

    public static final int MAP_CREATE = 0, MAP_LOOKUP_ELEM = 1, MAP_UPDATE_ELEM = 2, MAP_DELETE_ELEM = 3,
            MAP_GET_NEXT_KEY = 4, PROG_LOAD = 5, OBJ_PIN = 6, OBJ_GET = 7, PROG_TEST_RUN = 10,
            MAP_GET_FD_BY_ID = 14, OBJ_GET_INFO_BY_FD = 15, RAW_TRACEPOINT_OPEN = 17, BTF_LOAD = 18, BTF_GET_FD_BY_ID = 19, MAP_FREEZE = 22, MAP_LOOKUP_BATCH = 24,
            MAP_UPDATE_BATCH = 26, MAP_DELETE_BATCH = 27, LINK_CREATE = 28, LINK_DETACH = 34;

    public static String name(int cmd) {
        switch (cmd) {
            case MAP_CREATE: return "BPF_MAP_CREATE";
            case MAP_LOOKUP_ELEM: return "BPF_MAP_LOOKUP_ELEM";
            case MAP_UPDATE_ELEM: return "BPF_MAP_UPDATE_ELEM";
            case MAP_DELETE_ELEM: return "BPF_MAP_DELETE_ELEM";
            case MAP_GET_NEXT_KEY: return "BPF_MAP_GET_NEXT_KEY";
            case PROG_LOAD: return "BPF_PROG_LOAD";
            case OBJ_PIN: return "BPF_OBJ_PIN";
            case OBJ_GET: return "BPF_OBJ_GET";
            case PROG_TEST_RUN: return "BPF_PROG_TEST_RUN";
            case MAP_GET_FD_BY_ID: return "BPF_MAP_GET_FD_BY_ID";
            case BTF_GET_FD_BY_ID: return "BPF_BTF_GET_FD_BY_ID";
            case OBJ_GET_INFO_BY_FD: return "BPF_OBJ_GET_INFO_BY_FD";
            case RAW_TRACEPOINT_OPEN: return "BPF_RAW_TRACEPOINT_OPEN";
            case BTF_LOAD: return "BPF_BTF_LOAD";
            case MAP_FREEZE: return "BPF_MAP_FREEZE";
            case MAP_LOOKUP_BATCH: return "BPF_MAP_LOOKUP_BATCH";
            case MAP_UPDATE_BATCH: return "BPF_MAP_UPDATE_BATCH";
            case MAP_DELETE_BATCH: return "BPF_MAP_DELETE_BATCH";
            case LINK_CREATE: return "BPF_LINK_CREATE";
            case LINK_DETACH: return "BPF_LINK_DETACH";
            default: return "bpf command " + cmd;
        }
    }
}
