package org.jbpf.it.language;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.HelperNames;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.api.Test;

/**
 * Why the translator accepts some map writes while a value looked up before is still used, and refuses others: hand
 * assembled programs keep the pointer a lookup of key 7 (value 111) returned, write the map, and return what the
 * pointer reads then. An array map's write of another index and a hash map's insert of another key leave 111; a hash
 * map's insert after a delete of key 7 takes the element the delete freed, and an LRU map's insert into a full map
 * takes the least recently used element, so the pointer reads the new key's 222 where Java's box keeps 111
 * ({@code LookupsUnderOtherKeys} translates; {@code LookupDeleteInsert} and {@code LruLookupOtherKey} are refused).
 */
class MapElementReuseKernelTest {
    private static final int KEPT = 111, WRITTEN = 222;

    /** Sets key 7 to 111, looks it up, runs {@code between} (which may use keys 7 and 8 and value 222), returns the pointer's value. */
    private static int run(int mapType, int maxEntries, List<Insn> between) {
        boolean array = mapType == MapTypes.ARRAY || mapType == MapTypes.PERCPU_ARRAY;
        List<Insn> insns = new ArrayList<>(List.of(
                Insn.storeImm(4, R10, -4, array ? 0 : 7),   // the looked-up key: 7 (an array's index 0)
                Insn.storeImm(4, R10, -8, array ? 1 : 8),   // the other key
                Insn.storeImm(8, R10, -16, KEPT),
                Insn.storeImm(8, R10, -24, WRITTEN),
                Insn.ldMap(R1, "m"), Insn.mov64Reg(R2, R10), Insn.alu64Imm(ADD, R2, -4),
                Insn.mov64Reg(R3, R10), Insn.alu64Imm(ADD, R3, -16), Insn.mov64Imm(R4, 0),
                Insn.call(HelperNames.MAP_UPDATE_ELEM),
                Insn.ldMap(R1, "m"), Insn.mov64Reg(R2, R10), Insn.alu64Imm(ADD, R2, -4),
                Insn.call(HelperNames.MAP_LOOKUP_ELEM),
                Insn.jumpImm(JNE, R0, 0, 2),
                Insn.mov64Imm(R0, 0),
                Insn.exit(),
                Insn.mov64Reg(R6, R0)));
        insns.addAll(between);
        insns.add(Insn.load(4, R0, R6, 0));
        insns.add(Insn.exit());
        BpfObject object = new BpfObject("reuse", "GPL", List.of(new MapSpec("m", mapType, 4, 8, maxEntries, 0, 0, 0)),
                List.of(new ProgramSpec("reuse", "xdp", insns, List.of())), null);
        try (BPF bpf = BPF.load(object)) {
            return bpf.program("reuse").testRun(new byte[64], 1).retval();
        }
    }

    private static List<Insn> call(int helper, boolean withValue) {
        List<Insn> c = new ArrayList<>(List.of(Insn.ldMap(R1, "m"), Insn.mov64Reg(R2, R10), Insn.alu64Imm(ADD, R2, helper == HelperNames.MAP_DELETE_ELEM ? -4 : -8)));
        if (withValue) c.addAll(List.of(Insn.mov64Reg(R3, R10), Insn.alu64Imm(ADD, R3, -24), Insn.mov64Imm(R4, 0)));
        c.add(Insn.call(helper));
        return c;
    }

    private static List<Insn> insertOther() { return call(HelperNames.MAP_UPDATE_ELEM, true); }

    private static List<Insn> deleteThenInsertOther() {
        List<Insn> c = new ArrayList<>(call(HelperNames.MAP_DELETE_ELEM, false));
        c.addAll(insertOther());
        return c;
    }

    @Test
    void writesUnderAnotherKeyLeaveTheValue() {
        KernelCheck.require();
        assertEquals(KEPT, run(MapTypes.ARRAY, 4, insertOther()), "array map, index 1 written");
        assertEquals(KEPT, run(MapTypes.HASH, 16, insertOther()), "hash map, key 8 inserted");
        assertEquals(KEPT, run(MapTypes.PERCPU_ARRAY, 4, insertOther()), "per-CPU array map, index 1 written");
        assertEquals(KEPT, run(MapTypes.PERCPU_HASH, 16, insertOther()), "per-CPU hash map, key 8 inserted");
    }

    @Test
    void anInsertReusesTheElementADeleteFreed() {
        KernelCheck.require();
        assertEquals(WRITTEN, run(MapTypes.HASH, 16, deleteThenInsertOther()), "hash map, key 7 deleted, key 8 inserted");
        assertEquals(WRITTEN, run(MapTypes.PERCPU_HASH, 16, deleteThenInsertOther()), "per-CPU hash map, key 7 deleted, key 8 inserted");
    }

    @Test
    void anLruInsertEvictsTheValueLookedUp() {
        KernelCheck.require();
        assertEquals(WRITTEN, run(MapTypes.LRU_HASH, 1, insertOther()), "full LRU map, key 8 inserted");
    }
}
