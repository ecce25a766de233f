package org.jbpf.translator.intrinsic;

import org.jbpf.translator.analysis.MethodAnalysis;
import org.jbpf.translator.frontend.StructRegistry;
import org.objectweb.asm.tree.MethodInsnNode;

/** Finds the intrinsic family that implements a call, by the class (and for printk the name) it calls. */
public final class Intrinsics {
    private Intrinsics() {}

    static final String HELPERS = "org/jbpf/Helpers";
    static final String MAPS = "org/jbpf/maps/";

    private static final Intrinsic HELPER_CALLS = new HelperCalls();
    private static final Intrinsic PRINTK = new PrintkCall();
    private static final Intrinsic MAP_CALLS = new MapCalls();
    private static final Intrinsic CONTEXT_CALLS = new ContextCalls();
    private static final Intrinsic JAVA_LANG_CALLS = new JavaLangCalls();
    private static final Intrinsic COUNTER_CALLS = new CounterCalls();
    private static final Intrinsic PACKET_CALLS = new PacketCalls();
    private static final Intrinsic PACKET_HELPER_CALLS = new PacketHelperCalls();
    private static final Intrinsic STRING_CALLS = new StringCalls();
    private static final Intrinsic KERNEL_CALLS = new KernelCalls();
    private static final Intrinsic ITERATOR_CALLS = new IteratorCalls();
    private static final Intrinsic ARRAY_CALLS = new ArrayCalls();
    private static final Intrinsic BOXED_CALLS = new BoxedCalls();
    private static final Intrinsic CONSTANT_STRING_CALLS = new ConstantStringCalls(JAVA_LANG_CALLS);

    /** The family implementing {@code call}, or null when it is no intrinsic (a static method to inline, or an error). */
    public static Intrinsic find(MethodInsnNode call) {
        String owner = call.owner;
        if (owner.equals(HELPERS)) return call.name.equals("printk") ? PRINTK : BitCalls.handles(call) ? JAVA_LANG_CALLS : HELPER_CALLS;
        if (owner.startsWith(MAPS)) return MAP_CALLS;
        if (owner.equals(CounterCalls.ATOMIC_CLASS)) return COUNTER_CALLS;
        if (owner.equals(StringCalls.STRINGS)) return STRING_CALLS;
        if (IteratorCalls.handles(owner, call.name)) return ITERATOR_CALLS;
        if (PacketCalls.handles(owner, call.name)) return PACKET_CALLS;
        if (PacketHelperCalls.handles(owner, call.name)) return PACKET_HELPER_CALLS;
        if (ContextCalls.isContextClass(owner)) return CONTEXT_CALLS;
        if (ArrayCalls.handles(owner, call.name)) return ARRAY_CALLS;
        if (BoxedCalls.handles(call)) return BOXED_CALLS;
        if (owner.equals(ConstantStringCalls.STRING)) return CONSTANT_STRING_CALLS;
        if (owner.startsWith("java/lang/")) return JAVA_LANG_CALLS;
        return null;
    }

    /** The kernel struct family when {@code call}'s owner is a {@code @KernelType} class (read through {@code structs}), else null. */
    public static Intrinsic kernelStruct(MethodInsnNode call, StructRegistry structs) {
        return KernelCalls.isKernelClass(call.owner, structs) ? KERNEL_CALLS : null;
    }

    /** For the lowering: the family whose typing left a fact on the call at {@code index} of {@code a}, or null. */
    public static Intrinsic typedAt(MethodAnalysis a, int index) {
        return a.callFacts.get(index) instanceof KernelCalls.Access ? KERNEL_CALLS : null;
    }

    /** True when {@code owner} is a class of jbpf's probe API, whose methods must exist in the API this jbpf ships. */
    public static boolean isProbeApi(String owner) {
        return owner.equals(HELPERS) || owner.startsWith(MAPS) || owner.equals(CounterCalls.ATOMIC_CLASS) || owner.equals(StringCalls.STRINGS)
                || owner.equals(PacketCalls.NET) || ContextCalls.isContextClass(owner);
    }
}
