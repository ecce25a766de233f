package org.jbpf.core.btf;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jbpf.core.btf.BtfType.*;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.testsupport.Skip;
import org.junit.jupiter.api.Test;

/**
 * A table read lazily ({@link BtfReader#readLazily}) answers as the eagerly decoded one does: every type of every
 * kind, kinds, lookups by kind and name and by essential name, for a hand-built table and for the running kernel's.
 */
class LazyBtfTest {
    /** Every kind (from the round-trip test) plus flavoured names, a repeated name and a name starting with "___". */
    static Btf table() {
        Btf btf = BtfRoundTripTest.everyKind();
        int i32 = btf.find(BtfType.KIND_INT, "int");
        btf.add(new Struct("event___v2", 4, List.of(new Member("pid", i32, 0))));   // 26
        btf.add(new Typedef("event", i32));                                          // 27: same name, other kind
        btf.add(new Struct("event", 4, List.of()));                                  // 28: a second struct event
        btf.add(new Struct("___raw", 4, List.of()));                                 // 29: kept whole
        btf.add(new Struct("a___b___c", 4, List.of()));                              // 30: essential "a"
        return btf;
    }

    private static void assertSameAnswers(Btf eager, Btf lazy) {
        assertEquals(eager.size(), lazy.size());
        // each name with the kinds it is found under, and one kind it is not (float, which has few names)
        Map<String, Set<Integer>> names = new TreeMap<>();
        for (int id = 1; id <= eager.size(); id++) {
            assertEquals(eager.kind(id), lazy.kind(id), "kind of type " + id);
            String name = eager.type(id).name();
            names.computeIfAbsent(name, n -> new HashSet<>(Set.of(BtfType.KIND_FLOAT))).add(eager.kind(id));
            names.computeIfAbsent(Btf.essentialName(name), n -> new HashSet<>(Set.of(BtfType.KIND_FLOAT))).add(eager.kind(id));
        }
        names.put("no_such_type", Set.of(BtfType.KIND_STRUCT));
        // kinds and lookups are answered before any type is decoded, then every type is compared
        names.forEach((name, kinds) -> {
            for (int kind : kinds) {
                assertEquals(eager.find(kind, name), lazy.find(kind, name), "kind " + kind + " named '" + name + "'");
                assertArrayEquals(eager.withEssentialName(name, kind), lazy.withEssentialName(name, kind), "kind " + kind + " of essential name '" + name + "'");
            }
        });
        for (int id = 1; id <= eager.size(); id++) assertEquals(eager.type(id), lazy.type(id), "type " + id);
        assertEquals(eager.types(), lazy.types());
        assertNull(lazy.type(0));
    }

    @Test
    void everyKindDecodesLazilyAsEagerly() {
        byte[] bytes = BtfWriter.encode(table()).bytes();
        Btf eager = BtfReader.read(bytes).btf(), lazy = BtfReader.readLazily(bytes, "table.btf");
        Set<Integer> kinds = new HashSet<>();
        for (BtfType t : eager.types()) kinds.add(t.kind());
        assertEquals(19, kinds.size(), "the table holds every kind");
        assertSameAnswers(eager, lazy);
        assertEquals(5, lazy.find(BtfType.KIND_STRUCT, "event"));
        assertEquals(27, lazy.find(BtfType.KIND_TYPEDEF, "event"));
        assertArrayEquals(new int[] {5, 26, 28}, lazy.withEssentialName("event", BtfType.KIND_STRUCT));
        assertArrayEquals(new int[] {27}, lazy.withEssentialName("event", BtfType.KIND_TYPEDEF));
        assertArrayEquals(new int[] {29}, lazy.withEssentialName("___raw", BtfType.KIND_STRUCT));
        assertArrayEquals(new int[] {30}, lazy.withEssentialName("a", BtfType.KIND_STRUCT));
        assertArrayEquals(new int[0], lazy.withEssentialName("event___v2", BtfType.KIND_STRUCT));
        assertEquals(3, lazy.find(BtfType.KIND_PTR, ""), "the first anonymous pointer");
    }

