package org.jbpf.translator.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without the LLVM bindings on the class path the backend says so and names the artifacts to add. */
class WithoutBindingsTest {

    @Test
    void bindingsMissingGivesTheArtifactsToAdd() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator))
            if (!entry.contains("bytedeco")) urls.add(new File(entry).toURI().toURL());
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> backend = loader.loadClass(LlvmBackend.class.getName());
            assertEquals(false, backend.getMethod("available").invoke(null));
            String reason = (String) backend.getMethod("unavailableReason").invoke(null);
            assertTrue(reason.contains("org.bytedeco:llvm:" + Versions.LLVM) && reason.contains("org.bytedeco:javacpp:" + Versions.JAVACPP)
                    && reason.contains(Versions.PLATFORM), reason);
            // translating says the same, as a translation error rather than a linkage error
            Class<?> options = loader.loadClass("org.jbpf.translator.Translator$Options");
            Class<?> source = loader.loadClass("org.jbpf.translator.Translator$ClassSource");
            var failure = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> backend.getMethod("translate",
                    String.class, source, options).invoke(null, "org.jbpf.examples.ProcessCounter", null, null)).getCause();
            assertEquals("org.jbpf.translator.TranslationException", failure.getClass().getName());
            assertEquals(reason, failure.getMessage());
        }
    }

    @Test
    void bindingsPresentHereMakeTheBackendAvailable() {
        assertNull(LlvmBackend.unavailableReason());
        assertTrue(LlvmBackend.available());
    }
}
