package org.jbpf.runtime;

import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.layout.StructLayout;

/** Checks that a Java {@code @Struct} matches the BTF struct a map was created with, member by member. */
final class BtfCheck {
    private BtfCheck() {}

    /** Throws with the first disagreement; does nothing when the BTF type is not a struct. */
    static void check(String mapName, String what, StructLayout java, Btf btf, int typeId) {
        if (btf == null || typeId == 0) return;
        BtfType t = btf.type(btf.resolve(typeId));
        if (!(t instanceof BtfType.Struct s)) return;
        String where = "map \"" + mapName + "\" " + what + ": Java struct " + java.name() + " does not match the map's BTF struct "
                + s.name() + ": ";
        if (s.size() != java.size())
            throw new IllegalArgumentException(where + "sizes differ (" + java.size() + " vs " + s.size() + " bytes)");
        if (s.members().size() != java.fields().size())
            throw new IllegalArgumentException(where + java.fields().size() + " fields vs " + s.members().size() + " BTF members");
        for (int i = 0; i < s.members().size(); i++) {
            BtfType.Member m = s.members().get(i);
            StructLayout.Field f = java.fields().get(i);
            if (!m.name().equals(f.name()) || m.bitOffset() != f.offset() * 8)
                throw new IllegalArgumentException(where + "field " + i + " is " + f.name() + " at offset " + f.offset()
                        + " in Java but " + m.name() + " at offset " + m.bitOffset() / 8 + " in BTF; declare the fields in the same order");
        }
    }
}
