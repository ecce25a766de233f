import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;
import java.util.List;
import org.jbpf.core.relo.TargetTypes;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;

/**
 * Time to load a CO-RE object (clang's, or a Java probe jbpf translated) with jbpf's loader (relocating against
 * /sys/kernel/btf/vmlinux itself) against bpftool (libbpf) loading the same object, and what reading the kernel's BTF
 * costs. Printed, never asserted. Arguments: the object, and how many loads to time; or {@code --write <probe class>
 * <object>} to translate a probe and write its object first.
 */
public final class CoreLoadBench {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--write")) {
            // a Java probe translated by jbpf, written as the ELF object bpftool loads too
            BpfObject obj = Translator.translate(args[1], Translator.ClassSource.of(CoreLoadBench.class.getClassLoader()),
                    new Translator.Options(List.of()));
            Files.write(Path.of(args[2]), ObjectWriter.write(obj));
            System.out.printf("%s: %d CO-RE relocations%n", args[2], obj.programs().stream().mapToInt(p -> p.coreRelocations().size()).sum());
            return;
        }
        Path object = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        byte[] vmlinux = Files.readAllBytes(Path.of("/sys/kernel/btf/vmlinux"));
        long[] parse = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            new TargetTypes(BtfReader.read(vmlinux, "vmlinux").btf());
            parse[i] = System.nanoTime() - t0;
        }
        System.out.printf("kernel BTF (%d KiB): decode and index by name, first %.1f ms, median %.1f ms%n",
                vmlinux.length / 1024, parse[0] / 1e6, median(parse) / 1e6);

        byte[] elf = Files.readAllBytes(object);
        long[] load = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            BpfObject obj = ObjectReader.read(elf, object.getFileName().toString());
            try (LoadedObject loaded = new Loader().load(obj)) {
                load[i] = System.nanoTime() - t0;
            }
        }
        System.out.printf("jbpf: read, relocate and load %s: first (reads the kernel BTF) %.1f ms, median after %.1f ms%n",
                object.getFileName(), load[0] / 1e6, median(Arrays.copyOfRange(load, 1, runs)) / 1e6);
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
