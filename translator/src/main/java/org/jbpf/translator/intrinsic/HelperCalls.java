package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Emitter;

/** The static methods of {@code org.jbpf.Helpers} that call one BPF helper each (printk has its own family). */
final class HelperCalls implements Intrinsic {
    @Override
    public Value type(TypingCall c) {
        String name = c.insn().name;
        List<Value> args = c.args();
        switch (name) {
            case "pid": case "tgid": case "tid": case "uid": case "gid": case "cpu": case "random":
                return new Value.Scalar(false, null);
            case "pidTgid": case "uidGid": case "ktime": case "ktimeBoot": case "cgroupId":
                return new Value.Scalar(true, null);
            case "comm":
                Arguments.bytes(c, args.get(0), "comm needs a byte array of 16 bytes");
                return new Value.Scalar(false, null);
            case "probeReadKernel": case "probeReadUser": case "probeReadUserStr": case "probeReadKernelStr": {
                ValueType dst = name.endsWith("Str") ? Arguments.bytes(c, args.get(0), name + " needs a byte array destination")
                        : Arguments.memory(c, args.get(0), name + " needs a destination in the program: a local or field byte, short, char,"
                                + " int or long array, or a @Struct object");
                if (args.get(1) instanceof Value.Scalar s && s.constant() != null && (s.constant() < 0 || s.constant() > dst.size()))
                    throw c.error(name + " size " + s.constant() + " exceeds the destination's " + dst.size() + " bytes");
                return new Value.Scalar(false, null);
            }
            default:
                throw c.error("unknown helper " + name);
        }
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        String name = c.insn().name;
        switch (name) {
            case "pid": case "tgid": { int t = out.call(HelperTable.GET_CURRENT_PID_TGID, 0); out.emit(ALU64 | RSH | K, t, 0, 0, 32); c.pushResult(t); return; }
            case "tid": case "pidTgid": c.pushResult(out.call(HelperTable.GET_CURRENT_PID_TGID, 0)); return;
            case "uid": case "uidGid": c.pushResult(out.call(HelperTable.GET_CURRENT_UID_GID, 0)); return;
            case "gid": { int t = out.call(HelperTable.GET_CURRENT_UID_GID, 0); out.emit(ALU64 | RSH | K, t, 0, 0, 32); c.pushResult(t); return; }
            case "ktime": c.pushResult(out.call(HelperTable.KTIME_GET_NS, 0)); return;
            case "ktimeBoot": c.pushResult(out.call(HelperTable.KTIME_GET_BOOT_NS, 0)); return;
            case "cgroupId": c.pushResult(out.call(HelperTable.GET_CURRENT_CGROUP_ID, 0)); return;
            case "cpu": c.pushResult(out.call(HelperTable.GET_SMP_PROCESSOR_ID, 0)); return;
            case "random": c.pushResult(out.call(HelperTable.GET_PRANDOM_U32, 0)); return;
            case "comm": {
                ValueType.Bytes b = (ValueType.Bytes) Arguments.target(c.values().get(0));
                out.setArgAddr(R1, c.address(0));
                out.setArgImm(R2, b.length());
                c.pushResult(out.call(HelperTable.GET_CURRENT_COMM, 2));
                return;
            }
            case "probeReadKernel": case "probeReadUser": case "probeReadUserStr": case "probeReadKernelStr": {
                int id = name.equals("probeReadKernel") ? HelperTable.PROBE_READ_KERNEL : name.equals("probeReadUser") ? HelperTable.PROBE_READ_USER
                        : name.equals("probeReadUserStr") ? HelperTable.PROBE_READ_USER_STR : HelperTable.PROBE_READ_KERNEL_STR;
                out.setArgAddr(R1, c.address(0));
                out.setArg(R2, c.args().get(1), false);
                out.setArg(R3, c.args().get(2), true);
                c.pushResult(out.call(id, 3));
                return;
            }
            default: throw c.error("unknown helper " + name);
        }
    }
}
