package org.jbpf.core.helper;

/** What a helper leaves in R0 ({@code enum bpf_return_type}, the kinds jbpf models). */
public enum RetKind {
    INTEGER,
    VOID,
    /** a pointer to a map value, or null: test it before use */
    MAP_VALUE_OR_NULL,
    /** a reserved ring buffer record, or null; must be submitted or discarded */
    RINGBUF_MEM_OR_NULL
}
