package org.jbpf.translator.analysis;

import static org.jbpf.translator.analysis.ValueChecks.*;
import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.frontend.BytecodeShape;
import org.jbpf.translator.frontend.EnumSwitches;
import org.jbpf.translator.frontend.NarrowReturns;
import org.jbpf.translator.frontend.TypeSwitches;
import org.jbpf.translator.intrinsic.PacketHelperCalls;
import org.jbpf.translator.frontend.ProbeArguments;
import org.jbpf.translator.frontend.ProbeClass;
import org.jbpf.translator.frontend.StructRegistry;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Abstract interpretation of a method's bytecode to a fixpoint: which slots hold ints, longs, map references, stack
 * structs or possibly-null map values. This class runs the work list and steps locals, the operand stack, object
 * creation and calls; numbers ({@link ScalarSteps}), arrays ({@link ArraySteps}), fields ({@link FieldSteps}) and
 * jumps and returns ({@link BranchSteps}, where null tests refine a value on each edge) have a class each.
 * Everything the translator does not support is rejected at its source line.
 */
public final class MethodAnalyzer {
    /** Whether each method being analysed, innermost first, is the program itself (not an inlined call). */
    private final Deque<Boolean> isProgram = new ArrayDeque<>();
    private final StructRegistry structs;
    private final InvokeAnalyzer invokes;
    private final FieldSteps fields;
    private final String probeClass;
    /** Whether javac wrote string concatenations as StringBuilder chains (a class for Java 8 or older). */
    private final boolean concatBuilders;
    private final BranchSteps branches = new BranchSteps(this);

    private MethodAnalyzer(ProbeClass probe, StructRegistry structs, String entry, boolean automaticFunctions) {
        this.structs = structs;
        this.probeClass = probe.node.name;
        this.concatBuilders = (probe.node.version & 0xffff) < org.objectweb.asm.Opcodes.V9;
        this.invokes = new InvokeAnalyzer(this, probe, structs, entry, automaticFunctions);
        this.fields = new FieldSteps(probe, structs);
    }

    public static MethodAnalysis analyzeSection(ProbeClass probe, StructRegistry structs, MethodNode m) {
        return analyzeSection(probe, structs, m, true);
    }

    /**
     * Analyses a section method; with {@code automaticFunctions} false only {@code @NoInline} methods and loop bodies
     * become BPF functions, every other static call is inlined.
     */
    public static MethodAnalysis analyzeSection(ProbeClass probe, StructRegistry structs, MethodNode m, boolean automaticFunctions) {
        Type[] args = Type.getArgumentTypes(m.desc);
        List<Value> entry = new ArrayList<>();
        if (args.length >= 1) {
            if (args[0].getSort() != Type.OBJECT && args[0].getSort() != Type.LONG)
                throw new TranslationException(probe.file, ProbeClass.firstLine(m), "the context parameter of " + m.name
                        + " must be a context class such as TracepointContext");
            if (args[0].getSort() == Type.OBJECT) SectionContext.check(probe, m, args[0].getInternalName());
            entry.add(args[0].getSort() == Type.LONG ? new Value.Scalar(true, null)
                    : new Value.Ctx(args[0].getInternalName(), probe.sectionNames.get(m)));
            for (ProbeArguments.Argument arg : ProbeArguments.of(probe.file, m, probe.sectionNames.get(m)))
                entry.add(new Value.Scalar(arg.isLong(), null));
        }
        MethodAnalyzer analyzer = new MethodAnalyzer(probe, structs, probe.node.name + "." + m.name + m.desc, automaticFunctions);
        MethodAnalysis program = analyzer.analyze(m, probe.node.name, probe.file, entry, 1, 0, true);
        program.subprograms = analyzer.invokes.subprograms();
        checkConstantFaults(program, program.subprograms);
        return program;
    }

    StructRegistry structs() { return structs; }

    MethodAnalysis analyze(MethodNode m, String owner, String file, List<Value> entryArgs, long context, int reservations,
                           boolean isProgram) {
        return analyze(m, owner, file, entryArgs, context, reservations, isProgram, java.util.Map.of(), null, -1, CopyFacts.NONE);
    }

