package org.jbpf.runtime;

import static org.jbpf.core.asm.Opcodes.ADD;
import static org.jbpf.core.asm.Opcodes.DW;
import static org.jbpf.core.asm.Opcodes.IMM;
import static org.jbpf.core.asm.Opcodes.JEQ;
import static org.jbpf.core.asm.Opcodes.JNE;
import static org.jbpf.core.asm.Opcodes.LD;
import static org.jbpf.core.asm.Opcodes.PSEUDO_FUNC;
import static org.jbpf.core.asm.Opcodes.PSEUDO_MAP_FD;
import static org.jbpf.core.asm.Opcodes.SUB;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.BtfWriter;

/**
 * The instructions of a program that copies every entry of one map into an output array, built per map from
 * {@link Insn} values: {@code bpf_for_each_map_elem} walks the map inside the kernel and calls back for each entry, and
 * the callback copies the key and then the value into the next element of the output array, one record per element:
 *
 * <pre>
 * main:     count = 0; bpf_for_each_map_elem(map, copy, &amp;count, 0); return count;
 * copy:     record = bpf_map_lookup_elem(out, &amp;(u32) *count); if (!record) return 1;   // full: stop
 *           record[0 .. keySize) = key; record[keySize .. keySize + valueSize) = value;
 *           if (key != record[0 .. keySize)) return 0;    // the element went to another key meanwhile: not counted
 *           *count += 1; return 0;                        // go on
 * </pre>
 *
 * The copies are plain loads and stores of 8, 4, 2 and 1 bytes, so a value with a spin lock or a timer in it is refused
 * by the verifier (the walk then goes by batch, which copies such values without their lock).
 */
final class DumpProgram {
    private static final int FOR_EACH_MAP_ELEM = 164, MAP_LOOKUP_ELEM = 1, KTIME_GET_NS = 5,
            MAP_LOOKUP_PERCPU_ELEM = 195;

    /** Slot of the callback's first instruction. */
    static final int CALLBACK_SLOT = 14;

    private DumpProgram() {}

    /**
     * The BTF the kernel needs to load a program with a callback: {@code long jbpf_dump(void *ctx)} and the static
     * {@code long jbpf_dump_copy(void *map, void *key, void *value, void *ctx)}.
     */
    static byte[] btf() {
        Btf btf = new Btf();
        int lng = btf.add(new BtfType.IntType("long", 8, BtfType.INT_SIGNED, 0, 64));
        int ptr = btf.add(new BtfType.Ptr(0));
        int main = btf.add(new BtfType.FuncProto(lng, List.of(new BtfType.Param("ctx", ptr))));
        btf.add(new BtfType.Func("jbpf_dump", main, BtfType.LINKAGE_GLOBAL));
        int copy = btf.add(new BtfType.FuncProto(lng, List.of(new BtfType.Param("map", ptr), new BtfType.Param("key", ptr),
                new BtfType.Param("value", ptr), new BtfType.Param("ctx", ptr))));
        btf.add(new BtfType.Func("jbpf_dump_copy", copy, BtfType.LINKAGE_STATIC));
        return BtfWriter.encode(btf).bytes();
    }

