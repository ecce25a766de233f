package org.jbpf.sim.verifier;

import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;

/**
 * Reads of a map's fields through its map pointer ({@code r1 = map; r0 = *(u32 *)(r1 + off)}), which the kernel
 * allows a privileged program as a read of the map's kernel struct ({@code struct bpf_htab}, {@code struct
 * bpf_array}...; its first member is the {@code struct bpf_map}), checked against the running kernel's BTF. The
 * layout comes from {@code /sys/kernel/btf/vmlinux}; where that is missing such reads are refused. Scalars and
 * arrays of scalars in {@code struct bpf_map} read as unknown numbers; pointer fields and everything after
 * {@code struct bpf_map} are not modelled and refused.
 */
final class MapFields {
    private MapFields() {}

    /** The kernel struct that holds a map of this type, or null for a type not modelled. */
    static String structOf(int mapType) {
        switch (mapType) {
            case MapTypes.HASH: case MapTypes.PERCPU_HASH: case MapTypes.LRU_HASH: case MapTypes.LRU_PERCPU_HASH: return "bpf_htab";
            case MapTypes.ARRAY: case MapTypes.PERCPU_ARRAY: case MapTypes.PROG_ARRAY: case MapTypes.PERF_EVENT_ARRAY: return "bpf_array";
            case MapTypes.RINGBUF: return "bpf_ringbuf_map";
            case MapTypes.STACK_TRACE: return "bpf_stack_map";
            default: return null;
        }
    }

    /** Checks a {@code size}-byte access at {@code off} through register {@code regno}, a pointer to {@code map}. */
    static RegState access(int regno, MapSpec map, int off, int size, boolean write) {
        String container = structOf(map.type());
        Btf btf = RunningKernelBtf.orNull();
        if (container == null || btf == null)
            throw new Reject("R" + regno + " invalid mem access 'map_ptr'", container == null
                    ? "fields of map '" + map.name() + "' (type " + MapTypes.name(map.type()) + ") cannot be read through the map"
                    : "reading fields of map '" + map.name() + "' needs the kernel's BTF (" + RunningKernelBtf.VMLINUX + "), which is missing here");
        if (off < 0)
            throw new Reject("R" + regno + " is " + container + " invalid negative access: off=" + off,
                    "a map's fields lie at positive offsets from the map");
        if (write)
            throw new Reject("only read from " + container + " is supported", "a map's own fields can only be read");
        int outerId = btf.find(BtfType.KIND_STRUCT, container), mapId = btf.find(BtfType.KIND_STRUCT, "bpf_map");
        if (outerId < 0 || mapId < 0) throw notModelled(map, off, size);
        BtfType.Struct outer = (BtfType.Struct) btf.type(outerId), bpfMap = (BtfType.Struct) btf.type(mapId);
        if (off + size > outer.size())
            throw new Reject("access beyond struct " + container + " at off " + off + " size " + size,
                    "offset " + off + " lies past the kernel's struct " + container);
        if (off + size > bpfMap.size()) throw notModelled(map, off, size);
        for (BtfType.Member m : bpfMap.members()) {
            if (m.bitfieldSize() != 0) continue;
            int moff = m.bitOffset() / 8, type = btf.resolve(m.type()), mend = moff + (int) btf.sizeOf(type);
            if (off < moff || off >= mend) continue;
            BtfType t = btf.type(type);
            if (t instanceof BtfType.Ptr) {
                if (off != moff || size != 8)
                    throw new Reject("cannot access ptr member " + m.name() + " with moff " + moff + " in struct bpf_map with off "
                            + off + " size " + size, "field " + m.name() + " of a map is a pointer: read it whole");
                throw notModelled(map, off, size);
            }
            if (!isScalar(btf, t)) throw notModelled(map, off, size);
            if (off + size > mend)
                throw new Reject("access beyond the end of member " + m.name() + " (mend:" + mend + ") in struct bpf_map with off "
                        + off + " size " + size, "the read runs past field " + m.name() + " of the map");
            return RegState.scalar(size == 8 ? ScalarBounds.UNKNOWN : ScalarBounds.unsignedRange(0, (1L << (8 * size)) - 1));
        }
        throw new Reject("struct bpf_map doesn't have field at offset " + off, "no field of a map starts at offset " + off);
    }

    private static boolean isScalar(Btf btf, BtfType t) {
        if (t instanceof BtfType.Array a) t = btf.type(btf.resolve(a.elemType()));
        return t instanceof BtfType.IntType || t instanceof BtfType.Enum || t instanceof BtfType.Enum64;
    }

    private static Reject notModelled(MapSpec map, int off, int size) {
        return new Reject("reading map fields at off " + off + " size " + size + " is not modelled by the simulator",
                "only number fields of struct bpf_map can be read through map '" + map.name() + "' in the simulation");
    }
}
