package org.jbpf.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.obj.BpfObject;

/**
 * Runs the offline verifier simulation (module verifier-sim, {@code org.jbpf.sim.Verifier.verifyAll}) on an object.
 * The simulation is looked up at run time so that a build without it says so instead of pretending a pass.
 */
public final class ObjectVerifier {
    static final String VERIFIER_CLASS = "org.jbpf.sim.Verifier";

    /** One reason the kernel would refuse a program, in Java terms and in the kernel verifier's words. */
    public record Problem(String program, String javaMessage, String kernelMessage) {
        @Override public String toString() {
            return javaMessage + (kernelMessage == null || kernelMessage.isEmpty() ? "" : " [kernel: " + kernelMessage + "]");
        }
    }

    /** {@code available} is false when no verifier simulation is on the class path; then nothing was checked. */
    public record Outcome(boolean available, List<String> acceptedPrograms, List<Problem> problems) {
        public boolean ok() { return available && problems.isEmpty(); }

        static Outcome unavailable() { return new Outcome(false, List.of(), List.of()); }
    }

    private ObjectVerifier() {}

    public static boolean available() { return verifyAllMethod() != null; }

    public static Outcome verify(BpfObject object) {
        Method verifyAll = verifyAllMethod();
        if (verifyAll == null) return Outcome.unavailable();
        List<?> results;
        try {
            results = (List<?>) verifyAll.invoke(null, object);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("verifier simulation failed on " + object.name() + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            return Outcome.unavailable();
        }
        List<String> accepted = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Object r : results) {
            String program = String.valueOf(call(r, "program"));
            List<?> errors = (List<?>) call(r, "errors");
            if (errors == null || errors.isEmpty()) accepted.add(program);
            else for (Object e : errors)
                problems.add(new Problem(program, String.valueOf(call(e, "javaMessage")), String.valueOf(call(e, "kernelMessage"))));
        }
        return new Outcome(true, accepted, problems);
    }

    /** Text for the user when there is no simulation to run. */
    public static String unavailableMessage(String object) {
        return object + ": not verified: the verifier simulation (jbpf-verifier-sim, " + VERIFIER_CLASS
                + ") is not available in this build";
    }

    private static Method verifyAllMethod() {
        try {
            return Class.forName(VERIFIER_CLASS).getMethod("verifyAll", BpfObject.class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    private static Object call(Object target, String accessor) {
        try {
            return target.getClass().getMethod(accessor).invoke(target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
