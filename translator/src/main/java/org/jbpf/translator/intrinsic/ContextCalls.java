package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashSet;
import java.util.Set;
import org.jbpf.core.abi.X86_64;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.layout.StructLayout.Kind;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;
import org.jbpf.translator.analysis.RecordView;
import org.jbpf.translator.analysis.SectionContext;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.objectweb.asm.Type;

/**
 * Accessors of the program's context parameter (TracepointContext, RawTracepointContext, TracingContext, PtRegs,
 * XdpContext, SkBuffContext): each is one load at a fixed offset of the context the kernel passes in r1. Syscall record and
 * pt_regs offsets come from core's {@link X86_64}. {@code ctx.as(T.class)} gives the same register typed as a @Struct
 * record view, whose field reads {@code MemoryLowering} turns into context loads; {@code ctx.readDataLoc(dst, field)}
 * copies the text a {@code __data_loc} field locates in the record with bpf_probe_read_kernel_str.
 */
final class ContextCalls implements Intrinsic {
    /** The context classes of all section kinds, as internal names. */
    private static final Set<String> CONTEXT_CLASSES = contextClasses();

    /** A loop, not a stream: a stream's lambdas link method handles at their first call, in a cold translate. */
    private static Set<String> contextClasses() {
        Set<String> out = new HashSet<>();
        for (SectionKind k : SectionKinds.all()) out.add(k.contextClass().replace('.', '/'));
        return Set.copyOf(out);
    }

    static boolean isContextClass(String owner) { return CONTEXT_CLASSES.contains(owner); }

    @Override
    public Value type(TypingCall c) {
        if (!(c.receiver() instanceof Value.Ctx ctx))
            throw c.error("context methods can only be called on the program's context parameter");
        String name = c.insn().name;
        if (name.equals("as")) return view(c, ctx);
        if (name.equals("readDataLoc")) {
            Arguments.bytes(c, c.args().get(0), "ctx.readDataLoc needs a byte array destination");
            return new Value.Scalar(false, null);
        }
        if (name.equals("arg") || name.equals("param"))
            Arguments.requireConstant(c, 0, "ctx." + name + "(i) needs a constant index such as ctx." + name
                    + "(0), not a variable or loop counter; read each argument with its own constant index");
        else if (name.endsWith("8") || name.endsWith("16") || name.endsWith("32") || name.endsWith("64"))
            Arguments.requireConstant(c, 0, "ctx." + name + "(offset) needs a constant record offset such as ctx." + name + "(16)");
        if (c.insn().owner.equals("org/jbpf/TracepointContext")) checkSyscallRecord(c, name, ctx.section());
        if (c.args().size() == 2) return kernelArgument(c);
        return new Value.Scalar(Type.getReturnType(c.insn().desc).getSort() == Type.LONG, null);
    }

    /** {@code ctx.as(T.class)}: the record read through @Struct T. */
    private static Value view(TypingCall c, Value.Ctx ctx) {
        String usage = "ctx.as(T.class) needs a @Struct class literal such as ctx.as(SysEnterOpenat.class) (jbpf gen tracepoint writes them)";
        if (!(c.args().get(0) instanceof Value.ClassConst k)) throw c.error(usage);
        ValueType.Struct s = c.structs().struct(k.internalName());
        if (s == null) throw c.error(usage + "; " + k.internalName().replace('/', '.') + " is not annotated @Struct");
        return new Value.CtxView(s, ctx.section());
    }

    /** {@code ctx.arg(i, T.class)} of a tracing program: a kernel struct whose fields the program loads directly. */
    private static Value kernelArgument(TypingCall c) {
        String usage = "ctx.arg(i, T.class) needs a @KernelType class literal such as ctx.arg(0, TaskStruct.class) (jbpf gen btf writes them)";
        if (!(c.args().get(1) instanceof Value.ClassConst k)) throw c.error(usage);
        if (!KernelCalls.isKernelClass(k.internalName(), c.structs()))
            throw c.error(usage + "; " + k.internalName().replace('/', '.') + " is not annotated @KernelType");
        return new Value.KernelRef(k.internalName(), true);
    }

