package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.MapInsertDrops;
import org.jbpf.translator.frontend.InsertDrops;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.mir.Mir;

/**
 * Counts an insert a full map refused: after an update of a map that refuses new keys once full, a status equal to
 * the map type's full errno adds one to the map's slot of the object's {@link InsertDrops} counters. The kernel counts
 * such refusals nowhere, and the program goes on; with the count, Java says a map lost keys exactly when it did.
 */
final class InsertDropCounts {
    private InsertDropCounts() {}

    /** Adds one to {@code map}'s slot when {@code status} (an update's result) says the map was full. */
    static void count(LoweringCall c, MapDecl map, int status) {
        InsertDrops drops = c.body().program().insertDrops();
        int slot = drops == null ? -1 : drops.slot(map);
        if (slot < 0) return;
        Emitter out = c.out();
        Mir.Label done = out.newLabel();
        out.jumpIf(JMP | JNE | K, status, 0, -MapInsertDrops.fullErrno(map.mapType()), done);
        int key = c.body().program().scratchSlot(true) + 4;  // the top of the slot, like the keys of MapCalls
        out.store(4, R10, key, new org.jbpf.translator.lower.Operand.Imm(slot));
        out.setArgMap(R1, drops.counters());
        out.setArgAddr(R2, new Addr(R10, key));
        int counter = out.call(HelperTable.MAP_LOOKUP_ELEM, 2);
        out.jumpIf(JMP | JEQ | K, counter, 0, 0, done);
        int one = out.newVreg();
        out.loadImm(one, 1, true);
        out.emit(STX | ATOMIC | DW, counter, one, 0, ADD);
        out.placeLabel(done);
    }
}
