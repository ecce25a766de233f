package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;

/**
 * Methods of the map classes in {@code org.jbpf.maps} called on a map field of the probe: lookup, update and delete
 * on hash and array maps, output on perf event arrays, output, reserve, submit and discard on ring buffers, and
 * getStackId on stack trace maps; increment and add (in {@link CounterCalls}). Keys and values are passed by address;
 * primitives go through a scratch slot.
 */
final class MapCalls implements Intrinsic {
    @Override
    public Value type(TypingCall c) {
        if (!(c.receiver() instanceof Value.MapRef ref))
            throw c.error("map methods must be called directly on a map field of the probe");
        MapDecl map = ref.map();
        List<Value> args = c.args();
        String name = c.insn().name;
        switch (map.mapType()) {
            case MapTypes.PERF_EVENT_ARRAY:
                if (!name.equals("output")) break;
                structArg(c, args.get(0), map, "output");
                return new Value.Scalar(true, null);
            case MapTypes.RINGBUF:
                return RingBufferCalls.type(c, map);
            case MapTypes.DEVMAP, MapTypes.CPUMAP, MapTypes.XSKMAP:
                return PacketHelperCalls.typeRedirectMap(c, map);
            case MapTypes.STACK_TRACE:
                if (!name.equals("getStackId")) break;
                if (!(args.get(0) instanceof Value.Ctx)) throw c.error("getStackId needs the program's context parameter");
                return new Value.Scalar(true, null);
            default:
                switch (name) {
                    case "lookup":
                        typedArg(c, args.get(0), map.key(), map, "key");
                        return new Value.Ptr(map.value(), true, c.site(), map.name() + ".lookup(..)", false);
                    case "update":
                        typedArg(c, args.get(0), map.key(), map, "key");
                        typedArg(c, args.get(1), map.value(), map, "value");
                        return new Value.Scalar(true, null);
                    case "delete":
                        typedArg(c, args.get(0), map.key(), map, "key");
                        return new Value.Scalar(true, null);
                    case "increment": case "add":
                        typedArg(c, args.get(0), map.key(), map, "key");
                        return CounterCalls.typeMapAdd(c, map);
                    default: break;
                }
        }
        throw c.error(map.simpleClassName() + " " + map.name() + " has no operation " + name + " in BPF programs");
    }

    /** A struct (or byte array) to send: a stack object or a pointer tested against null. */
    static void structArg(TypingCall c, Value v, MapDecl map, String op) {
        if (v instanceof Value.StackObj) return;
        if (v instanceof Value.Ptr p) {
            if (p.nullable()) throw c.error(p.origin() + " may be null here; test it against null before " + op);
            return;
        }
        throw c.error(map.name() + "." + op + " needs a @Struct object (or byte array), not " + v.describe());
    }

