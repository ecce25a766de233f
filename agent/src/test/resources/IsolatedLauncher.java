import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Starts an application the way Spring Boot's launcher does: its classes and libraries (here Micrometer) in a class
 * loader of their own below the system class loader, which holds only the agent. Run as a source file:
 * java -cp AGENT_JAR IsolatedLauncher.java MAIN_CLASS PATH...
 */
public class IsolatedLauncher {
    public static void main(String[] args) throws Exception {
        URL[] urls = Arrays.stream(args).skip(1).map(p -> {
            try {
                return Path.of(p).toUri().toURL();
            } catch (Exception e) {
                throw new IllegalArgumentException(p, e);
            }
        }).toArray(URL[]::new);
        ClassLoader app = new URLClassLoader("app", urls, ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(app);
        Class.forName(args[0], true, app).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    }
}
