package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.lower.StringPool;

/**
 * {@code Helpers.printk}: a format string constant with up to three numbers or texts ({@link PrintkTextArguments}), or a string
 * concatenation of constants and numbers turned into such a format. The format lives once in read-only data ({@link StringPool}), as clang
 * puts a {@code bpf_printk} format, and its address is passed to bpf_trace_printk.
 */
final class PrintkCall implements Intrinsic {
    @Override
    public Value type(TypingCall c) {
        Value fmt = c.args().get(0);
        if (!(fmt instanceof Value.StringConst) && !(fmt instanceof Value.Concat))
            throw c.error("printk needs a string constant or a concatenation of constants and numbers");
        if (fmt instanceof Value.Concat && c.args().size() > 1)
            throw c.error("printk takes either a concatenated message or a format with arguments, not both");
        boolean[] text = new boolean[c.args().size() - 1];
        for (int k = 0; k < text.length; k++) text[k] = PrintkTextArguments.isText(c, c.args().get(k + 1));
        String refusal = fmt instanceof Value.StringConst s ? PrintkFormatCheck.refusal(s.text(), text)
                : PrintkFormatCheck.refusal(((Value.Concat) fmt).format(), ((Value.Concat) fmt).argIsLong().size());
        if (refusal != null) throw c.error(refusal);
        return new Value.Scalar(false, null);
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        List<Operand> args = c.args();
        String fmt;
        List<Operand> fmtArgs;
        if (c.values().get(0) instanceof Value.Concat concat) {
            fmt = concat.format();
            fmtArgs = widened(out, concat, c.body().program().takeConcatenation(concat.site()));
        } else {
            fmt = PrintkFormat.widened(((Value.StringConst) c.values().get(0)).text());
            fmtArgs = new ArrayList<>(args.subList(1, args.size()));
            for (int k = 0; k < fmtArgs.size(); k++)
                if (PrintkTextArguments.isText(c.values().get(k + 1))) fmtArgs.set(k, PrintkTextArguments.terminated(c, k + 1));
        }
        byte[] bytes = fmt.getBytes(StandardCharsets.UTF_8);
        out.setArgData(R1, StringPool.SECTION, c.body().program().strings().offsetOf(fmt, bytes));
        out.setArgImm(R2, bytes.length + 1);
        for (int k = 0; k < fmtArgs.size(); k++) out.setArg(R3 + k, fmtArgs.get(k), true);
        c.pushResult(out.call(HelperTable.TRACE_PRINTK, 2 + fmtArgs.size()));
    }

    /** The concatenation's numbers as 64-bit printk arguments: ints sign-extended, as %d expects. */
    private static List<Operand> widened(Emitter out, Value.Concat concat, List<Operand> operands) {
        List<Operand> widened = new ArrayList<>();
        for (int k = 0; k < operands.size(); k++) {
            Operand o = operands.get(k);
            if (!concat.argIsLong().get(k) && o instanceof Operand.Reg r) {
                int t = out.newVreg();
                out.emit(ALU64 | MOV | X, t, r.reg(), 32, 0);
                o = new Operand.Reg(t, true);
            } else if (!concat.argIsLong().get(k) && o instanceof Operand.Imm im) {
                o = new Operand.Imm((int) im.value());
            }
            widened.add(o);
        }
        return widened;
    }
}
