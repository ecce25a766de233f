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
import org.jbpf.translator.frontend.GlobalVariables;
import org.jbpf.translator.intrinsic.PacketHelperCalls;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ProbeArguments;
import org.jbpf.translator.frontend.ProbeClass;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Abstract interpretation of a method's bytecode to a fixpoint: which slots hold ints, longs, map references, stack
 * structs or possibly-null map values. Null tests refine a value on each branch, so field access through a map value
 * is only accepted where the code has tested it. Everything the translator does not support is rejected here, at
 * its source line.
 */
public final class MethodAnalyzer {
    /** Whether each method being analysed, innermost first, is the program itself (not an inlined call). */
    private final Deque<Boolean> isProgram = new ArrayDeque<>();
    /** How the origin of a pointer to a {@code @Constant} byte array starts, so that stores into it can be refused. */
    private static final String CONSTANT_ARRAY = "the constant ";

    /** Bytes of BPF stack one local array may take. */
    static final int MAX_LOCAL_ARRAY = 256;

    private final ProbeClass probe;
    private final StructRegistry structs;
    private final InvokeAnalyzer invokes;

    private MethodAnalyzer(ProbeClass probe, StructRegistry structs, String entry, boolean automaticFunctions) {
        this.probe = probe;
        this.structs = structs;
        this.invokes = new InvokeAnalyzer(this, probe, structs, entry, automaticFunctions);
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
        checkConstantIndexes(program, program.subprograms);
        return program;
    }

    StructRegistry structs() { return structs; }

