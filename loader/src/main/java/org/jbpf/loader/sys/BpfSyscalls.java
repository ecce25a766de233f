package org.jbpf.loader.sys;

import com.sun.jna.Pointer;

/**
 * The bpf(2) commands the loader and the map runtime issue, one typed method each, so that everything above this
 * seam can run against a fake kernel in unit tests. {@link #kernel()} is the real one.
 *
 * <p>Commands that create an object return its {@link Fd} (closed through this same seam) and throw a
 * {@link BpfException} carrying the errno. The map element and batch commands, which callers issue by the thousand
 * and whose "errors" (ENOENT, EEXIST) are ordinary answers, return the errno instead: 0 on success. Their pointers
 * must stay valid for the duration of the call only.
 */
public interface BpfSyscalls {

    /** The running kernel, through bpf(2). */
    static BpfSyscalls kernel() { return NativeBpf.INSTANCE; }

    /** What a file descriptor refers to, as far as the loader cares. */
    enum ObjectKind { MAP, PROGRAM, LINK, BTF, OTHER }

    /** {@code BPF_MAP_CREATE}; {@code btfFd} 0 creates the map without BTF types. */
    Fd mapCreate(int type, int keySize, int valueSize, int maxEntries, int flags, String name, int btfFd, int btfKeyType,
                 int btfValueType);

    int mapLookupElem(int mapFd, Pointer key, Pointer value, long flags);

    int mapUpdateElem(int mapFd, Pointer key, Pointer value, long flags);

    int mapDeleteElem(int mapFd, Pointer key);

    /** {@code key} null asks for the first key. */
    int mapGetNextKey(int mapFd, Pointer key, Pointer nextKey);

    /**
     * {@code BPF_MAP_LOOKUP_BATCH}: up to {@code count[0]} entries from the position in {@code inBatch} (null: the
     * start); the kernel writes the next position to {@code outBatch} and the number copied back to {@code count[0]}.
     * ENOENT means the walk reached the end (with {@code count[0]} entries still copied).
     */
    int mapLookupBatch(int mapFd, Pointer inBatch, Pointer outBatch, Pointer keys, Pointer values, int[] count, long elemFlags);

    /**
     * {@code BPF_PROG_TEST_RUN} of a program that takes no input (such as a raw tracepoint program run on request): runs
     * it once and returns its return value.
     */
    int progRunOnce(int progFd);

    /**
     * A read-only shared mapping of the first {@code length} bytes of a map created with {@code BPF_F_MMAPABLE} (an
     * array's values, each rounded up to 8 bytes, from index 0); release it with {@link #munmap}.
     */
    Pointer mapMmap(int mapFd, long length);

    void munmap(Pointer address, long length);

    /** {@code BPF_MAP_FREEZE}: from now on no syscall may change the map's values; programs still read them. */
    void mapFreeze(int mapFd);

    /** {@code BPF_PROG_LOAD}; the exception's errno says why the kernel refused, the log buffer (if any) how. */
    Fd progLoad(BpfAttrs.ProgLoad attr);

    /** {@code BPF_BTF_LOAD}; {@code log} may be null. */
    Fd btfLoad(Pointer btf, int size, Pointer log, int logSize, int logLevel);

    void objPin(String path, int fd);

    Fd objGet(String path, int fileFlags);

    /** {@code BPF_OBJ_GET_INFO_BY_FD}: fills {@code info} with the map, program, link or BTF info of {@code fd}. */
    void objGetInfoByFd(int fd, Pointer info, int infoLen);

    /** Which kind of object {@code fd} refers to; asked before reading its info, whose layout depends on the kind. */
    ObjectKind objectKind(int fd);

    /** close(2); errors are ignored, the descriptor is gone either way. */
    void close(int fd);
}
