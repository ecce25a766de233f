package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.mir.Mir;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Adds in place, without an update call: {@code increment}/{@code add} on a map of Long or Integer values, and
 * {@code Atomic.add}/{@code Atomic.increment} on a long or int field of a struct. A map add looks the key up and adds
 * to the value atomically (plainly on per-CPU maps, where no other CPU writes the value); an absent key is inserted
 * with NOEXIST, and when another CPU inserted it first the lookup and add are retried once. {@code Atomic.add} on an
 * element of a long[] or int[] checks the index like an array store, then adds atomically.
 */
final class CounterCalls implements Intrinsic {
    static final String ATOMIC_CLASS = "org/jbpf/Atomic";
    private static final long EEXIST = 17, E2BIG = 7;
    /** The update flag that inserts only when the key is absent. */
    private static final long NOEXIST = 1;

    // ---- Atomic.add(struct, "field", delta) --------------------------------------------------------------------

    @Override
    public Value type(TypingCall c) {
        String name = c.insn().name;
        if (!name.equals("add") && !name.equals("increment")) throw c.error("cannot call org.jbpf.Atomic." + name);
        Value obj = c.args().get(0);
        if (obj instanceof Value.Ptr p && p.nullable())
            throw c.error(p.origin() + " may be null here; test it against null before Atomic." + name);
        if (c.insn().desc.startsWith("([")) {
            // Atomic.add(array, index, delta): an element of a long[] or int[]
            if (!(Arguments.target(obj) instanceof ValueType.PrimArray a))
                throw c.error("Atomic." + name + " needs a long[] or int[] (a @Size(n) field of a struct), not " + obj.describe());
            if (c.args().get(1) instanceof Value.Scalar i && i.constant() != null && (i.constant() < 0 || i.constant() >= a.length()))
                throw c.error("array index " + i.constant() + " is out of bounds for length " + a.length());
            return null;
        }
        if (!(Arguments.target(obj) instanceof ValueType.Struct s))
            throw c.error("Atomic." + name + " needs a @Struct object (a map value or a local struct), not " + obj.describe());
        if (!(c.args().get(1) instanceof Value.StringConst f))
            throw c.error("Atomic." + name + " needs the field name as a string constant, e.g. Atomic." + name + "(s, \"count\""
                    + (name.equals("add") ? ", 1)" : ")"));
        StructLayout.Field fld = s.layout().field(f.text());
        if (fld == null) throw c.error(s.javaName() + " has no field " + f.text());
        if (fld.kind() != StructLayout.Kind.LONG && fld.kind() != StructLayout.Kind.INT)
            throw c.error("Atomic." + name + " works on long and int fields; " + s.javaName() + "." + f.text() + " is not one");
        return null;
    }

    @Override
    public void lower(LoweringCall c) {
        if (Arguments.target(c.values().get(0)) instanceof ValueType.PrimArray a) { lowerElement(c, a); return; }
        ValueType.Struct s = (ValueType.Struct) Arguments.target(c.values().get(0));
        StructLayout.Field fld = s.layout().field(((Value.StringConst) c.values().get(1)).text());
        Operand delta = c.insn().name.equals("add") ? c.args().get(2) : new Operand.Imm(1);
        Addr base = c.address(0);
        atomicAdd(c, base.reg(), base.off() + fld.offset(), fld.size(), delta);
    }

    /** An atomic add to an array element; an index out of range skips it, as an array store does. */
    private static void lowerElement(LoweringCall c, ValueType.PrimArray a) {
        Emitter out = c.out();
        Addr base = c.address(0);
        int size = a.element().size;
        Operand delta = c.insn().name.equals("add") ? c.args().get(2) : new Operand.Imm(1);
        if (c.values().get(1) instanceof Value.Scalar i && i.constant() != null) {
            atomicAdd(c, base.reg(), base.off() + (int) (long) i.constant() * size, size, delta);
            return;
        }
        Mir.Label skip = out.newLabel();
        int offset = out.newVreg(), p = out.newVreg();
        out.emit(ALU | MOV | X, offset, c.body().toReg(c.args().get(1), false), 0, 0);
        out.jumpIf(JMP32 | JGE | K, offset, 0, a.length(), skip);
        out.emit(ALU64 | LSH | K, offset, 0, 0, Integer.numberOfTrailingZeros(size));
        out.mov64(p, base.reg());
        out.emit(ALU64 | ADD | X, p, offset, 0, 0);
        atomicAdd(c, p, base.off(), size, delta);
        out.placeLabel(skip);
    }