    MethodAnalysis analyze(MethodNode m, String owner, String file, List<Value> entryArgs, long context, int reservations,
                           boolean isProgram) {
        EnumSwitches.rewrite(m, structs);
        MethodAnalysis a = new MethodAnalysis(m, owner, file, context);
        if (m.tryCatchBlocks != null && !m.tryCatchBlocks.isEmpty())
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
                if (e.file() != null && e.line() > 0) throw e;
                // raised where the line is not known (Frame, a @Struct class's fields): the instruction's line is the place to fix
                String message = e.file() == null ? e.getMessage() : e.getMessage().substring(e.file().length() + 2);
                TranslationException positioned = a.error(i, message);
                positioned.initCause(e);
                throw positioned;
            }
        }
    }

    private void leavesMethod(MethodAnalysis a, int i, Frame f) {
        if (isProgram.peek() && f.reservations > 0)
            throw a.error(i, "the ring buffer record reserved at " + f.reservedAt + " is neither submitted nor discarded "
                    + "when the program returns here; call submit(..) or discard(..) on every path");
        a.exitReservations = Math.max(a.exitReservations, f.reservations);
        if (isProgram.peek() && f.iterators > 0)
            throw a.error(i, "the numbers iterator made at " + f.iteratorAt + " is not closed when the program returns here; "
                    + "call close() on it on every path (the kernel requires bpf_iter_num_destroy)");
    }

    private void flow(MethodAnalysis a, int to, Frame f, Deque<Integer> work) {
        if (to >= a.insns.length) throw a.error(a.insns.length - 1, "code falls off the end of the method");
        if (a.frames[to] == null) {
            a.frames[to] = f;
            work.add(to);
        } else if (a.frames[to].mergeFrom(f, a.site(to))) {
            if (!work.contains(to)) work.add(to);
        }
    }

    private int indexOf(MethodAnalysis a, LabelNode label) { return a.method.instructions.indexOf(label); }

    private void step(MethodAnalysis a, int i, Frame f, Deque<Integer> work) {
        AbstractInsnNode in = a.insns[i];
        int op = in.getOpcode();
        if (op < 0) { flow(a, i + 1, f, work); return; }
        switch (op) {
            case NOP: break;
            case ACONST_NULL: f.push(new Value.Null()); break;
            case ICONST_M1: case ICONST_0: case ICONST_1: case ICONST_2: case ICONST_3: case ICONST_4: case ICONST_5:
                f.push(new Value.Scalar(false, (long) (op - ICONST_0))); break;
            case LCONST_0: case LCONST_1: f.push(new Value.Scalar(true, (long) (op - LCONST_0))); break;
            case BIPUSH: case SIPUSH: f.push(new Value.Scalar(false, (long) ((IntInsnNode) in).operand)); break;
            case LDC: {
                Object c = ((LdcInsnNode) in).cst;
                if (c instanceof Integer n) f.push(new Value.Scalar(false, (long) n));
                else if (c instanceof Long n) f.push(new Value.Scalar(true, n));
                else if (c instanceof String s) f.push(new Value.StringConst(s));
                else if (c instanceof Type t && t.getSort() == Type.OBJECT) f.push(new Value.ClassConst(t.getInternalName()));
                else throw floats(a, i);
                break;
            }
            case ILOAD: case LLOAD: case ALOAD: {
                Value v = f.locals[((VarInsnNode) in).var];
                if (v instanceof Value.Top t) {
                    String name = localName(a, i, ((VarInsnNode) in).var);
                    throw a.error(i, t.why().equals("not assigned")
                            ? "variable " + name + " may be used before it is assigned"
                            : t.why().startsWith(PacketHelperCalls.STALE_HEADER) ? "variable " + name + " holds " + t.why()
                            : "variable " + name + " holds " + t.why() + "; a BPF program needs one kind of value per variable, "
                              + "so give each its own variable (or create the struct with new before the branch)");
                }
                f.push(v);
                break;
            }
            case ISTORE: case LSTORE: case ASTORE: {
                int var = ((VarInsnNode) in).var;
                Value v = f.pop();
                if (v instanceof Value.Uninit) throw a.error(i, "object stored before its constructor ran");
                f.locals[var] = v;
                if (op == LSTORE) f.locals[var + 1] = new Value.Half();
                break;
            }
            case FLOAD: case DLOAD: case FSTORE: case DSTORE: case FCONST_0: case FCONST_1: case FCONST_2:
            case DCONST_0: case DCONST_1:
                throw floats(a, i);
            case IALOAD: case LALOAD: case BALOAD: case CALOAD: case SALOAD: {
                Value idx = f.pop();
                Value arr = f.pop();
                checkArray(a, i, arr, idx, op);
                f.push(new Value.Scalar(op == LALOAD, null));
                break;
            }
            case IASTORE: case LASTORE: case BASTORE: case CASTORE: case SASTORE: {
                f.pop();
                Value idx = f.pop();
                Value arr = f.pop();
                checkArray(a, i, arr, idx, op);
                if (arr instanceof Value.Ptr p && p.origin().startsWith(CONSTANT_ARRAY))
                    throw a.error(i, "@Constant byte array " + p.origin().substring(CONSTANT_ARRAY.length())
                            + " is read-only in programs; its bytes are set from Java before loading");
                break;
            }
            case FALOAD: case DALOAD: case FASTORE: case DASTORE: throw floats(a, i);
            case AALOAD: case AASTORE: throw a.error(i, StructRegistry.OBJECT_ARRAYS);
            case POP: case POP2: case DUP: case DUP_X1: case DUP_X2: case DUP2: case DUP2_X1: case SWAP:
                StackShuffle.apply(op, f, d -> isWide(f.peek(d)), v -> v);
                break;
            case DUP2_X2: throw a.error(i, "this expression is too complex (DUP2_X2); split it into several statements");
            case IADD: case ISUB: case IMUL: case IDIV: case IREM: case ISHL: case ISHR: case IUSHR: case IAND: case IOR: case IXOR:
            case LADD: case LSUB: case LMUL: case LDIV: case LREM: case LSHL: case LSHR: case LUSHR: case LAND: case LOR: case LXOR: {
                Value b = f.pop(), x = f.pop();
                scalar(a, i, b); scalar(a, i, x);
                boolean isLong = JavaArithmetic.isLong(op);
                if ((op == IDIV || op == IREM || op == LDIV || op == LREM) && b instanceof Value.Scalar s && s.constant() != null && s.constant() == 0)
                    throw a.error(i, "division by the constant zero");
                f.push(new Value.Scalar(isLong, JavaArithmetic.fold(op, x, b)));
                break;
            }
            case FADD: case FSUB: case FMUL: case FDIV: case FREM: case DADD: case DSUB: case DMUL: case DDIV: case DREM:
            case FNEG: case DNEG: case I2F: case I2D: case L2F: case L2D: case F2I: case F2L: case F2D: case D2I: case D2L: case D2F:
            case FCMPL: case FCMPG: case DCMPL: case DCMPG: case FRETURN: case DRETURN:
                throw floats(a, i);
            case INEG: case LNEG: {
                Value x = f.pop(); scalar(a, i, x);
                Long c = ((Value.Scalar) x).constant();
                f.push(new Value.Scalar(op == LNEG, c == null ? null : op == LNEG ? -c : (long) -(int) (long) c));
                break;
            }
            case IINC: {
                int var = ((IincInsnNode) in).var;
                scalar(a, i, f.locals[var]);
                Long c = ((Value.Scalar) f.locals[var]).constant();
                f.locals[var] = new Value.Scalar(false, c == null ? null : (long) (int) (c + ((IincInsnNode) in).incr));
                break;
            }
            case I2L: { Value x = f.pop(); scalar(a, i, x); Long c = ((Value.Scalar) x).constant(); f.push(new Value.Scalar(true, c)); break; }
            case L2I: { Value x = f.pop(); scalar(a, i, x); Long c = ((Value.Scalar) x).constant(); f.push(new Value.Scalar(false, c == null ? null : (long) (int) (long) c)); break; }
            case I2B: case I2C: case I2S: {
                Value x = f.pop(); scalar(a, i, x); Long c = ((Value.Scalar) x).constant();
                if (c != null) c = op == I2B ? (long) (byte) (long) c : op == I2C ? (long) (char) (long) c : (long) (short) (long) c;
                f.push(new Value.Scalar(false, c));
                break;
            }
            case LCMP: { Value b = f.pop(), x = f.pop(); scalar(a, i, b); scalar(a, i, x); f.push(new Value.Scalar(false, null)); break; }
            case IFEQ: case IFNE: case IFLT: case IFGE: case IFGT: case IFLE: {
                scalar(a, i, f.pop());
                branch(a, i, f, work);
                return;
            }
            case IF_ICMPEQ: case IF_ICMPNE: case IF_ICMPLT: case IF_ICMPGE: case IF_ICMPGT: case IF_ICMPLE: {
                scalar(a, i, f.pop()); scalar(a, i, f.pop());
                branch(a, i, f, work);
                return;
            }
            case IFNULL: case IFNONNULL: {
                Value v = f.pop();
                int target = indexOf(a, ((JumpInsnNode) in).label);
                Frame isNull = new Frame(f), notNull = new Frame(f);
                if (v instanceof Value.Ptr p) {
                    isNull.refine(p.id(), new Value.Null());
                    notNull.refine(p.id(), null);
                    // a null record is no reservation
                    if (p.ringRecord() && p.nullable()) isNull.reservations = Math.max(0, isNull.reservations - 1);
                } else if (!(v instanceof Value.Null || v instanceof Value.Scalar || v instanceof Value.StackObj || v instanceof Value.Boxed
                        || v instanceof Value.Ctx || v instanceof Value.MapRef || v instanceof Value.KernelRef)) {
                    throw a.error(i, "cannot test " + v.describe() + " against null");
                }
                boolean jumpsIfNull = op == IFNULL;
                // a kernel pointer read from memory may be null: both edges stay possible
                boolean mayBeNull = v instanceof Value.Null || v instanceof Value.Ptr p2 && p2.nullable() || v instanceof Value.KernelRef;
                boolean mayBeNonNull = !(v instanceof Value.Null);
                if (jumpsIfNull) {
                    if (mayBeNull) flow(a, target, isNull, work);
                    if (mayBeNonNull) flow(a, i + 1, notNull, work);
                } else {
                    if (mayBeNonNull) flow(a, target, notNull, work);
                    if (mayBeNull) flow(a, i + 1, isNull, work);
                }
                return;
            }
            case IF_ACMPEQ: case IF_ACMPNE: {
                Value b = f.pop(), x = f.pop();
                // enum values are their ordinals: == compares those
                if (!(x instanceof Value.Scalar) || !(b instanceof Value.Scalar))
                    throw a.error(i, "comparing references with == is not supported; test against null or compare fields");
                branch(a, i, f, work);
                return;
            }
            case GOTO: flow(a, indexOf(a, ((JumpInsnNode) in).label), f, work); return;
            case JSR: case RET: throw a.error(i, "JSR/RET bytecode is not supported; compile with a current javac");
            case TABLESWITCH: case LOOKUPSWITCH: {
                scalar(a, i, f.pop());
                List<LabelNode> targets = new ArrayList<>(in instanceof TableSwitchInsnNode ts ? ts.labels : ((LookupSwitchInsnNode) in).labels);
                targets.add(in instanceof TableSwitchInsnNode ts ? ts.dflt : ((LookupSwitchInsnNode) in).dflt);
                for (LabelNode l : targets) flow(a, indexOf(a, l), new Frame(f), work);
                return;
            }
            case IRETURN: case LRETURN: case ARETURN: {
                Value v = f.pop();
                if (op != ARETURN) scalar(a, i, v);
                if (v instanceof Value.Uninit || v instanceof Value.Concat) throw a.error(i, "cannot return " + v.describe());
                a.returnValue = a.returnValue == null ? v : Value.merge(a.returnValue, v, a.site(i));
                leavesMethod(a, i, f);
                return;
            }
            case RETURN:
                leavesMethod(a, i, f);
                return;
            case GETSTATIC: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Integer ordinal = EnumSwitches.ordinal(structs, fi.owner, fi.name);
                if (ordinal != null) {   // an enum constant is its ordinal
                    a.enumConstants.put(i, ordinal);
                    f.push(new Value.Scalar(false, (long) ordinal));
                    break;
                }
                if (fi.name.startsWith("$SwitchMap$"))
                    throw a.error(i, "this switch over an enum could not be translated; switch directly on the enum value, "
                            + "or compare it with == (enum constants are their ordinals in BPF)");
                MapDecl map = fi.owner.equals(probe.node.name) ? probe.maps.get(fi.name) : null;
                GlobalVariables.Variable global = map == null ? global(a, i, fi) : null;
                if (global != null) {
                    f.push(global.isArray() ? new Value.Ptr(new ValueType.Bytes(global.length()), false, a.site(i),
                            (global.constant() ? CONSTANT_ARRAY : "") + fi.name, false) : new Value.Scalar(global.isLong(), null));
                    break;
                }
                if (map == null && fi.name.equals("$assertionsDisabled"))
                    throw a.error(i, "assert cannot be translated: a BPF program has no exception to throw; test the condition with if "
                            + "and return early, or count the failures in a map");
                if (map == null)
                    throw a.error(i, "static field " + fi.owner.replace('/', '.') + "." + fi.name + " is not a map of this probe; "
                            + "programs can use maps, compile-time constants (static final primitives) and global variables (static "
                            + "primitive fields without final, initialised with a constant), not other static state");
                f.push(new Value.MapRef(map));
                break;
            }
            case PUTSTATIC: {
                FieldInsnNode fi = (FieldInsnNode) in;
                GlobalVariables.Variable global = global(a, i, fi);
                if (global == null)
                    throw a.error(i, "programs cannot assign static field " + fi.name + "; only global variables (static primitive "
                            + "fields without final) can be assigned, other state belongs in a map");
                if (global.constant())
                    throw a.error(i, "@Constant field " + fi.name + " is read-only in programs; its value is set from Java before loading");
                if (global.isArray())
                    throw a.error(i, "programs cannot replace the byte array " + fi.name + "; change its bytes in place (" + fi.name + "[i] = ..)");
                scalar(a, i, f.pop());
                break;
            }
            case GETFIELD: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Value obj = f.pop();
                if (obj instanceof Value.CtxView view) { f.push(RecordView.read(a, i, view, fi)); break; }
                ValueType.Struct s = structOf(a, i, obj, fi, "read");
                var field = s.layout().field(fi.name);
                String origin = s.javaName() + "." + fi.name;
                switch (field.kind()) {
                    case BYTES: f.push(new Value.Ptr(new ValueType.Bytes(field.size()), false, a.site(i), origin, false)); break;
                    case ARRAY: f.push(new Value.Ptr(new ValueType.PrimArray(field.element(), field.count()), false, a.site(i), origin, false)); break;
                    case STRUCT: f.push(new Value.Ptr(structs.struct(Type.getType(fi.desc).getInternalName()), false, a.site(i), origin, false)); break;
                    default: f.push(new Value.Scalar(fi.desc.equals("J"), null));
                }
                break;
            }
            case PUTFIELD: {
                FieldInsnNode fi = (FieldInsnNode) in;
                Value v = f.pop();
                Value obj = f.pop();
                if (obj instanceof Value.Uninit) throw a.error(i, "struct constructors must not assign fields; set them after new");
                if (obj instanceof Value.CtxView view) throw RecordView.write(a, i, view, fi);
                ValueType.Struct s = structOf(a, i, obj, fi, "write");
                var field = s.layout().field(fi.name);
                if (!field.kind().scalar()) {
                    checkCopy(a, i, s, fi, field, v);
                    break;
                }
                scalar(a, i, v);
                break;
            }
            case INVOKEVIRTUAL: case INVOKESTATIC: case INVOKESPECIAL: case INVOKEINTERFACE:
                invokes.invoke(a, i, (MethodInsnNode) in, f);
                break;
            case INVOKEDYNAMIC: {
                InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) in;
                if (indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
                    f.push(invokes.methodReference(a, i, indy));
                    break;
                }
                if (!indy.name.equals("makeConcatWithConstants"))
                    throw a.error(i, "lambdas and method references are not supported in BPF programs, which have no virtual calls; "
                            + "write the code as a static method and call it directly");
                Type[] types = Type.getArgumentTypes(indy.desc);
                for (int k = types.length - 1; k >= 0; k--) {
                    Value v = f.pop();
                    if (v instanceof Value.Ptr p && p.target() instanceof ValueType.Prim) {
                        // a Long or Integer looked up in a map prints its value
                        if (p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null before printing it");
                        continue;
                    }
                    if (!(v instanceof Value.Scalar) && !(v instanceof Value.Boxed) && !(v instanceof Value.StringConst))
                        throw a.error(i, "string concatenation can only print numbers and string constants, not " + v.describe());
                }
                f.push(invokes.concat(a, i, indy, types));
                break;
            }
            case NEW: {
                String t = ((TypeInsnNode) in).desc;
                if (!structs.isStruct(t)) throw a.error(i, ValueChecks.cannotCreate(t));
                f.push(new Value.Uninit(t, i));
                break;
            }
            case NEWARRAY: {
                Value len = f.pop();
                ValueType.Prim element = arrayElement(((IntInsnNode) in).operand);
                if (element == null)
                    throw a.error(i, "only byte, short, char, int and long arrays can be created in a BPF program; use a @Struct for other data");
                if (!(len instanceof Value.Scalar s) || s.constant() == null || s.constant() <= 0 || s.constant() * element.size() > MAX_LOCAL_ARRAY)
                    throw a.error(i, "array length must be a constant from 1 to " + MAX_LOCAL_ARRAY / element.size() + " (a " + element.javaName()
                            + " array may take at most " + MAX_LOCAL_ARRAY + " of the 512 bytes of BPF stack)");
                int n = (int) (long) s.constant();
                ValueType t = element.kind() == org.jbpf.core.layout.StructLayout.Kind.BYTE ? new ValueType.Bytes(n) : new ValueType.PrimArray(element.kind(), n);
                f.push(new Value.StackObj(t, (int) (a.site(i) & 0x7fffffff)));
                break;
            }
            case ANEWARRAY: case MULTIANEWARRAY: throw a.error(i, StructRegistry.OBJECT_ARRAYS);
            case ARRAYLENGTH: {
                Value arr = f.pop();
                f.push(new Value.Scalar(false, (long) ValueType.lengthOf(arrayOf(a, i, arr))));
                break;
            }
            case ATHROW: throw a.error(i, "BPF programs cannot throw; return an error code instead");
            case CHECKCAST: {
                String t = ((TypeInsnNode) in).desc;
                Value v = f.peek(0);
                checkCast(a, i, v, t);
                break;
            }
            case INSTANCEOF: throw a.error(i, "instanceof is not supported in BPF programs");
            case MONITORENTER: case MONITOREXIT: throw a.error(i, "synchronized is not supported in BPF programs");
            default: throw a.error(i, "bytecode " + op + " is not supported");
        }
        flow(a, i + 1, f, work);
    }

    /** The global variable a static field instruction refers to (noted for the lowering), or null when it is none. */
    private GlobalVariables.Variable global(MethodAnalysis a, int i, FieldInsnNode fi) {
        GlobalVariables.Variable v = fi.owner.equals(probe.node.name) ? probe.globals.get(fi.name) : null;
        if (v == null) return null;
        if (v.problem() != null) throw a.error(i, v.problem());
        a.globals.put(i, v);
        return v;
    }

    private void branch(MethodAnalysis a, int i, Frame f, Deque<Integer> work) {
        flow(a, indexOf(a, ((JumpInsnNode) a.insns[i]).label), new Frame(f), work);
        flow(a, i + 1, f, work);
    }

    /** The element type of a NEWARRAY operand, or null for boolean, float and double arrays. */
    private static ValueType.Prim arrayElement(int type) {
        switch (type) {
            case T_BYTE: return (ValueType.Prim) ValueType.BYTE;
            case T_SHORT: return (ValueType.Prim) ValueType.SHORT;
            case T_CHAR: return new ValueType.Prim(org.jbpf.core.layout.StructLayout.Kind.CHAR);
            case T_INT: return (ValueType.Prim) ValueType.INT;
            case T_LONG: return (ValueType.Prim) ValueType.LONG;
            default: return null;
        }
    }

    private static boolean isWide(Value v) { return v instanceof Value.Scalar s && s.isLong(); }

    private static TranslationException floats(MethodAnalysis a, int i) {
        return a.error(i, "float and double are not supported in BPF programs; use int or long (e.g. fixed-point scaled by 1000)");
    }
}
