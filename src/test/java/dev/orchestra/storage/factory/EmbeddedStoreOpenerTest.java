package dev.orchestra.storage.factory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageException;
import org.junit.jupiter.api.Test;

class EmbeddedStoreOpenerTest {

    /** The application's class loader, except that one jar is not there (as in a service that left it out). */
    private static final class WithoutPackage extends ClassLoader {
        private final String hiddenPackage;

        WithoutPackage(String hiddenPackage) {
            super(EmbeddedStoreOpenerTest.class.getClassLoader());
            this.hiddenPackage = hiddenPackage;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(hiddenPackage)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void everyRequiredClassIsOnTheApplicationsClasspath() {
        assertThatCode(() -> EmbeddedStoreOpener.requireOnClasspath(EmbeddedStoreOpener.class.getClassLoader()))
                .doesNotThrowAnyException();
    }

    @Test
    void withoutH2TheEmbeddedStoreIsAStorageExceptionThatNamesTheWayOut() {
        assertThatThrownBy(() -> EmbeddedStoreOpener.requireOnClasspath(new WithoutPackage("org.h2.")))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("set MONGODB_URI or add them")
                .hasMessageContaining("mongo-java-server-h2-backend")
                .hasMessageEndingWith("(org.h2.mvstore.MVStore is missing)");
    }

    @Test
    void withoutNettyTheEmbeddedStoreIsAStorageException() {
        assertThatThrownBy(() -> EmbeddedStoreOpener.requireOnClasspath(new WithoutPackage("io.netty.")))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageEndingWith("(io.netty.bootstrap.ServerBootstrap is missing)");
    }
}
