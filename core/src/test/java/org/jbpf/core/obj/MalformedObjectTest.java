package org.jbpf.core.obj;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jbpf.core.elf.ElfFile;
import org.junit.jupiter.api.Test;

class MalformedObjectTest {
    private static final byte[] VALID = ObjectWriter.write(SampleObject.build());

    /** Reads {@code bytes}; returns the format error, null on success, and fails on any other exception. */
    private static ObjectFormatException read(byte[] bytes, String what) {
        try {
            ObjectReader.read(bytes, "broken.o");
            return null;
        } catch (ObjectFormatException e) {
            assertTrue(e.getMessage().startsWith("broken.o"), what + ": message must name the object: " + e.getMessage());
            return e;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t + " escaped the reader", t);
        }
    }

    /** {@link #VALID} with the first byte of a name in its symbol string table set to {@code b}. */
    private static byte[] symbolNameStartingWith(String name, byte b) {
        ElfFile elf = ElfFile.parse(VALID, "sample");
        ElfFile.Section strtab = elf.section(".strtab");
        byte[] bad = VALID.clone();
        byte[] wanted = ("\0" + name + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = (int) strtab.offset(); at + wanted.length <= strtab.offset() + strtab.size(); at++)
            if (Arrays.equals(Arrays.copyOfRange(bad, at, at + wanted.length), wanted)) {
                bad[at + 1] = b;
                return bad;
            }
        throw new AssertionError("no symbol " + name);
    }

    /** A map whose BTF name is empty (found by random corruption) was read as map "", refused by the kernel alone. */
    @Test
    void aMapWithoutANameIsRefused() {
        ElfFile elf = ElfFile.parse(VALID, "sample");
        ElfFile.Section btf = elf.section(".BTF");
        byte[] bad = VALID.clone();
        byte[] wanted = "\0totals\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int found = -1;
        for (int at = (int) btf.offset(); at + wanted.length <= btf.offset() + btf.size() && found < 0; at++)
            if (Arrays.equals(Arrays.copyOfRange(bad, at, at + wanted.length), wanted)) found = at;
        assertTrue(found > 0, "the map's name is among the BTF strings");
        bad[found + 1] = 0;
        assertTrue(read(bad, "nameless map").getMessage().contains("DATASEC .maps lists a map without a name"), "nameless map");
    }

    /** Damaged names were taken as they came: an empty one made a program without a name, control bytes reached messages. */
    @Test
    void namesAreTextAndFunctionsHaveThem() {
        String program = SampleObject.build().programs().get(0).name();
        assertTrue(read(symbolNameStartingWith(program, (byte) 0), "empty").getMessage().contains("has no name; the symbol table is damaged"));
        assertTrue(read(symbolNameStartingWith(program, (byte) 7), "bell").getMessage()
                .contains("the string holds the control character 0x7; the string table is damaged"));
        assertTrue(read(symbolNameStartingWith(program, (byte) 0xc3), "half a UTF-8 character").getMessage()
                .contains("the string is no UTF-8 text; the string table is damaged"));
    }

    @Test
    void everyTruncationIsAFormatError() {
        for (int len = 0; len < VALID.length; len++) {
            ObjectFormatException e = read(Arrays.copyOf(VALID, len), "truncated to " + len);
            assertNotNull(e, "truncation to " + len + " bytes went unnoticed");
        }
    }

    @Test
    void randomByteFlipsOnlyEverGiveFormatErrors() {
        Random rnd = new Random(7);
        int detected = 0, rounds = 20000;
        for (int round = 0; round < rounds; round++) {
            byte[] bad = VALID.clone();
            int n = 1 + rnd.nextInt(3);
            for (int k = 0; k < n; k++) bad[rnd.nextInt(bad.length)] ^= (byte) (1 + rnd.nextInt(255));
            if (read(bad, "round " + round) != null) detected++;
        }
        assertTrue(detected > rounds / 10, "only " + detected + " corruptions detected");
    }

    @Test
    void headerFieldsSetToExtremesAreFormatErrors() {
        Random rnd = new Random(11);
        long[] extremes = {0, 1, 0x7f, 0xff, 0xffff, 0x7fffffffL, 0xffffffffL, -1L, Long.MIN_VALUE};
        ElfFile elf = ElfFile.parse(VALID, "valid.o");
        long shoff = ByteBuffer.wrap(VALID).order(ByteOrder.LITTLE_ENDIAN).getLong(40);
        int headers = elf.sections().size() * 64;
        for (int round = 0; round < 5000; round++) {
            byte[] bad = VALID.clone();
            ByteBuffer b = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
            int at = round % 2 == 0 ? rnd.nextInt(64 - 8) : (int) shoff + rnd.nextInt(headers - 8);
            long v = extremes[rnd.nextInt(extremes.length)];
            if (rnd.nextBoolean()) b.putInt(at, (int) v); else b.putLong(at, v);
            read(bad, "round " + round + " at " + at);
        }
    }

    @Test
    void errorsNameSectionAndOffset() {
        ElfFile elf = ElfFile.parse(VALID, "valid.o");
        ElfFile.Section prog = elf.section("tracepoint/syscalls/sys_enter_getpid");

        // odd code size
        byte[] odd = VALID.clone();
        long shdr = ByteBuffer.wrap(VALID).order(ByteOrder.LITTLE_ENDIAN).getLong(40) + 64L * prog.index();
        ByteBuffer.wrap(odd).order(ByteOrder.LITTLE_ENDIAN).putLong((int) shdr + 32, prog.size() - 3);
        String msg = read(odd, "odd size").getMessage();
        assertTrue(msg.contains("section tracepoint/syscalls/sys_enter_getpid") && msg.contains("not a multiple of 8")
                && msg.contains("at byte " + prog.offset()), msg);

        // section beyond the file
        byte[] far = VALID.clone();
        ByteBuffer.wrap(far).order(ByteOrder.LITTLE_ENDIAN).putLong((int) shdr + 24, VALID.length + 100L);
        msg = read(far, "offset beyond file").getMessage();
        assertTrue(msg.contains("contents of section " + prog.index()) && msg.contains("at byte " + (VALID.length + 100)), msg);

        // relocation against a symbol that does not exist
        ElfFile.Section rel = elf.section(".reltracepoint/syscalls/sys_enter_getpid");
        byte[] sym = VALID.clone();
        ByteBuffer.wrap(sym).order(ByteOrder.LITTLE_ENDIAN).putInt((int) rel.offset() + 12, 999);
        msg = read(sym, "missing symbol").getMessage();
        assertTrue(msg.contains("section .reltracepoint/syscalls/sys_enter_getpid") && msg.contains("symbol 999"), msg);

        // not an ELF file at all
        msg = read("hello, world, this is not an object file at all......................".getBytes(), "text").getMessage();
        assertTrue(msg.contains("not an ELF file"), msg);
    }

    @Test
    void globalDataBecomesAMapValueReferenceAndAnOffsetPastItsEndIsRefused() {
        // rename the license section to .rodata and point the map relocation at its LICENSE symbol
        ElfFile elf = ElfFile.parse(VALID, "valid.o");
        ElfFile.Section strtab = elf.section(".shstrtab");
        byte[] data = VALID.clone();
        byte[] names = elf.data(strtab);
        String all = new String(names, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = all.indexOf("license\0");
        System.arraycopy(".rodata".getBytes(), 0, data, (int) strtab.offset() + at, 7);
        ElfFile.Symbol licenseSym = elf.symbols().stream().filter(s -> s.name().equals("LICENSE")).findFirst().orElseThrow();
        ElfFile.Section rel = elf.section(".reltracepoint/syscalls/sys_enter_getpid");
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt((int) rel.offset() + 12, licenseSym.index());
        BpfObject obj = ObjectReader.read(data, "global data");
        GlobalData rodata = obj.global(".rodata").orElseThrow();
        String license = ObjectReader.read(VALID, "valid.o").license();
        assertEquals(license + "\0", new String(rodata.bytes(), 0, license.length() + 1, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of(new GlobalData.Variable("LICENSE", 0, licenseSym.size() > 0 ? (int) licenseSym.size() : 0, 0)), rodata.variables());
        org.jbpf.core.asm.Insn ref = obj.programs().get(0).insns().stream().filter(i -> i.reference() != null).findFirst().orElseThrow();
        assertEquals(org.jbpf.core.asm.Opcodes.PSEUDO_MAP_VALUE, ref.src());
        assertEquals(".rodata", ref.reference());

        // the same reference with an addend of 100 bytes: past the 4-byte section
        ElfFile.Section code = elf.section("tracepoint/syscalls/sys_enter_getpid");
        long relocated = ByteBuffer.wrap(VALID).order(ByteOrder.LITTLE_ENDIAN).getLong((int) rel.offset());
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt((int) (code.offset() + relocated + 4), 100);
        String msg = read(data, "global data").getMessage();
        assertTrue(msg.contains("points 100 bytes into .rodata, which has " + rodata.size()), msg);
    }

    @Test
    void aKernelFunctionCallWithoutItsRelocationIsRefused() {
        // turn the sample's first helper call into a kfunc call (src 2), which only a relocation can name
        ElfFile elf = ElfFile.parse(VALID, "valid.o");
        ElfFile.Section code = elf.section("tracepoint/syscalls/sys_enter_getpid");
        byte[] data = VALID.clone();
        int at = -1;
        for (int k = 0; k < code.size(); k += 8)
            if ((data[(int) code.offset() + k] & 0xff) == 0x85 && at < 0) at = (int) code.offset() + k;
        assertTrue(at >= 0, "the sample calls a helper");
        data[at + 1] = (byte) (data[at + 1] & 0x0f | 2 << 4);
        String msg = read(data, "kfunc call").getMessage();
        assertTrue(msg.startsWith("broken.o: section tracepoint/syscalls/sys_enter_getpid: instruction ")
                && msg.contains("calls a kernel function, but no relocation names it (at byte " + at + ")"), msg);
    }
}
