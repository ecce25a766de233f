package org.jbpf.translator.frontend;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;

/**
 * The methods the probe API really has, by name and descriptor. The translator gives API calls their meaning by name,
 * so a call whose descriptor the API does not have (a damaged class file, or one compiled against another API
 * version) is refused here rather than misread.
 */
public final class ApiSignatures {
    private ApiSignatures() {}

    private static final Map<String, Set<String>> BY_CLASS = new ConcurrentHashMap<>();

    /** True when {@code owner} (internal name) is not an API class we can load, or has method {@code name}{@code desc}. */
    public static boolean exists(String owner, String name, String desc) {
        Set<String> methods = BY_CLASS.get(owner);
        if (methods == null) {   // no method reference: it would link method handles at its first call, in a cold translate
            methods = load(owner);
            BY_CLASS.putIfAbsent(owner, methods);
        }
        return methods.isEmpty() || methods.contains(name + desc);
    }

    private static Set<String> load(String owner) {
        Set<String> out = new HashSet<>();
        try {
            Class<?> c = Class.forName(owner.replace('/', '.'), false, ApiSignatures.class.getClassLoader());
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) out.add(m.getName() + Type.getMethodDescriptor(m));
                for (Class<?> i : k.getInterfaces()) for (Method m : i.getMethods()) out.add(m.getName() + Type.getMethodDescriptor(m));
            }
            for (var ctor : c.getDeclaredConstructors()) out.add("<init>" + Type.getConstructorDescriptor(ctor));
        } catch (ReflectiveOperationException | LinkageError e) {
            // not on the translator's class path: nothing to compare against
        }
        return out;
    }
}
