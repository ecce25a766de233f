package org.jbpf.toolchain.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.btf.TypeLoops;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.core.obj.ObjectFiles;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * Generates {@code @KernelType} classes from a kernel's BTF: {@code task_struct.real_parent task_struct.tgid} gives
 * {@code <out>/<package dirs>/TaskStruct.java} with readers {@code realParent()} and {@code tgid()}.
 */
public final class KernelStructGenerator {
    public static final Path VMLINUX = RunningKernelBtf.VMLINUX;

    private final Path btfFile;

    /** Reads types from {@code btfFile} (normally /sys/kernel/btf/vmlinux). */
    public KernelStructGenerator(Path btfFile) { this.btfFile = btfFile; }

    public static KernelStructGenerator kernel() { return new KernelStructGenerator(VMLINUX); }

    /** Writes one class per struct {@code specs} reach under {@code outDir} in package {@code pkg}; returns the files written. */
    public List<Path> generate(List<String> specs, Path outDir, String pkg) {
        if (!pkg.isEmpty() && !pkg.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*"))
            throw new IllegalArgumentException("\"" + pkg + "\" is not a Java package name");
        KernelStructs structs = new KernelStructs(types(), btfFile.equals(VMLINUX) ? KernelStructs.KERNEL : btfFile.toString());
        String command = "jbpf gen btf " + String.join(" ", specs);
        Path dir = pkg.isEmpty() ? outDir : outDir.resolve(pkg.replace('.', '/'));
        Map<Path, String> sources = new LinkedHashMap<>();
        try {
            // types are decoded as the specs reach them, so damage found on the way is reported here
            for (String spec : specs) structs.add(spec);
            Set<String> generated = new HashSet<>();
            for (KernelStructs.Struct s : structs.structs()) generated.add(s.name());
            for (KernelStructs.Struct s : structs.structs())
                sources.put(dir.resolve(KernelStructWriter.className(s.name()) + ".java"), KernelStructWriter.write(structs, s, pkg, command, generated));
        } catch (ObjectFormatException e) {
            throw new IllegalArgumentException(e.getMessage() + "; name a kernel BTF file such as " + VMLINUX);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<Path, String> e : sources.entrySet()) {
                Files.writeString(e.getKey(), e.getValue());
                files.add(e.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    /**
     * The types of {@link #btfFile}, decoded as they are asked for; the running kernel's are read once per process
     * for every part of jbpf that needs them ({@link RunningKernelBtf}).
     */
    private Btf types() {
        if (btfFile.equals(VMLINUX)) {
            try {
                return RunningKernelBtf.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the kernel's BTF " + btfFile + ": " + e.getMessage()
                        + " (the kernel needs CONFIG_DEBUG_INFO_BTF=y)", e);
            }
        }
        byte[] bytes = ObjectFiles.bytes(btfFile, "a kernel BTF file such as " + VMLINUX);
        try {
            Btf btf = BtfReader.readLazily(bytes, btfFile.toString());
            // a file of any origin: one whose types contain themselves would send the walk below round for ever
            TypeLoops.Loop loop = TypeLoops.findAny(btf);
            if (loop != null)
                throw new ObjectFormatException(btfFile + ": BTF types contain themselves: " + loop.path()
                        + "; a type may refer to itself only through a pointer");
            return btf;
        } catch (ObjectFormatException e) {
            throw new IllegalArgumentException(e.getMessage() + "; name a kernel BTF file such as " + VMLINUX);
        }
    }
}
