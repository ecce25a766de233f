package org.jbpf.core.helper;

/** What a helper expects in one argument register, as the kernel's helper prototypes ({@code enum bpf_arg_type}) say it. */
public enum ArgKind {
    /** any scalar or pointer */
    ANYTHING,
    /** a map (ld_imm64 of a map fd) */
    MAP_PTR,
    /** stack memory holding a key of the map in the previous argument */
    MAP_KEY,
    /** stack memory holding a value of that map */
    MAP_VALUE,
    /** the program's context */
    CTX,
    /** memory the helper reads; its size is the next argument */
    MEM_READ,
    /** memory the helper writes; its size is the next argument */
    MEM_WRITE,
    /** memory the helper reads, or null when the size in the next argument is zero */
    MEM_READ_OR_NULL,
    /** a byte count greater than zero */
    SIZE,
    /** a byte count that may be zero */
    SIZE_OR_ZERO,
    /** a constant byte count of a ring buffer record */
    ALLOC_SIZE,
    /** a ring buffer record the helper releases */
    RINGBUF_RELEASE,
    /** a NUL-terminated string in a frozen read-only map value ({@code ARG_PTR_TO_CONST_STR}) */
    CONST_STR
}