    /** As above, for a body inlined where the callers' variables {@code heldByCallers} refer to struct array elements. */
    MethodAnalysis analyze(MethodNode m, String owner, String file, List<Value> entryArgs, long context, int reservations,
                           boolean isProgram, java.util.Map<String, String> heldByCallers, MethodAnalysis caller, int callIndex,
                           CopyFacts copies) {
        EnumSwitches.rewrite(m, structs);
        TypeSwitches.rewrite(m);
        NarrowReturns.rewrite(m);
        MethodAnalysis a = new MethodAnalysis(m, owner, file, context);
        a.heldByCallers.putAll(heldByCallers);
        a.inlinedInto = caller;
        a.inlinedAt = callIndex;
        // synchronized comes with a handler that releases the monitor: name the lock, not the try/catch javac made for it
        if ((m.access & org.objectweb.asm.Opcodes.ACC_SYNCHRONIZED) != 0)
            throw new TranslationException(file, ProbeClass.firstLine(m), "method " + m.name + " is synchronized, but BPF programs "
                    + "have no locks; drop synchronized and update shared counts with a map's atomic operations (increment, add)");
        for (int i = 0; i < m.instructions.size(); i++)
            if (m.instructions.get(i).getOpcode() == MONITORENTER)
                throw a.error(i, "synchronized is not supported in BPF programs, which have no locks; update shared counts with "
                        + "a map's atomic operations (increment, add) instead");
        // try/finally: javac copies the finally block onto every normal way out of the try, and its handler, which
        // only runs for an exception, is never reached in a program that cannot throw; catch clauses are refused
        boolean onlyFinally = true;
        if (m.tryCatchBlocks != null) for (var block : m.tryCatchBlocks) onlyFinally &= block.type == null;
        if (!onlyFinally)
            throw new TranslationException(file, ProbeClass.firstLine(m), "method " + m.name
                    + " uses try/catch or try-with-resources; BPF programs have no exceptions, test values with if instead");
        BytecodeShape.check(a);
        Frame entry = new Frame(Math.max(m.maxLocals, 1));
        int slot = 0;
        for (Value v : entryArgs) {
            entry.locals[slot++] = v;
            if (v instanceof Value.Scalar s && s.isLong()) entry.locals[slot++] = new Value.Half();
        }
        entry.reservations = reservations;
        entry.copies = copies;
        a.frames[0] = entry;
        this.isProgram.push(isProgram);
        try {
            run(a);
        } finally {
            this.isProgram.pop();
        }
        return a;
    }

