/**
 * A JVM whose one hot method a profiler should find: spins() is compiled before the program says "ready", then runs
 * for 1.5 s once let go (a line on stdin); the program exits when its stdin closes.
 */
public class JavaSpin {
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        long end = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < end) spins(1000);
        System.out.println("ready");
        if (in.readLine() == null) System.exit(1);
        end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) spins(100_000);
        in.readLine();
    }

    static long spins(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) s = s * 31 + i;
        sink = s;
        return s;
    }
}
