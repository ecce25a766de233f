package org.jbpf.core.btf;

/**
 * C identifiers, which BTF names of programs, maps, variables and parameters must be. A loop over the characters,
 * not a regular expression: {@code String.matches} compiles its pattern at every call, and a cold translate checks
 * every program, map and global name.
 */
public final class CNames {
    private CNames() {}

    /** True for {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || Character.isDigit(name.charAt(0))) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) return false;
        }
        return true;
    }
}
