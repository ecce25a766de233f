package org.jbpf.loader.sys;

import com.sun.jna.Pointer;

/**
 * Encoders of {@code union bpf_attr} for each command the loader issues. Offsets are those of the UAPI header
 * {@code include/uapi/linux/bpf.h} on 64-bit little-endian machines; each group below lists one anonymous struct of
 * the union.
 */
public final class BpfAttrs {
    private BpfAttrs() {}

    /** Length of the fixed name arrays ({@code BPF_OBJ_NAME_LEN}), including the NUL. */
    public static final int OBJ_NAME_LEN = 16;

    // BPF_MAP_CREATE
    static final int MAP_TYPE = 0, KEY_SIZE = 4, VALUE_SIZE = 8, MAX_ENTRIES = 12, MAP_FLAGS = 16, INNER_MAP_FD = 20,
            NUMA_NODE = 24, MAP_NAME = 28, MAP_IFINDEX = 44, MAP_BTF_FD = 48, BTF_KEY_TYPE_ID = 52,
            BTF_VALUE_TYPE_ID = 56, MAP_EXTRA = 64;

    // BPF_MAP_*_ELEM and BPF_MAP_GET_NEXT_KEY
    static final int ELEM_MAP_FD = 0, ELEM_KEY = 8, ELEM_VALUE = 16, ELEM_FLAGS = 24;

    // BPF_MAP_*_BATCH
    static final int BATCH_IN = 0, BATCH_OUT = 8, BATCH_KEYS = 16, BATCH_VALUES = 24, BATCH_COUNT = 32,
            BATCH_MAP_FD = 36, BATCH_ELEM_FLAGS = 40, BATCH_FLAGS = 48;

    // BPF_PROG_LOAD
    static final int PROG_TYPE = 0, INSN_CNT = 4, INSNS = 8, LICENSE = 16, LOG_LEVEL = 24, LOG_SIZE = 28,
            LOG_BUF = 32, KERN_VERSION = 40, PROG_FLAGS = 44, PROG_NAME = 48, PROG_IFINDEX = 64,
            EXPECTED_ATTACH_TYPE = 68, PROG_BTF_FD = 72, FUNC_INFO_REC_SIZE = 76, FUNC_INFO = 80, FUNC_INFO_CNT = 88,
            LINE_INFO_REC_SIZE = 92, LINE_INFO = 96, LINE_INFO_CNT = 104, ATTACH_BTF_ID = 108;

    // BPF_OBJ_PIN / BPF_OBJ_GET
    static final int PATHNAME = 0, BPF_FD = 8, FILE_FLAGS = 12;

    // BPF_BTF_LOAD
    static final int BTF = 0, BTF_LOG_BUF = 8, BTF_SIZE = 16, BTF_LOG_SIZE = 20, BTF_LOG_LEVEL = 24;

    // BPF_RAW_TRACEPOINT_OPEN
    static final int RAW_TP_NAME = 0, RAW_TP_PROG_FD = 8;

    // BPF_LINK_CREATE
    static final int LINK_PROG_FD = 0, LINK_TARGET = 4, LINK_ATTACH_TYPE = 8, LINK_FLAGS = 12, LINK_PERF_COOKIE = 16;

    // BPF_OBJ_GET_INFO_BY_FD
    static final int INFO_FD = 0, INFO_LEN = 4, INFO = 8;

    // BPF_PROG_TEST_RUN
    static final int TEST_PROG_FD = 0, TEST_RETVAL = 4, TEST_DATA_SIZE_IN = 8, TEST_DATA_SIZE_OUT = 12,
            TEST_DATA_IN = 16, TEST_DATA_OUT = 24, TEST_REPEAT = 32, TEST_DURATION = 36;

    /** Size in bytes of one {@code bpf_func_info} and one {@code bpf_line_info} record. */
    public static final int FUNC_INFO_SIZE = 8, LINE_INFO_SIZE = 16;

