/** A child JVM for stack tests: a hot method that yields, so its JIT-compiled frame sits under sched_yield(). */
public class YieldSpin {
    static long spins;
    /** Rounds of yieldingLoop that yield: none while warming up. */
    static int yields;

    static void yieldingLoop() {
        for (int i = 0; i < 1000; i++) {
            if (i < yields) Thread.yield();
            spins++;
        }
    }

    public static void main(String[] args) throws Exception {
        // called often enough to be compiled without yielding first: on a loaded machine each yield hands the CPU to
        // another process, and a loop that yielded from its first call was not compiled within two minutes
        for (int i = 0; i < 20_000; i++) yieldingLoop();
        yields = 1000;
        long end = System.currentTimeMillis() + Long.parseLong(args[0]);
        while (System.currentTimeMillis() < end) yieldingLoop();
    }
}
