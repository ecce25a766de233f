package org.jbpf.loader;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Fd;

/**
 * What the kernel says about a map fd ({@code struct bpf_map_info} through {@code BPF_OBJ_GET_INFO_BY_FD}), with the
 * BTF its creator described its key and value with ({@code btfId} 0 when none; see {@link MapBtf}).
 */
public record MapInfo(int type, int id, int keySize, int valueSize, int maxEntries, int flags, String name, int btfId,
                      int btfKeyTypeId, int btfValueTypeId) {
    // offsets in struct bpf_map_info
    private static final int TYPE = 0, ID = 4, KEY_SIZE = 8, VALUE_SIZE = 12, MAX_ENTRIES = 16, FLAGS = 20, NAME = 24,
            BTF_ID = 64, BTF_KEY_TYPE_ID = 68, BTF_VALUE_TYPE_ID = 72, INFO_SIZE = 88;

    public MapInfo(int type, int id, int keySize, int valueSize, int maxEntries, int flags, String name) {
        this(type, id, keySize, valueSize, maxEntries, flags, name, 0, 0, 0);
    }

    public static MapInfo of(Fd map) {
        Memory info = new Memory(INFO_SIZE);
        info.clear();
        BpfSyscalls.ObjectKind kind = map.syscalls().objectKind(map.value());
        if (kind != BpfSyscalls.ObjectKind.MAP)
            throw new BpfException(map + " is a " + kind.name().toLowerCase() + " object, not a map; its info has another layout");
        map.syscalls().objGetInfoByFd(map.value(), info, INFO_SIZE);
        byte[] nameBytes = info.getByteArray(NAME, BpfAttrs.OBJ_NAME_LEN);
        int len = 0;
        while (len < nameBytes.length && nameBytes[len] != 0) len++;
        return new MapInfo(info.getInt(TYPE), info.getInt(ID), info.getInt(KEY_SIZE), info.getInt(VALUE_SIZE),
                info.getInt(MAX_ENTRIES), info.getInt(FLAGS), new String(nameBytes, 0, len, StandardCharsets.US_ASCII),
                info.getInt(BTF_ID), info.getInt(BTF_KEY_TYPE_ID), info.getInt(BTF_VALUE_TYPE_ID));
    }
}
