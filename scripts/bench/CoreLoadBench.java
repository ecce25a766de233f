import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.translator.Translator;

/**
 * Time to load a CO-RE object (clang's, or a Java probe jbpf translated) with jbpf's loader, which relocates it
 * against /sys/kernel/btf/vmlinux itself, and what reading the kernel's BTF costs in time and heap. Printed, never
 * asserted; each mode is meant to run in a fresh JVM, timed from main (the JVM's own start is excluded):
 * <ul>
 * <li>{@code --write <probe class> <object>}: translate a probe and write its object, for bpftool to load too;
 * <li>{@code --first <object> <runs>}: this process's first CO-RE load (the kernel BTF read and indexed, the
 *     loader's classes and JNA set up), then the median of later loads;
 * <li>{@code --after-plain <plain object> <object>}: the same first CO-RE load after a load without CO-RE has set up
 *     the loader, so only the kernel BTF and the relocation are left in it;
 * <li>{@code --btf lazy|eager}: reading the kernel's BTF as jbpf does (indexed, types decoded when asked for) or
 *     decoding every type and indexing all names, cold, with the heap it holds.
 * </ul>
 */
public final class CoreLoadBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "--write" -> write(args[1], Path.of(args[2]));
            case "--first" -> first(Path.of(args[1]), Integer.parseInt(args[2]));
            case "--after-plain" -> afterPlain(Path.of(args[1]), Path.of(args[2]));
            case "--btf" -> btf(args[1].equals("eager"));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void write(String probe, Path object) throws Exception {
        BpfObject obj = Translator.translate(probe, Translator.ClassSource.of(CoreLoadBench.class.getClassLoader()),
                new Translator.Options(List.of()));
        Files.write(object, ObjectWriter.write(obj));
        System.out.printf("%s: %d CO-RE relocations%n", object, obj.programs().stream().mapToInt(p -> p.coreRelocations().size()).sum());
    }

    /** CPU time of the whole process so far (every thread: the JIT compilers and GC included), in ms. */
    private static double cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    /** CPU time of this thread so far (the bpf(2) calls' verification included), in ms. */
    private static double threadCpu() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6; }

    private static double load(Path object) throws Exception {
        long t0 = System.nanoTime();
        BpfObject obj = ObjectReader.read(Files.readAllBytes(object), object.getFileName().toString());
        try (LoadedObject loaded = new Loader().load(obj)) {
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static void first(Path object, int runs) throws Exception {
        double cpu0 = cpu(), thread0 = threadCpu(), first = load(object), cpu = cpu() - cpu0, thread = threadCpu() - thread0;
        if (runs == 0) {
            System.out.printf("%.1f ms wall, %.1f ms cpu (%.1f ms on the loading thread)%n", first, cpu, thread);
            return;
        }
        double[] later = new double[runs];
        for (int i = 0; i < runs; i++) later[i] = load(object);
        Arrays.sort(later);
        System.out.printf("first %.1f ms (cpu %.1f ms), later median %.1f ms%n", first, cpu, later[runs / 2]);
    }

    private static void afterPlain(Path plain, Path object) throws Exception {
        double setUp = load(plain);
        double cpu0 = cpu(), thread0 = threadCpu(), ms = load(object), cpu = cpu() - cpu0, thread = threadCpu() - thread0;
        System.out.printf("%.1f ms wall, %.1f ms cpu (%.1f ms on the loading thread; after a first load without CO-RE of %.1f ms)%n",
                ms, cpu, thread, setUp);
    }

    private static void btf(boolean eager) throws Exception {
        double cpu0 = cpu();
        long t0 = System.nanoTime();
        Btf btf;
        if (eager) {
            btf = BtfReader.read(Files.readAllBytes(RunningKernelBtf.VMLINUX), "vmlinux").btf();
            btf.find(BtfType.KIND_STRUCT, "task_struct");                    // every name indexed by kind
            btf.withEssentialName("task_struct", BtfType.KIND_STRUCT);      // and by essential name, for CO-RE
        } else {
            btf = RunningKernelBtf.get();
            btf.withEssentialName("task_struct", BtfType.KIND_STRUCT);      // indexes the structs' names only
        }
        double ms = (System.nanoTime() - t0) / 1e6, cpu = cpu() - cpu0;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%.1f ms wall, %.1f ms cpu, heap after GC %.1f MiB (%d types)%n", ms, cpu, heap / 1048576.0, btf.size());
    }
}
