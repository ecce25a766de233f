package org.jbpf.translator.llvm;

/** The LLVM bindings this backend is built and tested against (kept in step with pom.xml). */
final class Versions {
    static final String LLVM = "20.1.7-1.5.12";
    static final String JAVACPP = "1.5.12";
    static final String PLATFORM = "linux-x86_64";

    private Versions() {}
}
