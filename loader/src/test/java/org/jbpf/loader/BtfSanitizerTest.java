package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.junit.jupiter.api.Test;

class BtfSanitizerTest {

    @Test
    void zeroSizeDatasecGetsSequentialAlignedOffsets() {
        Btf btf = new Btf();
        int u32 = btf.add(new BtfType.IntType("u32", 4, 0));
        int arr = btf.add(new BtfType.Array(u32, u32, 3));              // 12 bytes
        int a = btf.add(new BtfType.Var("a", arr, BtfType.LINKAGE_GLOBAL));
        int b = btf.add(new BtfType.Var("b", u32, BtfType.LINKAGE_GLOBAL));
        int sec = btf.add(new BtfType.Datasec(".maps", 0, List.of(new BtfType.VarSecInfo(a, 0, 0), new BtfType.VarSecInfo(b, 0, 4))));
        Btf fixed = BtfSanitizer.forKernel(btf);
        BtfType.Datasec d = (BtfType.Datasec) fixed.type(sec);
        assertEquals(0, d.vars().get(0).offset());
        assertEquals(12, d.vars().get(0).size());
        assertEquals(16, d.vars().get(1).offset(), "8-byte aligned after a 12-byte variable");
        assertEquals(20, d.size());
        assertEquals(btf.size(), fixed.size(), "no type id moves");
        assertEquals(0, ((BtfType.Datasec) btf.type(sec)).size(), "the object's own BTF is left alone");
    }

    @Test
    void btfWithoutZeroSizeDatasecIsReturnedAsIs() {
        Btf btf = new Btf();
        btf.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
        assertSame(btf, BtfSanitizer.forKernel(btf));
    }
}
