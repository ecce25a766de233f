package org.jbpf.runtime;

/** How {@link BpfMap#put(Object, Object, UpdateMode)} treats an existing entry ({@code BPF_ANY/NOEXIST/EXIST}). */
public enum UpdateMode {
    /** Create or replace. */
    ANY(0),
    /** Create only; fails (returns false) when the key exists. */
    NOEXIST(1),
    /** Replace only; fails (returns false) when the key is absent. */
    EXIST(2);

    public final long flag;

    UpdateMode(long flag) { this.flag = flag; }
}
