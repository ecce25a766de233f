package org.jbpf.loader;

import com.sun.jna.Memory;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.loader.sys.BpfAttr;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

/**
 * The BTF the kernel keeps for a map its creator described with types (jbpf's loader and libbpf pass the object's
 * BTF at map creation), read back by id ({@code BPF_BTF_GET_FD_BY_ID}, then {@code BPF_OBJ_GET_INFO_BY_FD} with a
 * buffer): a pinned map opened on its own, without its object, still has its key and value types, its structs'
 * fields and the marks jbpf keeps as typedefs (histograms, text, addresses).
 */
public final class MapBtf {
    private MapBtf() {}

    // struct bpf_btf_info: __aligned_u64 btf; __u32 btf_size; __u32 id; __aligned_u64 name; __u32 name_len; __u32 kernel_btf;
    private static final int BTF = 0, BTF_SIZE = 8, INFO_SIZE = 32;

    /** The types of the map {@code info} describes, or null when it has none or the kernel does not give them. */
    public static Btf of(MapInfo info) {
        if (info.btfId() == 0 || info.btfValueTypeId() == 0) return null;
        try (Fd btf = Sys.bpfFd(BpfCmd.BTF_GET_FD_BY_ID, new BpfAttr().putInt(0, info.btfId()), "BTF " + info.btfId(),
                "BPF_BTF_GET_FD_BY_ID of the BTF of map " + info.name())) {
            Memory meta = new Memory(INFO_SIZE);
            meta.clear();
            btf.syscalls().objGetInfoByFd(btf.value(), meta, INFO_SIZE);   // the size first
            int size = meta.getInt(BTF_SIZE);
            if (size <= 0) return null;
            Memory data = new Memory(size);
            meta.clear();
            meta.setLong(BTF, com.sun.jna.Pointer.nativeValue(data));
            meta.setInt(BTF_SIZE, size);
            btf.syscalls().objGetInfoByFd(btf.value(), meta, INFO_SIZE);
            return BtfReader.readLazily(data.getByteArray(0, size), "BTF " + info.btfId() + " of map " + info.name());
        } catch (RuntimeException unavailable) {
            return null;   // no privilege to read it, or BTF this reader does not take: the map prints by its sizes
        }
    }
}
