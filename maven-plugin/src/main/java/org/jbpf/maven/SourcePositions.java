package org.jbpf.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the {@code File.java:line:} that starts a translator or verifier message into the file's path relative
 * to the project ({@code src/main/java/com/acme/NoNull.java:12:}), which IDEs and terminals turn into a link.
 */
final class SourcePositions {
    private static final Pattern POSITION = Pattern.compile("^([\\w$]+\\.java):(\\d+):");

    private final Path basedir;
    private final List<Path> sourceRoots;

    SourcePositions(Path basedir, List<Path> sourceRoots) {
        this.basedir = basedir.toAbsolutePath().normalize();
        this.sourceRoots = sourceRoots;
    }

    /**
     * {@code message} with its leading file name replaced by the path of that file in the package of
     * {@code className} (binary name) under the first source root holding it; unchanged when no such file exists.
     */
    String rewrite(String message, String className) {
        Matcher m = POSITION.matcher(message);
        if (!m.find()) return message;
        int dot = className.lastIndexOf('.');
        String packageDir = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        for (Path root : sourceRoots) {
            Path file = root.resolve(packageDir + m.group(1)).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) continue;
            Path shown = file.startsWith(basedir) ? basedir.relativize(file) : file;
            return shown.toString().replace('\\', '/') + ":" + m.group(2) + ":" + message.substring(m.end());
        }
        return message;
    }
}