    public static BpfAttr mapCreate(int type, int keySize, int valueSize, int maxEntries, int flags, String name,
                                    int btfFd, int btfKeyType, int btfValueType) {
        BpfAttr a = new BpfAttr()
                .putInt(MAP_TYPE, type).putInt(KEY_SIZE, keySize).putInt(VALUE_SIZE, valueSize)
                .putInt(MAX_ENTRIES, maxEntries).putInt(MAP_FLAGS, flags)
                .putName(MAP_NAME, OBJ_NAME_LEN, objectName(name));
        if (btfFd > 0) a.putInt(MAP_BTF_FD, btfFd).putInt(BTF_KEY_TYPE_ID, btfKeyType).putInt(BTF_VALUE_TYPE_ID, btfValueType);
        return a;
    }

    public static BpfAttr mapFreeze(int mapFd) { return new BpfAttr().putInt(ELEM_MAP_FD, mapFd); }

    /** A new fd, with a file of its own, of the map with kernel id {@code mapId} (its {@code map_id} is the union's first word). */
    public static BpfAttr mapGetFdById(int mapId) { return new BpfAttr().putInt(0, mapId); }

    /** Lookup, update, delete or get-next-key: {@code value} is the value or next-key buffer. */
    public static BpfAttr mapElem(int mapFd, Pointer key, Pointer value, long flags) {
        return new BpfAttr().putInt(ELEM_MAP_FD, mapFd).putPointer(ELEM_KEY, key).putPointer(ELEM_VALUE, value)
                .putLong(ELEM_FLAGS, flags);
    }

    public static BpfAttr batch(int mapFd, Pointer inBatch, Pointer outBatch, Pointer keys, Pointer values, int count, long elemFlags) {
        return new BpfAttr().putPointer(BATCH_IN, inBatch).putPointer(BATCH_OUT, outBatch).putPointer(BATCH_KEYS, keys)
                .putPointer(BATCH_VALUES, values).putInt(BATCH_COUNT, count).putInt(BATCH_MAP_FD, mapFd)
                .putLong(BATCH_ELEM_FLAGS, elemFlags);
    }

    /** Elements the kernel reported in a finished batch call. */
    public static int batchCount(BpfAttr a) { return a.getInt(BATCH_COUNT); }

    public static BpfAttr objPin(String path, int fd) {
        return new BpfAttr().putPointer(PATHNAME, BpfAttr.cString(path)).putInt(BPF_FD, fd);
    }

    public static BpfAttr objGet(String path, int fileFlags) {
        return new BpfAttr().putPointer(PATHNAME, BpfAttr.cString(path)).putInt(FILE_FLAGS, fileFlags);
    }

    public static BpfAttr btfLoad(Pointer btf, int size, Pointer logBuf, int logSize, int logLevel) {
        return new BpfAttr().putPointer(BTF, btf).putInt(BTF_SIZE, size).putPointer(BTF_LOG_BUF, logBuf)
                .putInt(BTF_LOG_SIZE, logSize).putInt(BTF_LOG_LEVEL, logLevel);
    }

    public static BpfAttr rawTracepointOpen(String name, int progFd) {
        return new BpfAttr().putPointer(RAW_TP_NAME, BpfAttr.cString(name)).putInt(RAW_TP_PROG_FD, progFd);
    }

    /** {@code target} is a perf event fd, an interface index or a cgroup fd depending on {@code attachType}. */
    public static BpfAttr linkCreate(int progFd, int target, int attachType, int flags) {
        return new BpfAttr().putInt(LINK_PROG_FD, progFd).putInt(LINK_TARGET, target)
                .putInt(LINK_ATTACH_TYPE, attachType).putInt(LINK_FLAGS, flags);
    }

    public static BpfAttr objInfo(int fd, Pointer info, int infoLen) {
        return new BpfAttr().putInt(INFO_FD, fd).putInt(INFO_LEN, infoLen).putPointer(INFO, info);
    }

    public static BpfAttr testRun(int progFd, Pointer dataIn, int sizeIn, Pointer dataOut, int sizeOut, int repeat) {
        return new BpfAttr().putInt(TEST_PROG_FD, progFd).putPointer(TEST_DATA_IN, dataIn).putInt(TEST_DATA_SIZE_IN, sizeIn)
                .putPointer(TEST_DATA_OUT, dataOut).putInt(TEST_DATA_SIZE_OUT, sizeOut).putInt(TEST_REPEAT, repeat);
    }

