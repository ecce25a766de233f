package org.jbpf.translator.backend;

import static org.jbpf.core.asm.Opcodes.PSEUDO_FUNC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.translator.TranslationException;

/**
 * Puts a program's BPF functions one after the other, the entry first, as the kernel loads them: each call
 * ({@code BPF_PSEUDO_CALL}) and function address ({@code BPF_PSEUDO_FUNC}, a loop body) gets the slot distance to its
 * function, and each function a func_info record. It also checks the kernel's limit on the stack of one chain of
 * calls: each frame rounded up to 16 bytes (as for JIT-compiled programs), at most 512 bytes together.
 */
public final class FunctionLinker {
    /** One encoded function: its instructions (references by name), frame size in bytes and BTF FUNC id. */
    public record Function(String name, List<Insn> insns, int stackBytes, int btfFunc) {
        /** The same function with its BTF FUNC id. */
        public Function withBtfFunc(int id) { return new Function(name, insns, stackBytes, id); }
    }

    /** The linked program: all instructions and a func_info per function. */
    public record Linked(List<Insn> insns, List<ProgramSpec.FuncInfo> funcInfos) {}

    private FunctionLinker() {}

    /**
     * Links {@code functions} (entry first); a stack overflow along some call chain is reported at the entry's call that
     * starts it, or at {@code file:line} when that call has no line.
     */
    public static Linked link(List<Function> all, String file, int line) {
        List<Function> functions = called(all);
        Map<String, Integer> start = new HashMap<>();
        Map<String, Function> byName = new HashMap<>();
        List<ProgramSpec.FuncInfo> infos = new ArrayList<>();
        int slot = 0;
        for (Function f : functions) {
            start.put(f.name(), slot);
            byName.put(f.name(), f);
            infos.add(new ProgramSpec.FuncInfo(slot, f.btfFunc()));
            slot += Insn.slotOffsets(f.insns())[f.insns().size()];
        }
        List<Insn> out = new ArrayList<>();
        slot = 0;
        for (Function f : functions)
            for (Insn in : f.insns()) {
                if (calls(in)) out.add(in.withImm(start.get(in.reference()) - slot - 1));
                else out.add(in);
                slot += in.isLdImm64() ? 2 : 1;
            }
        checkStack(functions.get(0), byName, file, line, false);
        return new Linked(out, infos);
    }

    /**
     * Refuses {@code all} (entry first, calls and function addresses naming their functions) when some chain of calls
     * from the entry needs more than BPF's 512 bytes of stack, as {@link #link} does, for code another backend made:
     * counted exactly as the kernel counts JIT-compiled code, so a function that never touches the stack adds nothing.
     */
    public static void checkStack(List<Function> all, String file, int line) {
        List<Function> functions = called(all);
        Map<String, Function> byName = byName(functions);
        checkStack(functions.get(0), byName, file, line, false);
    }

    /**
     * Whether some chain of calls from the entry (the first of {@code all}) needs more than BPF's 512 bytes of stack,
     * counting 16 bytes for a function without a frame: the direct backend chooses which functions to inline by this,
     * with that much room to spare; the chain it then links is checked as the kernel counts it.
     */
    public static boolean overflows(List<Function> all) {
        List<Function> functions = called(all);
        Map<String, Function> byName = byName(functions);
        return deepest(functions.get(0), byName, new ArrayList<>(), new ArrayList<>(), true) > StackFrameLayout.MAX_STACK;
    }

    /**
     * The entry and the functions its code still calls, directly or through others, in their order: the optimizer may
     * have dropped every call of a function (in a branch it decided), and the kernel refuses code that never runs.
     */
    private static List<Function> called(List<Function> all) {
        Map<String, Function> byName = byName(all);
        Set<String> reached = new HashSet<>();
        List<Function> work = new ArrayList<>(List.of(all.get(0)));
        reached.add(all.get(0).name());
        while (!work.isEmpty())
            for (Insn in : work.remove(work.size() - 1).insns())
                if (calls(in) && reached.add(in.reference())) work.add(byName.get(in.reference()));
        List<Function> kept = new ArrayList<>();
        for (Function f : all) if (reached.contains(f.name())) kept.add(f);
        return kept;
    }

    private static boolean calls(Insn in) {
        return in.reference() != null && (in.isLocalCall() || in.isLdImm64() && in.src() == PSEUDO_FUNC);
    }

    private static Map<String, Function> byName(List<Function> functions) {
        Map<String, Function> byName = new HashMap<>();
        for (Function f : functions) byName.put(f.name(), f);
        return byName;
    }

    private static void checkStack(Function entry, Map<String, Function> byName, String file, int line, boolean framelessCounts16) {
        List<String> chain = new ArrayList<>();
        int worst = deepest(entry, byName, new ArrayList<>(), chain, framelessCounts16);
        if (worst <= StackFrameLayout.MAX_STACK) return;
        // the message names the entry's call that starts the chain, where the user can change it
        for (Insn in : entry.insns())
            if (chain.size() > 1 && calls(in) && in.reference().equals(chain.get(1)) && in.source() != null) {
                file = in.source().file();
                line = in.source().line();
                break;
            }
        throw new TranslationException(file, line, "the calls " + String.join(" → ", chain) + " need " + worst
                    + " bytes of stack together (each function's frame rounded up to 16) but BPF allows " + StackFrameLayout.MAX_STACK
                    + " for one chain of calls; mark a function @Inline, use smaller local structs, or keep data in a per-CPU array map");
    }

    /**
     * The largest stack of a call chain starting at f; its function names go to {@code worstChain}. Frames are rounded
     * to 16 as the kernel rounds them for a JIT-compiled program, where a function without a frame adds nothing, unless
     * {@code framelessCounts16}.
     */
    private static int deepest(Function f, Map<String, Function> byName, List<String> path, List<String> worstChain, boolean framelessCounts16) {
        path.add(f.name());
        int own = f.stackBytes() == 0 && !framelessCounts16 ? 0 : (Math.max(f.stackBytes(), 1) + 15) / 16 * 16, below = 0;
        List<String> belowChain = new ArrayList<>();
        for (Insn in : f.insns()) {
            if (!calls(in) || path.contains(in.reference())) continue;
            List<String> chain = new ArrayList<>();
            int d = deepest(byName.get(in.reference()), byName, path, chain, framelessCounts16);
            if (d > below) { below = d; belowChain = chain; }
        }
        path.remove(path.size() - 1);
        worstChain.clear();
        worstChain.add(f.name());
        worstChain.addAll(belowChain);
        return own + below;
    }
}
