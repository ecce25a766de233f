package org.jbpf.core.obj;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.elf.ElfFile;

/**
 * Reads the maps an object declares: BTF-defined maps (the {@code .maps} section described by a BTF DATASEC)
 * and legacy {@code struct bpf_map_def} entries in a {@code maps} section. Each map is found at a section
 * offset, which is what relocations against it point to.
 */
final class MapDeclarations {
    /** A map and where its declaration lies. */
    record Located(MapSpec spec, int sectionIndex, long offset) {}

    private MapDeclarations() {}

    static List<Located> read(ElfFile elf, Btf btf, boolean hasBtf) {
        List<Located> out = new ArrayList<>();
        ElfFile.Section maps = elf.section(".maps");
        if (maps != null) readBtfMaps(elf, maps, btf, hasBtf, out);
        ElfFile.Section legacy = elf.section("maps");
        if (legacy != null) readLegacyMaps(elf, legacy, out);
        return out;
    }

    private static void readBtfMaps(ElfFile elf, ElfFile.Section sec, Btf btf, boolean hasBtf, List<Located> out) {
        if (!hasBtf) throw elf.error(sec, 0, "BTF-defined maps need a .BTF section, which the object lacks; compile it with clang -g");
        int ds = btf.find(BtfType.KIND_DATASEC, ".maps");
        if (ds < 0) throw elf.error(sec, 0, "the object's BTF has no DATASEC .maps describing this section");
        for (BtfType.VarSecInfo vsi : ((BtfType.Datasec) btf.type(ds)).vars()) {
            if (!(type(btf, vsi.type()) instanceof BtfType.Var var))
                throw elf.error(sec, 0, "DATASEC .maps lists type " + vsi.type() + ", which is not a VAR");
            String name = var.name();
            if (name.isEmpty()) throw elf.error(sec, vsi.offset(), "DATASEC .maps lists a map without a name (VAR type " + vsi.type() + "); the BTF is damaged");
            String where = "map " + name + ": ";
            if (!(type(btf, btf.resolve(var.type())) instanceof BtfType.Struct def))
                throw elf.error(sec, 0, where + "declaration is not a struct");
            int type = 0, maxEntries = 0, keySize = -1, valueSize = -1, flags = 0, keyType = 0, valueType = 0;
            MapSpec.Pinning pinning = MapSpec.Pinning.NONE;
            for (BtfType.Member m : def.members()) {
                switch (m.name()) {
                    case "type": type = number(elf, sec, btf, m, where); break;
                    case "max_entries": maxEntries = number(elf, sec, btf, m, where); break;
                    case "key_size": keySize = number(elf, sec, btf, m, where); break;
                    case "value_size": valueSize = number(elf, sec, btf, m, where); break;
                    case "map_flags": flags = number(elf, sec, btf, m, where); break;
                    case "pinning": {
                        int p = number(elf, sec, btf, m, where);
                        if (p > 1) throw elf.error(sec, 0, where + "unknown pinning mode " + p);
                        pinning = p == 1 ? MapSpec.Pinning.BY_NAME : MapSpec.Pinning.NONE;
                        break;
                    }
                    case "key": keyType = pointee(elf, sec, btf, m, where); keySize = size(elf, sec, btf, keyType, where + "key"); break;
                    case "value": valueType = pointee(elf, sec, btf, m, where); valueSize = size(elf, sec, btf, valueType, where + "value"); break;
                    default: break; // numa_node, map_extra, values: not modelled
                }
            }
            if (type == MapTypes.PERF_EVENT_ARRAY) {
                if (keySize < 0) keySize = 4;
                if (valueSize < 0) valueSize = 4;
            }
            long offset = vsi.offset();
            for (ElfFile.Symbol s : elf.symbols())
                if (s.shndx() == sec.index() && s.name().equals(name)) { offset = s.value(); break; }
            out.add(new Located(new MapSpec(name, type, Math.max(0, keySize), Math.max(0, valueSize), maxEntries, flags,
                    keyType, valueType, pinning), sec.index(), offset));
        }
    }

    private static void readLegacyMaps(ElfFile elf, ElfFile.Section sec, List<Located> out) {
        List<ElfFile.Symbol> syms = new ArrayList<>();
        for (ElfFile.Symbol s : elf.symbols())
            if (s.shndx() == sec.index() && !s.name().isEmpty() && s.type() != org.jbpf.core.elf.Elf.STT_SECTION) syms.add(s);
        if (syms.isEmpty()) return;
        long defSize = sec.size() / syms.size();
        if (defSize < 20) throw elf.error(sec, 0, "legacy map definitions are " + defSize + " bytes each; struct bpf_map_def needs 20");
        org.jbpf.core.elf.ByteSource data = new org.jbpf.core.elf.ByteSource(elf.data(sec), elf.fileName() + ": section maps");
        for (ElfFile.Symbol s : syms) {
            long o = s.value();
            if (o % 4 != 0 || o + 20 > sec.size()) throw elf.error(sec, 0, "map " + s.name() + " lies at offset " + o + ", outside the section");
            MapSpec spec = new MapSpec(s.name(), data.s32(o, "map type"), data.s32(o + 4, "key size"), data.s32(o + 8, "value size"),
                    data.s32(o + 12, "max entries"), data.s32(o + 16, "map flags"), 0, 0);
            out.add(new Located(spec, sec.index(), o));
        }
    }

    private static BtfType type(Btf btf, int id) {
        return id <= 0 || id > btf.size() ? null : btf.type(id);
    }

    /** A {@code __uint(name, N)} member: a pointer to an array of N ints. */
    private static int number(ElfFile elf, ElfFile.Section sec, Btf btf, BtfType.Member m, String where) {
        if (type(btf, btf.resolve(m.type())) instanceof BtfType.Ptr p
                && type(btf, btf.resolve(p.type())) instanceof BtfType.Array a) return a.nelems();
        throw elf.error(sec, 0, where + "member " + m.name() + " is not declared as int (*)[N]");
    }

    /** A {@code __type(name, T)} member: a pointer to T; returns T's id. */
    private static int pointee(ElfFile elf, ElfFile.Section sec, Btf btf, BtfType.Member m, String where) {
        if (type(btf, btf.resolve(m.type())) instanceof BtfType.Ptr p) return p.type();
        throw elf.error(sec, 0, where + "member " + m.name() + " is not a pointer type");
    }

    private static int size(ElfFile elf, ElfFile.Section sec, Btf btf, int id, String where) {
        long s = btf.sizeIfKnown(id);
        if (s <= 0 || s > Integer.MAX_VALUE) throw elf.error(sec, 0, where + " type " + id + " has no usable size");
        return (int) s;
    }
}
