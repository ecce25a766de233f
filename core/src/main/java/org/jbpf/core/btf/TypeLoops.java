package org.jbpf.core.btf;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds BTF types that contain themselves: a chain of typedefs, modifiers, array elements, members or variables
 * that comes back to where it started without passing through a pointer. C cannot write such a type (a struct may
 * hold a pointer to itself, never itself), the kernel refuses it ("Loop detected"), and following one never ends;
 * only a damaged or hand-made blob has one. The walk is iterative, so a chain of any length costs no Java stack.
 */
public final class TypeLoops {
    private TypeLoops() {}

    /** A loop: the type where it was entered, and the types along it back to that one. */
    public record Loop(int id, String path) {}

    private static final byte UNSEEN = 0, ON_PATH = 1, DONE = 2;

    /**
     * The first loop reachable from {@code roots}, with the types along it ({@code type 1 (typedef a) -> type 2
     * (typedef b) -> type 1 (typedef a)}), or null when there is none. Ids outside the table are left to the reader's reference checks.
     */
    public static Loop find(Btf btf, int... roots) {
        byte[] state = new byte[btf.size() + 1];
        for (int root : roots) {
            Loop loop = walk(btf, root, state);
            if (loop != null) return loop;
        }
        return null;
    }

    /** The first loop of the whole table, or null. */
    public static Loop findAny(Btf btf) {
        int[] all = new int[btf.size()];
        for (int i = 0; i < all.length; i++) all[i] = i + 1;
        return find(btf, all);
    }

    /** Depth-first from {@code root}, with the path kept on an explicit stack of (id, next edge) pairs. */
    private static Loop walk(Btf btf, int root, byte[] state) {
        if (!inTable(btf, root) || state[root] != UNSEEN) return null;
        List<int[]> path = new ArrayList<>();
        path.add(new int[] {root, 0});
        state[root] = ON_PATH;
        while (!path.isEmpty()) {
            int[] top = path.get(path.size() - 1);
            int[] next = contained(btf.type(top[0]));
            if (top[1] == next.length) {
                state[top[0]] = DONE;
                path.remove(path.size() - 1);
                continue;
            }
            int to = next[top[1]++];
            if (!inTable(btf, to) || state[to] == DONE) continue;
            if (state[to] == ON_PATH) return new Loop(to, describe(btf, path, to));
            state[to] = ON_PATH;
            path.add(new int[] {to, 0});
        }
        return null;
    }

    private static boolean inTable(Btf btf, int id) { return id > 0 && id <= btf.size(); }

    /** The types {@code t} holds by value: all it refers to except through a pointer. */
    static int[] contained(BtfType t) {
        if (t instanceof BtfType.Typedef x) return new int[] {x.type()};
        if (t instanceof BtfType.Const x) return new int[] {x.type()};
        if (t instanceof BtfType.Volatile x) return new int[] {x.type()};
        if (t instanceof BtfType.Restrict x) return new int[] {x.type()};
        if (t instanceof BtfType.TypeTag x) return new int[] {x.type()};
        if (t instanceof BtfType.DeclTag x) return new int[] {x.type()};
        if (t instanceof BtfType.Var x) return new int[] {x.type()};
        if (t instanceof BtfType.Func x) return new int[] {x.type()};
        if (t instanceof BtfType.Array x) return new int[] {x.elemType()};
        if (t instanceof BtfType.Struct x) return memberTypes(x.members());
        if (t instanceof BtfType.Union x) return memberTypes(x.members());
        if (t instanceof BtfType.Datasec x) {
            int[] out = new int[x.vars().size()];
            for (int i = 0; i < out.length; i++) out[i] = x.vars().get(i).type();
            return out;
        }
        if (t instanceof BtfType.FuncProto x) {
            int[] out = new int[x.params().size() + 1];
            out[0] = x.returnType();
            for (int i = 0; i < x.params().size(); i++) out[i + 1] = x.params().get(i).type();
            return out;
        }
        return new int[0];
    }

    // plain loops, not streams: objects read at start-up pass here, and a stream links method handles
    private static int[] memberTypes(List<BtfType.Member> members) {
        int[] out = new int[members.size()];
        for (int i = 0; i < out.length; i++) out[i] = members.get(i).type();
        return out;
    }

    /**
     * "type 3 (typedef a) -> type 4 (typedef b) -> type 3 (typedef a)", from where {@code to} stands on the path; a
     * long loop shows its first four types and how many more it has, so the message stays one readable line.
     */
    private static String describe(Btf btf, List<int[]> path, int to) {
        int from = 0;
        while (path.get(from)[0] != to) from++;
        int length = path.size() - from;
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < path.size() && i < from + 4; i++) sb.append(name(btf, path.get(i)[0])).append(" -> ");
        if (length > 4) sb.append("... (").append(length - 4).append(" more) -> ");
        return sb.append(name(btf, to)).toString();
    }

    private static String name(Btf btf, int id) {
        BtfType t = btf.type(id);
        StringBuilder kind = new StringBuilder();  // TypeTag: type_tag, as BTF's kind names are written
        for (char c : t.getClass().getSimpleName().toCharArray()) {
            if (Character.isUpperCase(c) && kind.length() > 0) kind.append('_');
            kind.append(Character.toLowerCase(c));
        }
        return "type " + id + " (" + kind + (t.name().isEmpty() ? "" : " " + t.name()) + ")";
    }
}
