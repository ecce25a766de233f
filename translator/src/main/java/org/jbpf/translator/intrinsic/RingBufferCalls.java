package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.RingDrops;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.mir.Mir;

/**
 * The ring buffer part of {@link MapCalls}: output copies a record in; reserve gives a nullable record that the
 * analysis counts until submit or discard releases it, so every path releases each record exactly once. A failed
 * output or reserve (the ring is full) is counted in the object's ring drop counters ({@link RingDrops}).
 */
final class RingBufferCalls {
    private RingBufferCalls() {}

    static Value type(TypingCall c, MapDecl map) {
        List<Value> args = c.args();
        String name = c.insn().name;
        switch (name) {
            case "output": MapCalls.structArg(c, args.get(0), map, "output"); return new Value.Scalar(true, null);
            case "reserve": {
                Value t = args.get(0);
                if (t instanceof Value.ClassConst cc) {
                    ValueType.Struct s = c.structs().struct(cc.internalName());
                    if (s == null) throw c.error("reserve needs a @Struct class, not " + cc.internalName().replace('/', '.'));
                    String flags = c.structs().sharedWithJava(cc.internalName());
                    if (flags != null) throw c.error(flags);
                    return new Value.Ptr(s, true, c.site(), map.name() + ".reserve(" + s.javaName() + ".class)", true);
                }
                Arguments.requireConstant(c, 0, "reserve needs a constant size or a @Struct class literal");
                long n = ((Value.Scalar) t).constant();
                if (n <= 0 || n > map.maxEntries()) throw c.error("reserve size " + n + " does not fit ring buffer " + map.name());
                return new Value.Ptr(new ValueType.Bytes((int) n), true, c.site(), map.name() + ".reserve(..)", true);
            }
            case "submit": case "discard": {
                Value r = args.get(0);
                if (!(r instanceof Value.Ptr p) || !p.ringRecord())
                    throw c.error(name + " needs a record returned by " + map.name() + ".reserve(..)");
                if (p.nullable()) throw c.error(p.origin() + " may be null here; test it against null before " + name);
                if (c.frame().reservations == 0)
                    throw c.error("this record was already submitted or discarded; a record is released exactly once");
                c.frame().reservations--;
                return null;
            }
            default:
                throw c.error(map.simpleClassName() + " " + map.name() + " has no operation " + name + " in BPF programs");
        }
    }

    static void lower(LoweringCall c, MapDecl map) {
        Emitter out = c.out();
        List<Operand> args = c.args();
        String name = c.insn().name;
        switch (name) {
            case "output": {
                out.setArgMap(R1, map);
                out.setArgAddr(R2, c.address(0));
                out.setArgImm(R3, MapCalls.sizeOf(c.values().get(0)));
                if (args.size() > 1) out.setArg(R4, args.get(1), true); else out.setArgImm(R4, 0);
                int status = out.call(HelperTable.RINGBUF_OUTPUT, 4);
                countDrop(c, map, status, JEQ);
                c.pushResult(status);
                return;
            }
            case "reserve": {
                Value.Ptr p = (Value.Ptr) c.result();
                out.setArgMap(R1, map);
                out.setArgImm(R2, p.target().size());
                out.setArgImm(R3, 0);
                int record = out.call(HelperTable.RINGBUF_RESERVE, 3);
                countDrop(c, map, record, JNE);
                c.pushResult(record);
                return;
            }
            case "submit": case "discard": {
                out.setArg(R1, args.get(0), true);
                if (args.size() > 1) out.setArg(R2, args.get(1), true); else out.setArgImm(R2, 0);
                out.callVoid(name.equals("submit") ? HelperTable.RINGBUF_SUBMIT : HelperTable.RINGBUF_DISCARD, 2);
                return;
            }
            default: throw c.error("unsupported ring buffer operation " + name);
        }
    }

    /**
     * Unless {@code result} passed the test {@code success} against 0 (output returns 0, reserve a non-null record),
     * adds one to the ring's slot of the drop counters, so readers can report what a full ring refused.
     */
    private static void countDrop(LoweringCall c, MapDecl ring, int result, int success) {
        RingDrops drops = c.body().program().ringDrops();
        Emitter out = c.out();
        Mir.Label done = out.newLabel();
        out.jumpIf(JMP | success | K, result, 0, 0, done);
        int key = c.body().program().scratchSlot(true) + 4;  // the top of the slot, like the keys of MapCalls
        out.store(4, R10, key, new Operand.Imm(drops.slot(ring)));
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