    private static void atomicAdd(LoweringCall c, int base, int off, int size, Operand delta) {
        int src = c.body().toReg(delta, true);
        c.out().emit(STX | ATOMIC | sizeFor(size), base, src, off, ADD);
    }

    // ---- map.increment(key), map.add(key, delta) ---------------------------------------------------------------

    /** Types increment/add on a key/value map: its values must be Long or Integer. */
    static Value typeMapAdd(TypingCall c, MapDecl map) {
        if (!(map.value() instanceof ValueType.Prim p) || p.kind() != StructLayout.Kind.LONG && p.kind() != StructLayout.Kind.INT)
            throw c.error(c.insn().name + " needs a map of Long or Integer values; " + map.name() + " holds "
                    + map.value().javaName() + (map.value() instanceof ValueType.Struct ? " (use Atomic.add on a field of the looked-up value)" : ""));
        return new Value.Scalar(true, null);
    }

    /** Lowers increment/add; {@code key} is the key's address, already made. Pushes 0 or a negative errno. */
    static void lowerMapAdd(LoweringCall c, MapDecl map, Addr key) {
        Emitter out = c.out();
        int size = map.value().size();
        Operand delta = c.insn().name.equals("add") ? c.args().get(1) : new Operand.Imm(1);
        boolean perCpu = map.mapType() == MapTypes.PERCPU_HASH || map.mapType() == MapTypes.PERCPU_ARRAY
                || map.mapType() == MapTypes.LRU_PERCPU_HASH;
        boolean array = map.mapType() == MapTypes.ARRAY || map.mapType() == MapTypes.PERCPU_ARRAY;
        // most callers ignore the status; then no register carries it and the common path is lookup, add, done
        int result = discarded(c.insn()) ? -1 : out.newVreg();
        // one add, reached from the first lookup and from the lookup after a lost insert race: one register holds either
        int value = out.newVreg();
        Mir.Label add = out.newLabel(), done = out.newLabel();

        out.mov64(value, lookup(out, map, key));
        out.jumpIf(JMP | JNE | K, value, 0, 0, add);
        if (array) {
            // every index of an array exists: a missing value means the index is out of range
            if (result >= 0) out.loadImm(result, -E2BIG, true);
            out.jump(done);
        } else {
            int slot = c.body().program().scratchSlot(false);
            out.store(size, R10, slot, delta);
            out.setArgMap(R1, map);
            out.setArgAddr(R2, key);
            out.setArgAddr(R3, new Addr(R10, slot));
            out.setArgImm(R4, NOEXIST);
            int status = out.call(HelperTable.MAP_UPDATE_ELEM, 4);
            if (result >= 0) out.mov64(result, status);
            InsertDropCounts.count(c, map, status);
            out.jumpIf(JMP | JNE | K, status, 0, -EEXIST, done);
            // another CPU inserted the key since our lookup: add to its entry
            out.mov64(value, lookup(out, map, key));
            out.jumpIf(JMP | JEQ | K, value, 0, 0, done);
        }
        out.placeLabel(add);
        addTo(c, value, size, delta, perCpu);
        if (result >= 0) out.loadImm(result, 0, true);
        out.placeLabel(done);
        if (result >= 0) c.pushResult(result); else c.body().push(new Operand.Imm(0));
    }

    /** True when the instruction after {@code call} drops its long result. */
    private static boolean discarded(AbstractInsnNode call) {
        AbstractInsnNode n = call.getNext();
        while (n != null && n.getOpcode() < 0) n = n.getNext();   // labels, line numbers and frames
        return n != null && n.getOpcode() == org.objectweb.asm.Opcodes.POP2;
    }

    private static int lookup(Emitter out, MapDecl map, Addr key) {
        out.setArgMap(R1, map);
        out.setArgAddr(R2, key);
        return out.call(HelperTable.MAP_LOOKUP_ELEM, 2);
    }

    private static void addTo(LoweringCall c, int ptr, int size, Operand delta, boolean plain) {
        if (!plain) { atomicAdd(c, ptr, 0, size, delta); return; }
        Emitter out = c.out();
        int t = out.newVreg();
        out.load(t, size == 8 ? StructLayout.Kind.LONG : StructLayout.Kind.INT, ptr, 0);
        if (delta instanceof Operand.Imm k && k.value() == (int) k.value()) out.emit(ALU64 | ADD | K, t, 0, 0, k.value());
        else out.emit(ALU64 | ADD | X, t, c.body().toReg(delta, true), 0, 0);
        out.store(size, ptr, 0, new Operand.Reg(t, true));
    }
}
