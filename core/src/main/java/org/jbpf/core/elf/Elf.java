package org.jbpf.core.elf;

/** ELF64 constants used by BPF object files. */
public final class Elf {
    private Elf() {}

    public static final int EM_BPF = 247, ET_REL = 1;
    public static final int SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_NOBITS = 8, SHT_REL = 9;
    public static final long SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4, SHF_INFO_LINK = 0x40;
    public static final int STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2;
    public static final int STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4;
    public static final int SHN_UNDEF = 0, SHN_ABS = 0xfff1;
    /** BPF relocation types (see the kernel's llvm_reloc documentation). */
    public static final int R_BPF_NONE = 0, R_BPF_64_64 = 1, R_BPF_64_ABS64 = 2, R_BPF_64_ABS32 = 3,
            R_BPF_64_NODYLD32 = 4, R_BPF_64_32 = 10;
    public static final int EHDR_SIZE = 64, SHDR_SIZE = 64, SYM_SIZE = 24, REL_SIZE = 16;
}
