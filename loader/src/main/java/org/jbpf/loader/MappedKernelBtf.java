package org.jbpf.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.loader.sys.Sys;

/**
 * Reads the kernel's BTF for core's {@link RunningKernelBtf} by copying it out of a private mapping (one call instead
 * of one read(2) per page); registered as a service, so the verifier simulation and {@code jbpf gen btf} read it the
 * same way when they ask first.
 */
public final class MappedKernelBtf implements RunningKernelBtf.FileReader {
    @Override public byte[] read(Path file) throws IOException { return Sys.readMapped(file.toString(), Files.size(file)); }
}