    /** A sys_enter_ record has the arguments and no return value; a sys_exit_ record only the return value. */
    private static void checkSyscallRecord(TypingCall c, String name, String section) {
        if (name.equals("ret") && SectionContext.isSyscallEntry(section))
            throw c.error("ctx.ret() in section \"" + section + "\": a sys_enter_ tracepoint runs before the system call returns and its record has no return value; "
                    + "attach a second program to the matching sys_exit_ tracepoint for the result");
        if (name.equals("arg") && SectionContext.isSyscallExit(section))
            throw c.error("ctx.arg(i) in section \"" + section + "\": a sys_exit_ tracepoint's record has only the return value; use ctx.ret(), "
                    + "or read the arguments in a program on the matching sys_enter_ tracepoint");
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        String owner = c.insn().owner, name = c.insn().name;
        int ctx = ((Operand.Reg) c.receiver()).reg();
        if (name.equals("as")) { c.body().push(new Operand.Reg(ctx, false)); return; }
        if (name.equals("readDataLoc")) {
            // the text lies in the record itself, at the offset in the field's low 16 bits
            ValueType.Bytes dst = (ValueType.Bytes) Arguments.target(c.values().get(0));
            int source = out.newVreg();
            out.moveInto(source, c.args().get(1), c.values().get(1));
            out.emit(ALU64 | AND | K, source, 0, 0, 0xffff);
            out.emit(ALU64 | ADD | X, source, ctx, 0, 0);
            out.setArgAddr(R1, c.address(0));
            out.setArgImm(R2, dst.length());
            out.setArg(R3, new Operand.Reg(source, true), true);
            c.pushResult(out.call(HelperTable.PROBE_READ_KERNEL_STR, 3));
            return;
        }
        int t = out.newVreg();
        long k = c.args().isEmpty() ? 0 : c.body().constOf(c.values().get(0));
        switch (owner.substring(owner.lastIndexOf('/') + 1) + "." + name) {
            case "TracepointContext.arg":
                if (k < 0 || k >= X86_64.SYSCALL_MAX_ARGS) throw c.error("syscall argument index must be 0..5");
                out.load(t, Kind.LONG, ctx, X86_64.syscallArgOffset((int) k)); break;
            case "TracepointContext.ret": out.load(t, Kind.LONG, ctx, X86_64.SYSCALL_RET); break;
            case "TracepointContext.syscallNr": out.load(t, Kind.INT, ctx, X86_64.SYSCALL_NR); break;
            case "TracepointContext.commonPid":
                // the kernel refuses loads from the record's common header; common_pid is the current thread's id
                c.pushResult(out.call(HelperTable.GET_CURRENT_PID_TGID, 0));
                return;
            case "TracepointContext.u64": case "TracepointContext.u32": case "TracepointContext.s32": case "TracepointContext.u16":
            case "TracepointContext.u8":
                if (k < X86_64.TP_COMMON_HEADER_SIZE) throw c.error(RecordView.COMMON_HEADER + " (ctx." + name + "(" + k + "))");
                out.load(t, name.equals("u64") ? Kind.LONG : name.equals("u16") ? Kind.CHAR : name.equals("u8") ? Kind.BOOLEAN : Kind.INT, ctx, (int) k);
                break;
            case "RawTracepointContext.arg":
                if (k < 0 || k > 11) throw c.error("raw tracepoint argument index must be 0..11");
                out.load(t, Kind.LONG, ctx, 8 * (int) k); break;
            case "TracingContext.arg":
                if (k < 0 || k > 11) throw c.error("a tracing program's argument index must be 0..11");
                out.load(t, Kind.LONG, ctx, 8 * (int) k); break;
            case "PtRegs.param":
                if (k < 0 || k >= X86_64.PARAM_REGISTERS) throw c.error("parameter index must be 0..5");
                out.load(t, Kind.LONG, ctx, X86_64.paramOffset((int) k)); break;
            case "PtRegs.ret": out.load(t, Kind.LONG, ctx, X86_64.PT_REGS_RET); break;
            case "PtRegs.ip": out.load(t, Kind.LONG, ctx, X86_64.PT_REGS_IP); break;
            case "PtRegs.sp": out.load(t, Kind.LONG, ctx, X86_64.PT_REGS_SP); break;
            case "XdpContext.ingressIfindex": out.load(t, Kind.INT, ctx, 12); break;
            case "XdpContext.rxQueueIndex": out.load(t, Kind.INT, ctx, 16); break;
            case "SkBuffContext.length": out.load(t, Kind.INT, ctx, 0); break;
            case "SkBuffContext.mark": out.load(t, Kind.INT, ctx, 8); break;
            case "SkBuffContext.protocol": out.load(t, Kind.INT, ctx, 16); break;
            case "SkBuffContext.ifindex": out.load(t, Kind.INT, ctx, 40); break;
            default: throw c.error(owner.replace('/', '.') + "." + name + " is not supported yet");
        }
        c.pushResult(t);
    }
}
