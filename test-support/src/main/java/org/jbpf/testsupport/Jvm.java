package org.jbpf.testsupport;

import java.nio.file.Path;

/** What a test needs to start a child JVM like itself. */
public final class Jvm {
    private Jvm() {}

    /** The java launcher of the running JVM. */
    public static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** The class path of this test run (surefire's, when it runs the tests from a manifest-only jar). */
    public static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
    }
}