    @Test
    void lookupsAnswerAlikeBeforeAndAfterTheirKindIsHashed() {
        Btf lazy = BtfReader.readLazily(BtfWriter.encode(table()).bytes(), "table.btf");
        for (int round = 0; round < 12; round++) {
            assertEquals(5, lazy.find(BtfType.KIND_STRUCT, "event"), "round " + round);
            assertEquals(26, lazy.find(BtfType.KIND_STRUCT, "event___v2"), "round " + round);
            assertEquals(-1, lazy.find(BtfType.KIND_STRUCT, "even"), "round " + round);
            assertEquals(-1, lazy.find(BtfType.KIND_STRUCT, "events"), "round " + round);
            assertArrayEquals(new int[] {5, 26, 28}, lazy.withEssentialName("event", BtfType.KIND_STRUCT), "round " + round);
            assertArrayEquals(new int[] {30}, lazy.withEssentialName("a", BtfType.KIND_STRUCT), "round " + round);
            assertArrayEquals(new int[0], lazy.withEssentialName("a___b", BtfType.KIND_STRUCT), "round " + round);
        }
    }

    @Test
    void changingALazyTableDecodesItFirst() {
        byte[] bytes = BtfWriter.encode(table()).bytes();
        Btf lazy = BtfReader.readLazily(bytes, "table.btf");
        assertEquals(-1, lazy.find(BtfType.KIND_FLOAT, "half"));
        int half = lazy.add(new FloatType("half", 2));
        assertEquals(31, half);
        assertEquals(half, lazy.find(BtfType.KIND_FLOAT, "half"));
        assertEquals(new FloatType("half", 2), lazy.type(half));
        assertEquals(BtfReader.read(bytes).btf().type(5), lazy.type(5));
        lazy.set(28, new Struct("event", 8, List.of()));
        assertEquals(8, lazy.sizeOf(28));
        assertArrayEquals(new int[] {5, 26, 28}, lazy.withEssentialName("event", BtfType.KIND_STRUCT));
    }

    @Test
    void badRecordsFailWhenReadOrWhenDecoded() {
        Btf dangling = new Btf();
        dangling.add(new IntType("int", 4, BtfType.INT_SIGNED));
        dangling.add(new Ptr(7));
        byte[] bytes = BtfWriter.encode(dangling).bytes();
        Btf lazy = BtfReader.readLazily(bytes, "x.btf");
        assertEquals(new IntType("int", 4, BtfType.INT_SIGNED), lazy.type(1), "a sound type still decodes");
        String msg = assertThrows(ObjectFormatException.class, () -> lazy.type(2)).getMessage();
        assertEquals("x.btf: BTF type 2 refers to type 7 but only 2 exist (at byte 40)", msg);

        byte[] kind = bytes.clone();
        ByteBuffer.wrap(kind).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 16 + 4, 30 << 24);
        msg = assertThrows(ObjectFormatException.class, () -> BtfReader.readLazily(kind, "x.btf")).getMessage();
        assertEquals("x.btf: BTF type 2 has unknown kind 30 (at byte 44)", msg);

        byte[] name = bytes.clone();
        ByteBuffer.wrap(name).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 1000);
        Btf badName = BtfReader.readLazily(name, "x.btf");
        assertEquals(BtfType.KIND_INT, badName.kind(1));
        msg = assertThrows(ObjectFormatException.class, () -> badName.type(1)).getMessage();
        assertEquals("x.btf: BTF type 1 has a bad name offset 1000 (at byte 24)", msg);
        msg = assertThrows(ObjectFormatException.class, () -> badName.find(BtfType.KIND_INT, "int")).getMessage();
        assertEquals("x.btf: BTF type 1 has a bad name offset 1000 (at byte 24)", msg);

        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThrows(ObjectFormatException.class, () -> BtfReader.readLazily(cut, "x.btf"), "length " + len);
        }
    }

    @Test
    void theRunningKernelsTypesDecodeLazilyAsEagerly() throws Exception {
        Path vmlinux = RunningKernelBtf.VMLINUX;
        Skip.unless(Files.isReadable(vmlinux), "kernel", vmlinux + " is not readable here (a kernel built without CONFIG_DEBUG_INFO_BTF)");
        byte[] bytes = Files.readAllBytes(vmlinux);
        Btf eager = BtfReader.read(bytes, "vmlinux").btf(), lazy = BtfReader.readLazily(bytes, "vmlinux");
        assertTrue(eager.size() > 10_000, "a kernel has many types: " + eager.size());
        assertSameAnswers(eager, lazy);
        int task = lazy.find(BtfType.KIND_STRUCT, "task_struct");
        assertTrue(task > 0 && ((Struct) lazy.type(task)).members().stream().anyMatch(m -> m.name().equals("tgid")));
        assertSame(RunningKernelBtf.get(), RunningKernelBtf.get(), "read once per process");
        assertEquals(task, RunningKernelBtf.get().find(BtfType.KIND_STRUCT, "task_struct"));
    }
}
