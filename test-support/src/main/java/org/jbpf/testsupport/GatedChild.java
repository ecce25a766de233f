package org.jbpf.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process that starts before the probe is attached (a test may need its pid to configure the probe) but does
 * its work only once let go. Its program prints {@code ready} once its own start-up is done (an interpreter opens
 * libraries and locale files the probe must not count), then waits for a line on its standard input, then works.
 * {@link #PERL_GATE} and {@link #PYTHON_GATE} are those two steps in the two languages the tests write children in.
 */
public final class GatedChild {
    /** Perl: say ready, then wait for the line that lets it go. */
    public static final String PERL_GATE = "$| = 1; print \"ready\\n\"; defined(<STDIN>) or die \"no go\\n\"; ";
    /** Python: say ready, then wait for the line that lets it go. */
    public static final String PYTHON_GATE = "import sys\nprint('ready', flush=True)\nif not sys.stdin.readline(): sys.exit('no go')\n";

    private final Process process;
    private final BufferedReader out;

    private GatedChild(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code command} and waits (up to 60 s) for its {@code ready} line. */
    public static GatedChild start(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        GatedChild child = new GatedChild(p);
        String line = child.out.readLine();
        if (!"ready".equals(line)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " child did not start: printed " + line);
        }
        return child;
    }

    public long pid() { return process.pid(); }

    /** Lets the child do its work. */
    public void go() throws IOException {
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
    }

    /** Waits for the child to print {@code line} (lines before it are skipped); fails when it exits first. */
    public void await(String line) throws IOException {
        for (String l = out.readLine(); l != null; l = out.readLine()) if (l.equals(line)) return;
        throw new AssertionError("the child " + process.pid() + " ended without printing " + line);
    }

    /**
     * Lets the child go if nobody did (so it never waits forever), waits up to 60 s for it to exit and returns its
     * status.
     */
    public int finish() throws IOException, InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the child has exited and closed its end
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child " + process.pid() + " did not exit within 60 s");
        }
        return process.exitValue();
    }
}