    /** Steps the instructions of {@code a} from its entry frame until no frame changes. */
    private void run(MethodAnalysis a) {
        Deque<Integer> work = new ArrayDeque<>();
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            Frame in = a.frames[i];
            try {
                step(a, i, new Frame(in), work);
            } catch (TranslationException e) {
                if (e.file() != null && e.placed()) throw e;
                // raised where the line is not known (Frame, a @Struct class's fields): the instruction's line is the place to fix
                String message = e.file() == null ? e.getMessage() : e.getMessage().substring(e.file().length() + 2);
                TranslationException positioned = a.error(i, message);
                positioned.initCause(e);
                throw positioned;
            }
        }
    }

    void leavesMethod(MethodAnalysis a, int i, Frame f) {
        if (isProgram.peek() && f.reservations > 0)
            throw a.error(i, "the ring buffer record reserved at " + f.reservedAt + " is neither submitted nor discarded "
                    + "when the program returns here; call submit(..) or discard(..) on every path");
        a.exitReservations = Math.max(a.exitReservations, f.reservations);
        // what the first path brings is all the exit knows; each other path keeps what they know alike (KeyFields)
        a.exitCopies = a.exited ? a.exitCopies.merge(f.copies) : f.copies;
        a.exited = true;
        if (isProgram.peek() && f.iterators > 0)
            throw a.error(i, "the numbers iterator made at " + f.iteratorAt + " is not closed when the program returns here; "
                    + "call close() on it on every path (the kernel requires bpf_iter_num_destroy)");
    }

    void flow(MethodAnalysis a, int to, Frame f, Deque<Integer> work) {
        if (to >= a.insns.length) throw a.error(a.insns.length - 1, "code falls off the end of the method");
        if (a.frames[to] == null) {
            a.frames[to] = f;
            work.add(to);
        } else if (a.frames[to].mergeFrom(f, a.site(to))) {
            if (!work.contains(to)) work.add(to);
        }
    }

    private void step(MethodAnalysis a, int i, Frame f, Deque<Integer> work) {
        AbstractInsnNode in = a.insns[i];
        int op = in.getOpcode();
        if (op < 0) { flow(a, i + 1, f, work); return; }
        if (branches.step(a, i, in, op, f, work)) return;
        CopySteps.before(a, i, in, op, f);
        if (ScalarSteps.step(a, i, in, op, f) || (op == NEWARRAY || op == ANEWARRAY) && f.stack.size() >= 2 && FieldArrayInits.step(a, i, in, f, structs)
                || StructArraySteps.step(a, i, in, op, f, structs) || ArraySteps.step(a, i, in, op, f)
                || fields.step(a, i, in, op, f)) {
            CopySteps.after(a, i, in, op, a.frames[i], f);
            flow(a, i + 1, f, work);
            return;
        }
        switch (op) {
            case NOP: break;
            case ACONST_NULL: f.push(new Value.Null()); break;
            case ILOAD: case LLOAD: case ALOAD: {
                Value v = f.locals[((VarInsnNode) in).var];
                if (v instanceof Value.Top t) {
                    String name = localName(a, i, ((VarInsnNode) in).var);
                    // a slot without a name in a class with names is javac's own (the string of a switch over strings)
                    String who = name.startsWith("#") && a.method.localVariables != null && !a.method.localVariables.isEmpty()
                            ? "the value javac keeps for this statement" : "variable " + name;
                    throw a.error(i, t.why().equals("not assigned")
                            ? who + " may be used before it is assigned"
                            : t.why().startsWith(PacketHelperCalls.STALE_HEADER) ? who + " holds " + t.why()
                            : t.why().startsWith(JavaText.STRING_CHOICE) ? who + " holds " + t.why() + ", " + JavaText.STRING_CHOICE_ADVICE
                            : t.why().startsWith(JavaText.CLASS_CHOICE) ? who + " holds " + t.why() + ", " + JavaText.CLASS_CHOICE_ADVICE
                            : who + " holds " + t.why() + "; a BPF program needs one kind of value per variable, "
                              + "so give each its own variable (or create the struct with new before the branch)");
                }
                f.push(v);
                break;
            }
            case ISTORE: case LSTORE: case ASTORE: {
                int var = ((VarInsnNode) in).var;
                Value v = f.pop();
                if (v instanceof Value.Uninit) throw a.error(i, "object stored before its constructor ran");
                // Long v = map.lookup(k); if (v == null) v = 0L; the number goes to the stack so the variable stays a reference
                if (v instanceof Value.Boxed b && (f.locals[var] instanceof Value.Null
                        || f.locals[var] instanceof Value.Ptr p && p.target().equals(b.type()) && !p.ringRecord()))
                    v = new Value.Ptr(b.type(), false, a.site(i), "a boxed " + b.type().javaName(), false);
                f.locals[var] = v;
                if (op == LSTORE) f.locals[var + 1] = new Value.Half();
                break;
            }
            case POP: case POP2: case DUP: case DUP_X1: case DUP_X2: case DUP2: case DUP2_X1: case DUP2_X2: case SWAP:
                StackShuffle.apply(op, f);
                break;
            case INVOKEVIRTUAL: case INVOKESTATIC: case INVOKESPECIAL: case INVOKEINTERFACE:
                invokes.invoke(a, i, (MethodInsnNode) in, f);
                break;
            case INVOKEDYNAMIC: invokes.invokeDynamic(a, i, (InvokeDynamicInsnNode) in, f); break;
            case NEW: {
                String t = ((TypeInsnNode) in).desc;
                if (t.equals(probeClass))
                    throw a.error(i, "cannot create an instance of the probe class " + StructRegistry.simple(t) + ": a BPF program has "
                            + "no objects other than @Struct ones; make its methods static and keep its state in maps or global "
                            + "variables (static fields)");
                if (!structs.isStruct(t)) throw a.error(i, ValueChecks.cannotCreate(t, concatBuilders));
                f.push(new Value.Uninit(t, i));
                break;
            }
            case ATHROW: throw a.error(i, "BPF programs cannot throw; return an error code instead");
            case CHECKCAST: {
                String t = ((TypeInsnNode) in).desc;
                Value v = f.peek(0);
                checkCast(a, i, v, t, structs);
                break;
            }
            case INSTANCEOF: {
                Value v = f.pop();
                f.push(new Value.Scalar(false, ValueChecks.instanceOf(a, i, v, ((TypeInsnNode) in).desc, structs)));
                break;
            }
            case MONITORENTER: case MONITOREXIT: throw a.error(i, "synchronized is not supported in BPF programs");
            default: throw a.error(i, "bytecode " + op + " is not supported");
        }
        CopySteps.after(a, i, in, op, a.frames[i], f);
        flow(a, i + 1, f, work);
    }

    private static boolean isWide(Value v) { return v instanceof Value.Scalar s && s.isLong(); }
}