    private static void typedArg(TypingCall c, Value v, ValueType want, MapDecl map, String what) {
        if (want instanceof ValueType.Prim) {
            if (v instanceof Value.Boxed || v instanceof Value.Scalar) return;
            if (v instanceof Value.Ptr p && p.target().equals(want)) {
                if (p.nullable()) throw c.error(p.origin() + " may be null here; test it against null first");
                return;
            }
        } else if (v instanceof Value.StackObj so && so.type().equals(want)) {
            return;
        } else if (v instanceof Value.Ptr p && p.target().equals(want)) {
            if (p.nullable()) throw c.error(p.origin() + " may be null here; test it against null first");
            return;
        }
        if (v instanceof Value.Null) throw c.error("map " + what + " of " + map.name() + " must not be null");
        throw c.error("map " + map.name() + " expects a " + what + " of type " + want.javaName() + ", not " + v.describe());
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        MapDecl map = ((Value.MapRef) c.receiverValue()).map();
        List<Operand> args = c.args();
        String name = c.insn().name;
        switch (map.mapType()) {
            case MapTypes.PERF_EVENT_ARRAY: {
                int ctxReg = c.body().program().contextRegister();
                if (ctxReg < 0) throw c.error("perf output needs the program's context; give the @Section method its context parameter");
                Addr ev = c.address(0);
                int size = sizeOf(c.values().get(0));
                out.setArg(R1, new Operand.Reg(ctxReg, false), true);
                out.setArgMap(R2, map);
                if (args.size() > 1) out.setArg(R3, args.get(1), true); else out.loadImm(R3, 0xffffffffL, true);
                out.setArgAddr(R4, ev);
                out.setArgImm(R5, size);
                c.pushResult(out.call(HelperTable.PERF_EVENT_OUTPUT, 5));
                return;
            }
            case MapTypes.RINGBUF:
                RingBufferCalls.lower(c, map);
                return;
            case MapTypes.DEVMAP, MapTypes.CPUMAP, MapTypes.XSKMAP:
                PacketHelperCalls.lowerRedirectMap(c, map);
                return;
            case MapTypes.STACK_TRACE: {
                out.setArg(R1, args.get(0), true);
                out.setArgMap(R2, map);
                out.setArg(R3, args.get(1), true);
                c.pushResult(out.call(HelperTable.GET_STACKID, 3));
                return;
            }
            default: {
                if (name.equals("update") && ArrayElementStores.lower(c, map)) return;
                Addr key = byAddress(c, 0, map.key(), true);
                switch (name) {
                    case "lookup": {
                        out.setArgMap(R1, map);
                        out.setArgAddr(R2, key);
                        c.pushResult(out.call(HelperTable.MAP_LOOKUP_ELEM, 2));
                        return;
                    }
                    case "update": {
                        Addr value = byAddress(c, 1, map.value(), false);
                        out.setArgMap(R1, map);
                        out.setArgAddr(R2, key);
                        out.setArgAddr(R3, value);
                        if (args.size() > 2) out.setArg(R4, args.get(2), true); else out.setArgImm(R4, 0);
                        int status = out.call(HelperTable.MAP_UPDATE_ELEM, 4);
                        InsertDropCounts.count(c, map, status);
                        c.pushResult(status);
                        return;
                    }
                    case "delete": {
                        out.setArgMap(R1, map);
                        out.setArgAddr(R2, key);
                        c.pushResult(out.call(HelperTable.MAP_DELETE_ELEM, 2));
                        return;
                    }
                    case "increment": case "add":
                        CounterCalls.lowerMapAdd(c, map, key);
                        return;
                    default: throw c.error("unsupported map operation " + name);
                }
            }
        }
    }

    /** The size in bytes of the struct or byte array v refers to. */
    static int sizeOf(Value v) {
        if (v instanceof Value.StackObj so) return so.type().size();
        return ((Value.Ptr) v).target().size();
    }

    /** Address of key or value argument k: structs by address, primitives stored to a scratch slot first. */
    private static Addr byAddress(LoweringCall c, int k, ValueType type, boolean isKey) {
        Emitter out = c.out();
        Operand o = c.args().get(k);
        Value v = c.values().get(k);
        if (v instanceof Value.StackObj || v instanceof Value.Ptr p && !(p.target() instanceof ValueType.Prim)) return c.address(k);
        if (v instanceof Value.Ptr p) {
            // a primitive map value passed on: load it, then store it like any primitive
            int t = out.newVreg();
            out.load(t, ((ValueType.Prim) p.target()).kind(), ((Operand.Reg) o).reg(), 0);
            o = new Operand.Reg(t, true);
        }
        int off = c.body().program().scratchSlot(isKey);
        // a key narrower than 8 bytes goes to the top of its slot, as clang places it: at an 8-aligned offset the kernel
        // tracks a stored constant as a register, whose precision then keeps loop states from being pruned
        if (isKey && type.size() < 8) off += 8 - type.size();
        out.store(type.size(), R10, off, o);
        return new Addr(R10, off);
    }
}
