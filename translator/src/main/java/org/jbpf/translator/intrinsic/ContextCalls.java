package org.jbpf.translator.intrinsic;

import org.jbpf.core.layout.StructLayout.Kind;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.objectweb.asm.Type;

/**
 * Accessors of the program's context parameter (TracepointContext, RawTracepointContext, PtRegs, XdpContext,
 * SkBuffContext): each is one load at a fixed offset of the context the kernel passes in r1.
 */
final class ContextCalls implements Intrinsic {
    /** x86-64 {@code struct pt_regs} offsets of the first six function parameters (di, si, dx, cx, r8, r9). */
    private static final int[] PT_REGS_PARAMS = {112, 104, 96, 88, 72, 64};
    private static final int PT_REGS_AX = 80, PT_REGS_IP = 128, PT_REGS_SP = 152;

    static boolean isContextClass(String owner) {
        switch (owner) {
            case "org/jbpf/TracepointContext":
            case "org/jbpf/RawTracepointContext":
            case "org/jbpf/PtRegs":
            case "org/jbpf/XdpContext":
            case "org/jbpf/SkBuffContext":
                return true;
            default:
                return false;
        }
    }

    @Override
    public Value type(TypingCall c) {
        if (!(c.receiver() instanceof Value.Ctx))
            throw c.error("context methods can only be called on the program's context parameter");
        String name = c.insn().name;
        if (name.equals("arg") || name.equals("param") || name.endsWith("8") || name.endsWith("16") || name.endsWith("32") || name.endsWith("64"))
            Arguments.requireConstant(c, 0, name + " needs a constant argument");
        return new Value.Scalar(Type.getReturnType(c.insn().desc).getSort() == Type.LONG, null);
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        String owner = c.insn().owner, name = c.insn().name;
        int ctx = ((Operand.Reg) c.receiver()).reg();
        int t = out.newVreg();
        long k = c.args().isEmpty() ? 0 : c.body().constOf(c.values().get(0));
        switch (owner.substring(owner.lastIndexOf('/') + 1) + "." + name) {
            case "TracepointContext.arg":
                if (k < 0 || k > 5) throw c.error("syscall argument index must be 0..5");
                out.load(t, Kind.LONG, ctx, 16 + 8 * (int) k); break;
            case "TracepointContext.ret": out.load(t, Kind.LONG, ctx, 16); break;
            case "TracepointContext.syscallNr": out.load(t, Kind.INT, ctx, 8); break;
            case "TracepointContext.commonPid": out.load(t, Kind.INT, ctx, 4); break;
            case "TracepointContext.u64": out.load(t, Kind.LONG, ctx, (int) k); break;
            case "TracepointContext.u32": case "TracepointContext.s32": out.load(t, Kind.INT, ctx, (int) k); break;
            case "TracepointContext.u16": out.load(t, Kind.CHAR, ctx, (int) k); break;
            case "TracepointContext.u8": out.load(t, Kind.BOOLEAN, ctx, (int) k); break;
            case "RawTracepointContext.arg":
                if (k < 0 || k > 11) throw c.error("raw tracepoint argument index must be 0..11");
                out.load(t, Kind.LONG, ctx, 8 * (int) k); break;
            case "PtRegs.param":
                if (k < 0 || k > 5) throw c.error("parameter index must be 0..5");
                out.load(t, Kind.LONG, ctx, PT_REGS_PARAMS[(int) k]); break;
            case "PtRegs.ret": out.load(t, Kind.LONG, ctx, PT_REGS_AX); break;
            case "PtRegs.ip": out.load(t, Kind.LONG, ctx, PT_REGS_IP); break;
            case "PtRegs.sp": out.load(t, Kind.LONG, ctx, PT_REGS_SP); break;
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
