package org.jbpf.sim.verifier;

import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.ProgramSpec;

/**
 * The arguments of a tracing (tp_btf) program and the kernel structs they point to. The kernel types each argument
 * from the traced function's BTF: a struct pointer becomes PTR_TO_BTF_ID, whose fields the program reads with plain
 * loads, a number stays a scalar. The simulation has no kernel BTF, so an argument is a {@link RegType#BTF_ID} value
 * that serves as a number anywhere, and a load through it (or through a pointer field read from it) is accepted only
 * where the object's CO-RE field offset record names the field loaded, at the load's offset: a number of the load's
 * size, or a pointer, which is again such a value; so is the address of an embedded struct, the value plus a constant
 * that carries such a record. Other arithmetic on it gives a plain number, through which nothing is loaded.
 *
 * <p>The context itself is checked against the running kernel's BTF, as the kernel checks it: the target's
 * {@code btf_trace_<name>} prototype says how many arguments there are and which are numbers (readable at any width
 * at their 8-byte slot) or pointers (read whole). Not modelled, so checked by the kernel alone when it loads the
 * program: whether an argument really points to the struct the relocation names (the loader relocates the field by
 * name against the running kernel; a wrong argument index is refused there, not here).
 */
final class TracingArguments {
    private TracingArguments() {}

    /** What reading a pointer argument from the context gives. */
    static RegState argument() { return RegState.UNKNOWN_SCALAR.withType(RegType.BTF_ID); }

    /**
     * A context access of a tp_btf program whose section names its target: null where the kernel refuses it (an
     * offset off an argument's slot, past the last argument, a write, a pointer read in part).
     */
    static RegState contextRead(VerifierContext cx, int off, int size, boolean write) {
        String section = cx.prog.section();
        String target = section.substring(section.indexOf('/') + 1);
        Btf kernel = RunningKernelBtf.orNull();
        if (kernel == null)
            throw new Reject("cannot check the arguments of " + target + " without the kernel's BTF",
                    "tp_btf programs are checked against " + RunningKernelBtf.VMLINUX + ", which is missing here");
        int id = kernel.find(BtfType.KIND_TYPEDEF, "btf_trace_" + target);
        BtfType proto = id <= 0 ? null : kernel.type(kernel.resolve(id));
        if (proto instanceof BtfType.Ptr p) proto = kernel.type(kernel.resolve(p.type()));
        if (!(proto instanceof BtfType.FuncProto f))
            throw new Reject("attach_btf_id is not a raw tracepoint: no btf_trace_" + target,
                    "the running kernel has no raw tracepoint " + target + "; check the section name");
        // the prototype's first parameter is the tracepoint's private data, not an argument
        int arg = off / 8, args = f.params().size() - 1;
        if (write || off < 0 || off % 8 != 0 || arg >= args) return null;
        BtfType t = kernel.type(kernel.resolve(f.params().get(arg + 1).type()));
        if (t instanceof BtfType.Ptr) return size == 8 ? argument() : null;
        return size == 8 ? RegState.UNKNOWN_SCALAR : RegState.scalar(ScalarBounds.unsignedRange(0, (1L << (size * 8)) - 1));
    }

    /** True when the instruction being checked carries a CO-RE field offset record: an embedded struct's offset. */
    static boolean hasFieldRecord(VerifierContext cx) {
        for (ProgramSpec.CoreRelocation r : cx.prog.coreRelocations()) if (r.insn() == cx.pc && r.kind() == 0) return true;
        return false;
    }

    /** A load of {@code size} bytes at {@code insnOff} through register {@code regno}, a {@link RegType#BTF_ID} value. */
    static RegState load(VerifierContext cx, int regno, int insnOff, int size, boolean write) {
        if (write)
            throw new Reject("only read is supported", "a kernel struct reached through a tracing argument is read-only");
        ProgramSpec.CoreRelocation relo = null;
        for (ProgramSpec.CoreRelocation r : cx.prog.coreRelocations())
            if (r.insn() == cx.pc && r.kind() == 0) relo = r;
        if (relo == null)
            throw new Reject("R" + regno + " load through a BTF-typed pointer without a CO-RE field record (not modelled)",
                    "a kernel struct is read through a tracing argument by field name (a @KernelType reader); the simulation"
                            + " cannot check a load at a bare offset");
        Btf btf = cx.obj.btf();
        BtfType.Member m = member(btf, relo, regno);
        if (m.bitfieldSize() != 0 || m.bitOffset() % 8 != 0 || m.bitOffset() / 8 != insnOff)
            throw new Reject("R" + regno + " load at offset " + insnOff + " does not match its CO-RE record " + relo.access(),
                    "the load and its field relocation disagree; the object is malformed");
        BtfType t = btf.type(btf.resolve(m.type()));
        if (t instanceof BtfType.Ptr && size == 8) return argument();
        boolean number = t instanceof BtfType.IntType || t instanceof BtfType.Enum || t instanceof BtfType.Enum64;
        if (number && btf.sizeOf(btf.resolve(m.type())) == size)
            return RegState.scalar(size == 8 ? ScalarBounds.UNKNOWN : ScalarBounds.unsignedRange(0, (1L << (size * 8)) - 1));
        throw new Reject("R" + regno + " access of " + size + " bytes to field " + m.name() + " (not modelled)",
                "field " + m.name() + " is read with a load of another size than the field's, or it is not a number or pointer");
    }

    /** The member a relocation's access string "0:N" reaches in the object's local BTF. */
    private static BtfType.Member member(Btf btf, ProgramSpec.CoreRelocation relo, int regno) {
        String[] steps = relo.access().split(":");
        BtfType t = btf.type(btf.resolve(relo.localTypeId()));
        List<BtfType.Member> members = t instanceof BtfType.Struct s ? s.members() : t instanceof BtfType.Union u ? u.members() : null;
        int index = steps.length == 2 && steps[0].equals("0") && steps[1].matches("\\d{1,6}") ? Integer.parseInt(steps[1]) : -1;
        if (members == null || index < 0 || index >= members.size())
            throw new Reject("R" + regno + " load of a nested field " + relo.access() + " through a BTF-typed pointer (not modelled)",
                    "the simulation follows only a struct's own fields through a tracing argument");
        return members.get(index);
    }
}