    /** The two {@code bpf_func_info} records for {@link #btf}: slot and BTF id of each function. */
    static byte[] funcInfo() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(4).putInt(CALLBACK_SLOT).putInt(6);
        return b.array();
    }

    /** The program over map {@code mapFd}, writing records of key then value into the elements of array {@code outFd}. */
    static List<Insn> instructions(int mapFd, int outFd, int keySize, int valueSize) {
        return instructions(mapFd, outFd, keySize, valueSize, 0, true);
    }

    /**
     * As {@link #instructions(int, int, int, int)}; for a per-CPU map ({@code cpus} > 0) the callback copies each
     * possible CPU's value, looked up with {@code bpf_map_lookup_percpu_elem}, to its slot of the record's value: one
     * slot per CPU, each rounded up to 8 bytes, as a batch lookup lays them out. {@code keysMove}: the map's elements
     * can be freed and reused for other keys under the walk (hash maps; an array's never are), so each copy checks its key.
     */
    static List<Insn> instructions(int mapFd, int outFd, int keySize, int valueSize, int cpus, boolean keysMove) {
        List<Insn> copy = callback(mapFd, outFd, keySize, valueSize, cpus, keysMove);
        List<Insn> p = new ArrayList<>();
        // count starts at 0, a value the verifier must not know: it verifies the callback again for each count it can
        // tell apart, so a known 0, 1, 2 ... would never let it settle (it gives up with ENOMEM)
        p.add(Insn.call(KTIME_GET_NS));
        p.add(Insn.mov64Reg(1, 0));
        p.add(Insn.alu64Reg(SUB, 1, 0));
        p.add(Insn.store(8, 10, -8, 1));
        p.add(mapFd(1, mapFd));
        p.add(new Insn(LD | IMM | DW, 2, PSEUDO_FUNC, 0, CALLBACK_SLOT - 7));  // relative to the slot after this load
        p.add(Insn.mov64Reg(3, 10));
        p.add(Insn.alu64Imm(ADD, 3, -8));
        p.add(Insn.mov64Imm(4, 0));
        p.add(Insn.call(FOR_EACH_MAP_ELEM));
        p.add(Insn.load(8, 0, 10, -8));
        p.add(Insn.exit());
        if (Insn.slotOffsets(p)[p.size()] != CALLBACK_SLOT) throw new IllegalStateException("dump program layout changed");
        p.addAll(copy);
        return p;
    }

    /**
     * {@code copy(map, key, value, count)}: r7 key, r8 value, r9 count's address, r6 count. The lookup of element
     * {@code count} fails once the array is full, which ends the walk.
     */
    private static List<Insn> callback(int mapFd, int outFd, int keySize, int valueSize, int cpus, boolean keysMove) {
        List<Insn> body = new ArrayList<>();
        body.add(Insn.load(8, 6, 4, 0));
        body.add(Insn.mov64Reg(7, 2));
        body.add(Insn.mov64Reg(8, 3));
        body.add(Insn.mov64Reg(9, 4));
        body.add(Insn.store(4, 10, -4, 6));
        body.add(mapFd(1, outFd));
        body.add(Insn.mov64Reg(2, 10));
        body.add(Insn.alu64Imm(ADD, 2, -4));
        body.add(Insn.call(MAP_LOOKUP_ELEM));
        int nullTest = body.size();
        body.add(null);  // if r0 == 0 goto stop, patched below
        copy(body, 7, 0, keySize, 0);
        if (cpus == 0) copy(body, 8, 0, valueSize, keySize);
        else perCpuValues(body, mapFd, valueSize, keySize, cpus);
        List<Integer> keyChecks = keysMove ? keyStillCopied(body, cpus == 0 ? 0 : 8, keySize) : List.of();
        body.add(Insn.alu64Imm(ADD, 6, 1));
        body.add(Insn.store(8, 9, 0, 6));
        body.add(Insn.mov64Imm(0, 0));
        body.add(Insn.exit());
        int skip = body.size();
        if (!keyChecks.isEmpty()) {  // the kernel refuses code no jump reaches
            body.add(Insn.mov64Imm(0, 0));
            body.add(Insn.exit());
        }
        int stop = body.size();
        body.add(Insn.mov64Imm(0, 1));
        body.add(Insn.exit());

        List<Integer> holes = new ArrayList<>(keyChecks);
        holes.add(nullTest);
        int[] slot = slotsWith(body, holes);
        body.set(nullTest, Insn.jumpImm(JEQ, 0, 0, slot[stop] - slot[nullTest] - 1));
        for (int at : keyChecks) {
            Insn load = body.get(at);  // the placeholder holds the registers to compare
            body.set(at, Insn.jumpReg(JNE, load.dst(), load.src(), slot[skip] - slot[at] - 1));
        }
        return body;
    }

    /** Slot offsets of {@code body} with the placeholders at {@code holes} counted as one slot each. */
    private static int[] slotsWith(List<Insn> body, List<Integer> holes) {
        int[] out = new int[body.size() + 1];
        for (int i = 0; i < body.size(); i++) out[i + 1] = out[i] + (holes.contains(i) ? 1 : body.get(i).slots());
        return out;
    }

    /**
     * After the copy, compares the element's key (r7) with the record's copy ({@code record}) again, widest accesses
     * first, through r1 and r2: the kernel may hand an element that a delete or update frees to another key while the
     * walk copies it, and a key that changed means the value copied may be the other key's; such a record is not
     * counted (the walk goes on and the next record takes its place). Returns the placeholders of the jumps to
     * the skip, each holding the two registers to compare.
     */
    private static List<Integer> keyStillCopied(List<Insn> p, int record, int keySize) {
        List<Integer> jumps = new ArrayList<>();
        int done = 0;
        for (int size = 8; size >= 1; size /= 2) {
            while (keySize - done >= size) {
                p.add(Insn.load(size, 1, 7, done));
                p.add(Insn.load(size, 2, record, done));
                jumps.add(p.size());
                p.add(Insn.mov64Reg(1, 2));  // placeholder: if r1 != r2 goto skip
                done += size;
            }
        }
        return jumps;
    }

    /**
     * With the record in r0 and the key in r7: r8 = record; then for each CPU, {@code value =
     * bpf_map_lookup_percpu_elem(map, key, cpu)} and, when there is one, its bytes to the CPU's slot (left zero else).
     */
    private static void perCpuValues(List<Insn> p, int mapFd, int valueSize, int at, int cpus) {
        int stride = (valueSize + 7) / 8 * 8;
        p.add(Insn.mov64Reg(8, 0));
        for (int cpu = 0; cpu < cpus; cpu++) {
            p.add(mapFd(1, mapFd));
            p.add(Insn.mov64Reg(2, 7));
            p.add(Insn.mov64Imm(3, cpu));
            p.add(Insn.call(MAP_LOOKUP_PERCPU_ELEM));
            List<Insn> copy = new ArrayList<>();
            copy(copy, 0, 8, valueSize, at + cpu * stride);
            p.add(Insn.jumpImm(JEQ, 0, 0, copy.size()));  // plain loads and stores: one slot each
            p.addAll(copy);
        }
    }

    /** Copies {@code n} bytes from {@code [from]} to {@code [to + at]} through r1, widest accesses first. */
    private static void copy(List<Insn> p, int from, int to, int n, int at) {
        int done = 0;
        for (int size = 8; size >= 1; size /= 2) {
            while (n - done >= size) {
                p.add(Insn.load(size, 1, from, done));
                p.add(Insn.store(size, to, at + done, 1));
                done += size;
            }
        }
    }

    private static Insn mapFd(int dst, int fd) { return new Insn(LD | IMM | DW, dst, PSEUDO_MAP_FD, 0, fd); }
}
