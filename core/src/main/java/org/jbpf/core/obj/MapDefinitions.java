package org.jbpf.core.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.BtfType.Member;

/**
 * Adds libbpf's BTF-defined map declarations to a BTF table: one global VAR per map whose type is an anonymous
 * struct of pointer members ({@code int (*type)[N]} encodes the number N), and a DATASEC {@code .maps} listing
 * the vars. The struct layout is what libbpf's {@code __uint}/{@code __type} macros produce.
 */
final class MapDefinitions {
    /** Where each map's definition lives in the {@code .maps} section. */
    record Placed(MapSpec map, int offset, int size) {}

    private final Btf btf;
    private int intType, indexType;
    private final Map<Integer, Integer> numberPtrs = new LinkedHashMap<>();

    private MapDefinitions(Btf btf) { this.btf = btf; }

    /** Adds the map types to {@code btf} (which the caller owns) and returns the placements in map order. */
    static List<Placed> addTo(Btf btf, List<MapSpec> maps) {
        return new MapDefinitions(btf).add(maps);
    }

    private List<Placed> add(List<MapSpec> maps) {
        List<Placed> placed = new ArrayList<>();
        List<BtfType.VarSecInfo> vars = new ArrayList<>();
        int offset = 0;
        for (MapSpec m : maps) {
            checkIdentifier(m.name());
            List<Member> members = new ArrayList<>();
            member(members, "type", number(m.type()));
            member(members, "max_entries", number(m.maxEntries()));
            if (m.type() != MapTypes.RINGBUF) {
                if (m.type() == MapTypes.PERF_EVENT_ARRAY) {
                    member(members, "key_size", number(4));
                    member(members, "value_size", number(4));
                } else {
                    member(members, m.btfKeyType() != 0 ? "key" : "key_size",
                            m.btfKeyType() != 0 ? pointerTo(m.btfKeyType(), m, "key") : number(m.keySize()));
                    member(members, m.btfValueType() != 0 ? "value" : "value_size",
                            m.btfValueType() != 0 ? pointerTo(m.btfValueType(), m, "value") : number(m.valueSize()));
                }
            }
            if (m.flags() != 0) member(members, "map_flags", number(m.flags()));
            if (m.pinning() == MapSpec.Pinning.BY_NAME) member(members, "pinning", number(1));
            int size = members.size() * 8;
            int struct = btf.add(new BtfType.Struct("", size, members));
            int var = btf.add(new BtfType.Var(m.name(), struct, BtfType.LINKAGE_GLOBAL));
            vars.add(new BtfType.VarSecInfo(var, offset, size));
            placed.add(new Placed(m, offset, size));
            offset += size;
        }
        BtfType.Datasec sec = new BtfType.Datasec(".maps", offset, vars);
        int existing = btf.find(BtfType.KIND_DATASEC, ".maps");
        // an object read back from a file already has a .maps section; its entry is replaced, not duplicated
        if (existing > 0) btf.set(existing, sec);
        else btf.add(sec);
        return placed;
    }

    private static void member(List<Member> members, String name, int type) {
        members.add(new Member(name, type, members.size() * 64));
    }

    private int pointerTo(int type, MapSpec m, String what) {
        if (type < 0 || type > btf.size())
            throw new IllegalArgumentException("map " + m.name() + ": BTF " + what + " type " + type + " does not exist (the object's BTF has " + btf.size() + " types)");
        return btf.add(new BtfType.Ptr(type));
    }

    /** {@code int (*)[n]}: the pointer type whose target array length carries a number. */
    private int number(int n) {
        if (n < 0) throw new IllegalArgumentException("negative map attribute " + n);
        Integer ptr = numberPtrs.get(n);
        if (ptr != null) return ptr;
        if (intType == 0) {
            intType = findInt("int", 4, BtfType.INT_SIGNED);
            indexType = findInt("__ARRAY_SIZE_TYPE__", 4, 0);
        }
        int array = btf.add(new BtfType.Array(intType, indexType, n));
        int p = btf.add(new BtfType.Ptr(array));
        numberPtrs.put(n, p);
        return p;
    }

    private int findInt(String name, int size, int encoding) {
        for (int id = 1; id <= btf.size(); id++) {
            if (btf.type(id) instanceof BtfType.IntType i && i.name().equals(name) && i.size() == size && i.encoding() == encoding
                    && i.bits() == size * 8 && i.bitOffset() == 0) return id;
        }
        return btf.add(new BtfType.IntType(name, size, encoding));
    }

    private static void checkIdentifier(String name) {
        if (!org.jbpf.core.btf.CNames.isIdentifier(name))
            throw new IllegalArgumentException("map name \"" + name + "\" is not a C identifier; BTF map declarations need one");
    }
}