    public static int testRunRetval(BpfAttr a) { return a.getInt(TEST_RETVAL); }
    public static int testRunDuration(BpfAttr a) { return a.getInt(TEST_DURATION); }
    public static int testRunSizeOut(BpfAttr a) { return a.getInt(TEST_DATA_SIZE_OUT); }

    /** The kernel accepts only [A-Za-z0-9_.] in object names and at most 15 of them; other characters become '_'. */
    public static String objectName(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (sb.length() == OBJ_NAME_LEN - 1) break;
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' ? c : '_');
        }
        return sb.toString();
    }

    /**
     * The fields of a {@code BPF_PROG_LOAD}, set one by one (each setter is named after its field) and read back by
     * whichever {@link BpfSyscalls} issues the command; {@link #attr} encodes them.
     */
    public static final class ProgLoad {
        private int type, insnCount, logSize, logLevel, expectedAttachType, btfFd, funcInfoCount, lineInfoCount, attachBtfId;
        private Pointer insns, logBuf, funcInfo, lineInfo;
        private String license = "", name = "";

        public ProgLoad type(int t) { type = t; return this; }
        public ProgLoad insns(Pointer code, int count) { insns = code; insnCount = count; return this; }
        public ProgLoad license(String l) { license = l; return this; }
        public ProgLoad log(Pointer buf, int size, int level) { logBuf = buf; logSize = size; logLevel = level; return this; }
        public ProgLoad name(String n) { name = n; return this; }
        public ProgLoad expectedAttachType(int t) { expectedAttachType = t; return this; }
        /** The kernel BTF type a tracing program attaches to (0: none). */
        public ProgLoad attachBtfId(int id) { attachBtfId = id; return this; }
        public ProgLoad btf(int fd) { btfFd = fd; return this; }
        public ProgLoad funcInfo(Pointer records, int count) { funcInfo = records; funcInfoCount = count; return this; }
        public ProgLoad lineInfo(Pointer records, int count) { lineInfo = records; lineInfoCount = count; return this; }

        public int type() { return type; }
        public int insnCount() { return insnCount; }
        public Pointer insns() { return insns; }
        public String license() { return license; }
        public String name() { return name; }
        public int expectedAttachType() { return expectedAttachType; }
        public int attachBtfId() { return attachBtfId; }
        public int btfFd() { return btfFd; }
        public int funcInfoCount() { return funcInfoCount; }
        public int lineInfoCount() { return lineInfoCount; }
        public Pointer logBuf() { return logBuf; }
        public int logSize() { return logSize; }
        public int logLevel() { return logLevel; }

        public BpfAttr attr() {
            BpfAttr a = new BpfAttr().putInt(PROG_TYPE, type).putPointer(INSNS, insns).putInt(INSN_CNT, insnCount)
                    .putPointer(LICENSE, BpfAttr.cString(license)).putName(PROG_NAME, OBJ_NAME_LEN, objectName(name))
                    .putInt(EXPECTED_ATTACH_TYPE, expectedAttachType).putInt(PROG_BTF_FD, btfFd);
            if (attachBtfId != 0) a.putInt(ATTACH_BTF_ID, attachBtfId);
            if (logBuf != null) a.putPointer(LOG_BUF, logBuf).putInt(LOG_SIZE, logSize).putInt(LOG_LEVEL, logLevel);
            if (funcInfo != null)
                a.putInt(FUNC_INFO_REC_SIZE, FUNC_INFO_SIZE).putPointer(FUNC_INFO, funcInfo).putInt(FUNC_INFO_CNT, funcInfoCount);
            if (lineInfo != null)
                a.putInt(LINE_INFO_REC_SIZE, LINE_INFO_SIZE).putPointer(LINE_INFO, lineInfo).putInt(LINE_INFO_CNT, lineInfoCount);
            return a;
        }
    }
}
