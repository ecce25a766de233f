package org.jbpf.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.jbpf.toolchain.Backends;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A parameterized test's source of backend names, every name of the toolchain's table ({@code direct}, {@code llvm}):
 * {@code @ParameterizedTest @BackendNames void works(String backend) { Backend b = TestBackends.require(backend); ... }}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(BackendNames.Provider.class)
public @interface BackendNames {
    /** Supplies the names. */
    final class Provider implements ArgumentsProvider {
        @Override public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return Backends.NAMES.keySet().stream().map(Arguments::of);
        }
    }

}
