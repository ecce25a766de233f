/** A child JVM for stack tests: a hot method that yields, so its JIT-compiled frame sits under sched_yield(). */
public class YieldSpin {
    static long spins;

    static void yieldingLoop() {
        for (int i = 0; i < 1000; i++) {
            Thread.yield();
            spins++;
        }
    }

    public static void main(String[] args) throws Exception {
        long end = System.currentTimeMillis() + Long.parseLong(args[0]);
        while (System.currentTimeMillis() < end) yieldingLoop();
    }
}
