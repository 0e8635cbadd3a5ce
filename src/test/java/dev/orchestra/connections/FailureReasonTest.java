package dev.orchestra.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.config.Redactor;
import java.io.IOException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {
    private static final String TLS = "TLS failure (the server's certificate or the TLS setting does not match)";
    private final Redactor redactor = Redactor.PATTERNS_ONLY;

    @Test
    void tlsFailuresAreNamedWhateverTheLayerSaysIt() {
        assertThat(FailureReason.of(new SSLHandshakeException("PKIX path building failed"), redactor)).isEqualTo(TLS);
        assertThat(FailureReason.of(new IOException("wrapped", new SSLException("Received fatal alert")), redactor))
                .isEqualTo(TLS);
        assertThat(FailureReason.of("javax.net.ssl.SSLException: No subject alternative names", redactor))
                .isEqualTo(TLS);
    }

    @Test
    void aKeyFingerprintThatHappensToSpellTlsIsNotATlsFailure() {
        String refused = "The SSH host 127.0.0.1:2222 offered key SHA256:ab+tls/Xq9sslQ= which was not accepted";

        assertThat(FailureReason.of(refused, redactor)).isEqualTo(refused);
    }
}
