package org.jbpf.it.semantics;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a check on a thread of its own and rethrows what it threw, for tests whose probe looks at the calling thread
 * (its id, its name) and must not see the test runner's.
 */
final class OnOwnThread {
    private OnOwnThread() {}

    interface Check { void run() throws Exception; }

    static void run(Check check) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                check.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
    }
}
