package org.jbpf.core.obj;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One section of global variables ({@code .bss}, {@code .data}, {@code .rodata}, {@code .rodata.str1.1}, ...): its
 * initial bytes and the variables it holds. The kernel keeps each such section as the single value of a one-entry
 * array map; programs address a variable as that value plus its offset ({@code BPF_PSEUDO_MAP_VALUE}). Read-only
 * sections are frozen after userspace has written them, so the verifier knows their bytes as constants.
 *
 * @param name       the section name, e.g. {@code .bss}; instructions refer to the section by this name
 * @param bytes      the initial contents (all zero for {@code .bss}); its length is the section's size
 * @param variables  the named variables in the section, by offset
 * @param btfDatasec the id of the section's BTF DATASEC in the object's BTF, or 0 when it has none
 */
public record GlobalData(String name, byte[] bytes, List<Variable> variables, int btfDatasec) {
    /** {@code BPF_F_RDONLY_PROG}: programs may only read the map's value. */
    public static final int F_RDONLY_PROG = 1 << 7;
    /** {@code BPF_F_MMAPABLE}: userspace may map the value into its memory. */
    public static final int F_MMAPABLE = 1 << 10;

    /**
     * A variable of the section.
     *
     * @param btfType the variable's BTF type (an int, a struct, an array...), or 0 when unknown
     */
    public record Variable(String name, int offset, int size, int btfType) {}

    public GlobalData {
        bytes = bytes.clone();
        variables = List.copyOf(variables);
    }

    @Override public byte[] bytes() { return bytes.clone(); }

    public int size() { return bytes.length; }

    /** Whether programs may only read the section ({@code .rodata*}); the loader freezes its map. */
    public boolean readOnly() { return name.startsWith(".rodata"); }

    /** Whether the section starts all zero and takes no room in the file ({@code .bss*}). */
    public boolean zeroFilled() { return name.startsWith(".bss"); }

    /** Whether {@code section} names a global-data section in the way clang and libbpf name them. */
    public static boolean isDataSection(String section) {
        return section.startsWith(".bss") || section.startsWith(".data") || section.startsWith(".rodata");
    }

    public Optional<Variable> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    /** The one-entry array map the kernel keeps the section in; its name is the section's. */
    public MapSpec mapSpec() {
        int flags = F_MMAPABLE | (readOnly() ? F_RDONLY_PROG : 0);
        return new MapSpec(name, MapTypes.ARRAY, 4, Math.max(1, bytes.length), 1, flags, 0, btfDatasec);
    }

    @Override public boolean equals(Object o) {
        return o instanceof GlobalData g && g.name.equals(name) && Arrays.equals(g.bytes, bytes) && g.variables.equals(variables)
                && g.btfDatasec == btfDatasec;
    }

    @Override public int hashCode() { return name.hashCode() * 31 + Arrays.hashCode(bytes); }

    @Override public String toString() { return "GlobalData[" + name + ", " + bytes.length + " bytes, " + variables + "]"; }
}
