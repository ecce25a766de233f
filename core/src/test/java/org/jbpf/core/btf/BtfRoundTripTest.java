package org.jbpf.core.btf;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.jbpf.core.btf.BtfType.*;
import org.jbpf.core.obj.ObjectFormatException;
import org.junit.jupiter.api.Test;

class BtfRoundTripTest {

    /** A table holding every kind, with names shared between types to exercise deduplication. */
    static Btf everyKind() {
        Btf btf = new Btf();
        int i32 = btf.add(new IntType("int", 4, BtfType.INT_SIGNED));                        // 1
        int u8 = btf.add(new IntType("unsigned char", 1, 0));                                 // 2
        int ptr = btf.add(new Ptr(i32));                                                      // 3
        int arr = btf.add(new BtfType.Array(u8, i32, 16));                                    // 4
        int st = btf.add(new Struct("event", 24, List.of(new Member("pid", i32, 0), new Member("comm", arr, 32),
                new Member("next", ptr, 128))));                                              // 5
        btf.add(new Struct("flags", 4, List.of(new Member("a", i32, 0, 3), new Member("b", i32, 3, 5))));  // 6
        btf.add(new Union("u", 8, List.of(new Member("i", i32, 0), new Member("p", ptr, 0))));             // 7
        btf.add(new BtfType.Enum("color", 4, false, List.of(new EnumValue("RED", 0), new EnumValue("BLUE", 4000000000L)))); // 8
        btf.add(new BtfType.Enum("sign", 4, true, List.of(new EnumValue("NEG", -5))));       // 9
        btf.add(new Enum64("big", 8, false, List.of(new EnumValue("HUGE", 0x1234_5678_9abc_def0L))));  // 10
        btf.add(new Fwd("opaque", false));                                                    // 11
        btf.add(new Fwd("opaque_u", true));                                                   // 12
        int td = btf.add(new Typedef("pid_t", i32));                                          // 13
        btf.add(new Volatile(td));                                                            // 14
        int c = btf.add(new Const(i32));                                                      // 15
        btf.add(new Restrict(ptr));                                                           // 16
        btf.add(new TypeTag("user", c));                                                      // 17
        int proto = btf.add(new FuncProto(i32, List.of(new Param("ctx", ptr), new Param("", 0))));  // 18
        int fn = btf.add(new Func("handle", proto, BtfType.LINKAGE_GLOBAL));                  // 19
        btf.add(new DeclTag("kfunc", fn, -1));                                                // 20
        btf.add(new DeclTag("arg", fn, 0));                                                   // 21
        int var = btf.add(new Var("counter", i32, BtfType.LINKAGE_GLOBAL));                   // 22
        btf.add(new Datasec(".data", 4, List.of(new VarSecInfo(var, 0, 4))));                 // 23
        btf.add(new FloatType("double", 8));                                                  // 24
        btf.add(new Struct("", 8, List.of(new Member("event", st, 0))));                      // 25: anonymous, reuses a name
        return btf;
    }

    @Test
    void everyKindSurvivesWriteThenRead() {
        Btf btf = everyKind();
        BtfWriter.Encoded enc = BtfWriter.encode(btf);
        Btf back = BtfReader.read(enc.bytes()).btf();
        assertEquals(btf.types(), back.types());
        assertEquals(25, back.size());
    }

    @Test
    void headerAndStringSectionFollowTheFormat() {
        BtfWriter.Encoded enc = BtfWriter.encode(everyKind(), List.of("Probe.java", "int x = 1;", "int"));
        ByteBuffer b = ByteBuffer.wrap(enc.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((short) 0xeB9F, b.getShort(0));
        assertEquals(1, b.get(2));
        assertEquals(24, b.getInt(4));
        assertEquals(0, b.getInt(8));
        int typeLen = b.getInt(12), strOff = b.getInt(16), strLen = b.getInt(20);
        assertEquals(typeLen, strOff);
        assertEquals(enc.bytes().length, 24 + typeLen + strLen);
        assertEquals(0, enc.stringOffset(""));
        assertEquals(0, enc.bytes()[24 + strOff]);
        // "int" names a type and is also an extra string: stored once
        int intOff = enc.stringOffset("int");
        assertEquals(1, intOff);
        String all = new String(enc.bytes(), 24 + strOff, strLen, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(all.indexOf("int\0"), all.lastIndexOf("\0int\0") + 1);
        BtfReader.Decoded d = BtfReader.read(enc.bytes());
        assertEquals("Probe.java", d.string(enc.stringOffset("Probe.java")));
        assertEquals("int x = 1;", d.string(enc.stringOffset("int x = 1;")));
        assertEquals("event", d.string(enc.stringOffset("event")));
        assertThrows(IllegalArgumentException.class, () -> enc.stringOffset("never added"));
        assertThrows(ObjectFormatException.class, () -> d.string(strLen + 5));
    }

    @Test
    void bitfieldStructUsesKindFlagEncoding() {
        Btf btf = new Btf();
        int i32 = btf.add(new IntType("int", 4, BtfType.INT_SIGNED));
        btf.add(new Struct("bits", 4, List.of(new Member("a", i32, 0, 3), new Member("b", i32, 3, 5))));
        byte[] bytes = BtfWriter.encode(btf).bytes();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int structAt = 24 + 16;
        assertTrue(b.getInt(structAt + 4) < 0, "kind_flag set");
        assertEquals(5 << 24 | 3, b.getInt(structAt + 12 + 12 + 8), "second member offset = size << 24 | bit offset");
    }

    @Test
    void everyTruncationIsAFormatError() {
        byte[] bytes = BtfWriter.encode(everyKind()).bytes();
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, len);
            // the header still claims the full length, so every cut must be detected
            ObjectFormatException e = assertThrows(ObjectFormatException.class, () -> BtfReader.read(cut), "length " + len);
            assertTrue(e.getMessage().contains("byte"), e.getMessage());
        }
    }

    @Test
    void randomCorruptionOnlyEverGivesFormatErrors() {
        byte[] bytes = BtfWriter.encode(everyKind()).bytes();
        Random rnd = new Random(42);
        int failures = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bad = bytes.clone();
            for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
            try {
                BtfReader.read(bad);
            } catch (ObjectFormatException e) {
                failures++;
            }
        }
        assertTrue(failures > 100, "corruption was detected in " + failures + " of 3000 cases");
    }

    @Test
    void specificErrorsNameTheProblem() {
        byte[] bytes = BtfWriter.encode(everyKind()).bytes();
        byte[] magic = bytes.clone();
        magic[0] = 0;
        assertTrue(assertThrows(ObjectFormatException.class, () -> BtfReader.read(magic, "x.o section .BTF")).getMessage()
                .startsWith("x.o section .BTF: bad BTF magic"));

        Btf dangling = new Btf();
        dangling.add(new Ptr(7));
        String msg = assertThrows(ObjectFormatException.class, () -> BtfReader.read(BtfWriter.encode(dangling).bytes())).getMessage();
        assertTrue(msg.contains("refers to type 7") && msg.contains("at byte 24"), msg);

        byte[] kind = BtfWriter.encode(dangling).bytes();
        ByteBuffer.wrap(kind).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 4, 30 << 24);
        msg = assertThrows(ObjectFormatException.class, () -> BtfReader.read(kind)).getMessage();
        assertTrue(msg.contains("unknown kind 30") && msg.contains("at byte 28"), msg);
    }
}
