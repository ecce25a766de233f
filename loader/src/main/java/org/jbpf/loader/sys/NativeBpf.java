package org.jbpf.loader.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link BpfSyscalls} on the running kernel. The element and batch commands reuse one zeroed {@code bpf_attr} per
 * thread and call bpf(2) through {@link LibC}, by JNA direct mapping once the process has made a few hundred calls, so
 * a map operation then allocates no native memory and no Java objects on its success path; the rarer commands encode
 * a fresh {@link BpfAttr} through {@link BpfAttrs}.
 */
final class NativeBpf implements BpfSyscalls {
    static final NativeBpf INSTANCE = new NativeBpf();

    /** One attr per thread for the element and batch commands; each call writes every field it uses. */
    private static final ThreadLocal<Memory> ATTR = new ZeroedAttr();

    /** A zeroed attr for each thread (a class, not a lambda: linking a lambda costs more at start than this runs). */
    private static final class ZeroedAttr extends ThreadLocal<Memory> {
        @Override protected Memory initialValue() {
            Memory m = new Memory(BpfAttr.SIZE);
            m.clear();
            return m;
        }
    }

    private NativeBpf() {}

    private static int call(int cmd, Memory attr) {
        try {
            LibC.syscall(Sys.SYS_BPF, cmd, Pointer.nativeValue(attr), BpfAttr.SIZE, 0, 0);
            return 0;
        } catch (LastErrorException e) {
            return e.getErrorCode();
        }
    }

    private static long address(Pointer p) { return p == null ? 0 : Pointer.nativeValue(p); }

    private int elem(int cmd, int mapFd, Pointer key, Pointer value, long flags) {
        Memory a = ATTR.get();
        a.setLong(0, mapFd & 0xffffffffL);  // map_fd and its padding
        a.setLong(BpfAttrs.ELEM_KEY, address(key));
        a.setLong(BpfAttrs.ELEM_VALUE, address(value));
        a.setLong(BpfAttrs.ELEM_FLAGS, flags);
        try {
            return call(cmd, a);
        } finally {
            Reference.reachabilityFence(key);
            Reference.reachabilityFence(value);
        }
    }

    @Override public int mapLookupElem(int mapFd, Pointer key, Pointer value, long flags) {
        return elem(BpfCmd.MAP_LOOKUP_ELEM, mapFd, key, value, flags);
    }

    @Override public int mapUpdateElem(int mapFd, Pointer key, Pointer value, long flags) {
        return elem(BpfCmd.MAP_UPDATE_ELEM, mapFd, key, value, flags);
    }

    @Override public int mapDeleteElem(int mapFd, Pointer key) { return elem(BpfCmd.MAP_DELETE_ELEM, mapFd, key, null, 0); }

    @Override public int mapGetNextKey(int mapFd, Pointer key, Pointer nextKey) {
        return elem(BpfCmd.MAP_GET_NEXT_KEY, mapFd, key, nextKey, 0);
    }

    @Override public int mapLookupBatch(int mapFd, Pointer inBatch, Pointer outBatch, Pointer keys, Pointer values, int[] count,
                                        long elemFlags) {
        Memory a = ATTR.get();
        a.setLong(BpfAttrs.BATCH_IN, address(inBatch));
        a.setLong(BpfAttrs.BATCH_OUT, address(outBatch));
        a.setLong(BpfAttrs.BATCH_KEYS, address(keys));
        a.setLong(BpfAttrs.BATCH_VALUES, address(values));
        a.setInt(BpfAttrs.BATCH_COUNT, count[0]);
        a.setInt(BpfAttrs.BATCH_MAP_FD, mapFd);
        a.setLong(BpfAttrs.BATCH_ELEM_FLAGS, elemFlags);
        a.setLong(BpfAttrs.BATCH_FLAGS, 0);
        try {
            int err = call(BpfCmd.MAP_LOOKUP_BATCH, a);
            count[0] = a.getInt(BpfAttrs.BATCH_COUNT);
            return err;
        } finally {
            a.clear();  // the element commands need the bytes past their fields zero again
            Reference.reachabilityFence(inBatch);
            Reference.reachabilityFence(outBatch);
            Reference.reachabilityFence(keys);
            Reference.reachabilityFence(values);
        }
    }

    @Override public Fd mapCreate(int type, int keySize, int valueSize, int maxEntries, int flags, String name, int btfFd,
                                  int btfKeyType, int btfValueType) {
        return Sys.bpfFd(BpfCmd.MAP_CREATE,
                BpfAttrs.mapCreate(type, keySize, valueSize, maxEntries, flags, name, btfFd, btfKeyType, btfValueType),
                "map " + name, "BPF_MAP_CREATE of map \"" + name + "\"");
    }

    @Override public int progRunOnce(int progFd) {
        BpfAttr attr = BpfAttrs.testRun(progFd, null, 0, null, 0, 0);
        Sys.bpf(BpfCmd.PROG_TEST_RUN, attr, "BPF_PROG_TEST_RUN of program fd " + progFd);
        return BpfAttrs.testRunRetval(attr);
    }

    @Override public Pointer mapMmap(int mapFd, long length) {
        return Sys.mmap(length, Sys.PROT_READ, mapFd, 0, "mmap of map fd " + mapFd);
    }

    @Override public void munmap(Pointer address, long length) { Sys.munmap(address, length); }

    @Override public void mapFreeze(int mapFd) {
        Sys.bpf(BpfCmd.MAP_FREEZE, BpfAttrs.mapFreeze(mapFd), "BPF_MAP_FREEZE of map fd " + mapFd);
    }

    @Override public Fd progLoad(BpfAttrs.ProgLoad attr) {
        return Sys.bpfFd(BpfCmd.PROG_LOAD, attr.attr(), "program " + attr.name(),
                "BPF_PROG_LOAD of program \"" + attr.name() + "\"");
    }

    @Override public Fd btfLoad(Pointer btf, int size, Pointer log, int logSize, int logLevel) {
        return Sys.bpfFd(BpfCmd.BTF_LOAD, BpfAttrs.btfLoad(btf, size, log, logSize, logLevel), "BTF", "BPF_BTF_LOAD");
    }

    @Override public void objPin(String path, int fd) {
        Sys.bpf(BpfCmd.OBJ_PIN, BpfAttrs.objPin(path, fd), "BPF_OBJ_PIN at " + path);
    }

    @Override public Fd objGet(String path, int fileFlags) {
        return Sys.bpfFd(BpfCmd.OBJ_GET, BpfAttrs.objGet(path, fileFlags), "pinned object " + path, "BPF_OBJ_GET of " + path);
    }

    @Override public void objGetInfoByFd(int fd, Pointer info, int infoLen) {
        Sys.bpf(BpfCmd.OBJ_GET_INFO_BY_FD, BpfAttrs.objInfo(fd, info, infoLen), "BPF_OBJ_GET_INFO_BY_FD of fd " + fd);
    }

    /** The kernel names the anonymous inode behind each BPF fd: bpf-map, bpf-prog, bpf_link, btf. */
    @Override public ObjectKind objectKind(int fd) {
        String target;
        try {
            target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return ObjectKind.OTHER;
        }
        switch (target) {
            case "anon_inode:bpf-map": return ObjectKind.MAP;
            case "anon_inode:bpf-prog": return ObjectKind.PROGRAM;
            case "anon_inode:bpf_link": case "anon_inode:bpf-link": return ObjectKind.LINK;
            case "anon_inode:btf": return ObjectKind.BTF;
            default: return ObjectKind.OTHER;
        }
    }

    @Override public void close(int fd) { Sys.close(fd); }
}
