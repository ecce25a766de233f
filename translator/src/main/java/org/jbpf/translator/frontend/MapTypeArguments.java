package org.jbpf.translator.frontend;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Checks a map field's generic types ({@code HashMap<Integer, Long>}, from the field's Signature attribute) against
 * the classes its constructor is given ({@code Integer.class, Long.class}). Java reads a map back by the declared
 * types, so a raw {@code new HashMap(Long.class, ...)} stored in a {@code HashMap<Integer, Long>} field would have its
 * keys misread. A raw field, a wildcard or a type variable declares nothing and is not checked.
 */
final class MapTypeArguments {
    private MapTypeArguments() {}

    /**
     * A sentence naming the first disagreement between field {@code field}'s declared key and value classes and the
     * map's own ({@code key}, {@code value}: internal names, null where the map has none), or null when they agree.
     */
    static String disagreement(String field, String signature, String key, String value) {
        if (signature == null) return null;
        List<String> declared = typeArguments(signature);
        if (declared.isEmpty()) return null;
        String mapClass = declared.remove(0);
        if (declared.size() != 1 && declared.size() != 2) return null;
        int valueAt = declared.size() - 1;   // ArrayMap<V> declares no key: its key is the index
        if (valueAt == 1 && differ(declared.get(0), key)) return mismatch(field, mapClass, declared, 0, "key", key);
        if (differ(declared.get(valueAt), value)) return mismatch(field, mapClass, declared, valueAt, "value", value);
        return null;
    }

    /** Whether a declared class and the map's own disagree, where both are known. */
    private static boolean differ(String declared, String given) {
        return declared != null && given != null && !declared.equals(given);
    }

    private static String mismatch(String field, String mapClass, List<String> declared, int at, String role, String given) {
        List<String> fixed = new ArrayList<>(declared);
        fixed.set(at, given);
        String d = StructRegistry.simple(declared.get(at)), g = StructRegistry.simple(given);
        return "map field " + field + " is declared " + shown(mapClass, declared) + " but made with " + g + ".class as its "
                + role + " class, so Java would misread its " + role + "s; pass " + d + ".class, or declare the field "
                + shown(mapClass, fixed);
    }

    private static String shown(String mapClass, List<String> names) {
        StringBuilder out = new StringBuilder(StructRegistry.simple(mapClass)).append('<');
        for (int i = 0; i < names.size(); i++) out.append(i > 0 ? ", " : "").append(names.get(i) == null ? "?" : StructRegistry.simple(names.get(i)));
        return out.append('>').toString();
    }

    /**
     * The field type's class, then each of its type arguments' classes (null for a wildcard, type variable or array);
     * empty for a damaged signature, which declares nothing the translation depends on.
     */
    static List<String> typeArguments(String signature) {
        try {
            return parse(signature);
        } catch (RuntimeException damaged) {
            return new ArrayList<>();
        }
    }

    private static List<String> parse(String signature) {
        List<String> out = new ArrayList<>();
        new SignatureReader(signature).acceptType(new SignatureVisitor(Opcodes.ASM9) {
            @Override public void visitClassType(String name) { out.add(name); }

            @Override public void visitTypeArgument() { out.add(null); }

            @Override public SignatureVisitor visitTypeArgument(char wildcard) {
                if (wildcard != INSTANCEOF) { out.add(null); return IGNORED; }
                return new Argument(out);
            }
        });
        return out;
    }

    /** One type argument: its class, or null when it is an array or a type variable; nested arguments are skipped. */
    private static final class Argument extends SignatureVisitor {
        private final List<String> out;

        Argument(List<String> out) { super(Opcodes.ASM9); this.out = out; }

        @Override public void visitClassType(String name) { out.add(name); }
        @Override public void visitTypeVariable(String name) { out.add(null); }
        @Override public SignatureVisitor visitArrayType() { out.add(null); return IGNORED; }
        @Override public void visitTypeArgument() {}
        @Override public SignatureVisitor visitTypeArgument(char wildcard) { return IGNORED; }
    }

    private static final SignatureVisitor IGNORED = new SignatureVisitor(Opcodes.ASM9) {};
}
