package org.jbpf.core.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.obj.ObjectFormatException;
import org.junit.jupiter.api.Test;

/** BTF whose types contain themselves is refused when read, naming the loop; a struct pointing to itself is fine. */
class TypeLoopsTest {
    private static final BtfType INT = new BtfType.IntType("int", 4, 1, 0, 32);

    private static byte[] blob(BtfType... types) {
        Btf btf = new Btf();
        for (BtfType t : types) btf.add(t);
        return BtfWriter.encode(btf).bytes();
    }

    private static String refusal(BtfType... types) {
        return assertThrows(ObjectFormatException.class, () -> BtfReader.read(blob(types), "loop.btf")).getMessage();
    }

    @Test void typedefsThatNameEachOtherAreRefusedWithTheLoop() {
        String m = refusal(new BtfType.Typedef("a", 2), new BtfType.Typedef("b", 1));
        assertTrue(m.startsWith("loop.btf: BTF types contain themselves: type 1 (typedef a) -> type 2 (typedef b) -> type 1 (typedef a); "
                + "a type may refer to itself only through a pointer (at byte "), m);
    }

    @Test void modifiersArraysMembersAndVariablesEachCloseALoop() {
        assertTrue(refusal(new BtfType.Const(2), new BtfType.Volatile(1)).contains("type 1 (const) -> type 2 (volatile) -> type 1 (const)"));
        assertTrue(refusal(INT, new BtfType.Array(2, 1, 4)).contains("type 2 (array) -> type 2 (array)"));
        String member = refusal(INT, new BtfType.Struct("node", 8, List.of(new BtfType.Member("value", 1, 0, 0),
                new BtfType.Member("next", 2, 32, 0))));
        assertTrue(member.contains("type 2 (struct node) -> type 2 (struct node)"), member);
        String tag = refusal(INT, new BtfType.TypeTag("user", 3), new BtfType.Typedef("u", 2));
        assertTrue(tag.contains("type 2 (type_tag user) -> type 3 (typedef u) -> type 2 (type_tag user)"), tag);
    }

    @Test void aStructMayPointToItselfAndShareTypes() {
        // struct list { int v; struct list *next; }, and two typedefs of one int: no loop
        Btf btf = BtfReader.read(blob(INT, new BtfType.Struct("list", 16, List.of(new BtfType.Member("v", 1, 0, 0),
                new BtfType.Member("next", 3, 64, 0))), new BtfType.Ptr(2), new BtfType.Typedef("a", 1), new BtfType.Typedef("b", 4)), "ok.btf").btf();
        assertNull(TypeLoops.findAny(btf));
        assertEquals(1, btf.resolve(5));
    }

    @Test void aLongChainIsWalkedWithoutJavaStack() {
        BtfType[] chain = new BtfType[100_001];
        chain[0] = INT;
        for (int i = 1; i < chain.length; i++) chain[i] = new BtfType.Typedef("t" + i, i);  // each names the one before
        assertNull(TypeLoops.findAny(BtfReader.read(blob(chain), "chain.btf").btf()));
        chain[0] = new BtfType.Typedef("t0", chain.length);  // and now the first names the last
        String m = refusal(chain);
        assertTrue(m.contains(": type 1 (typedef t0) -> type 100001 (typedef t100000) -> type 100000 (typedef t99999) -> type 99999 "
                + "(typedef t99998) -> ... (99997 more) -> type 1 (typedef t0); "), m);
    }
}
