package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.RedisDeploymentConfig;
import dev.orchestra.storage.error.StorageValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to Redis from PEM files, as managed Redis services hand them out: the CA that signed the server's
 * certificate ({@code REDIS_TLS_CA_FILE}), optionally a client certificate and its PKCS#8 key for mutual TLS, and
 * host-name verification unless it was switched off by {@code REDIS_TLS_VERIFY_HOST=false}.
 */
final class RedisTls {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] NO_PASSWORD = new char[0];

    private RedisTls() {
    }

    /** The socket factory, or null when neither a CA nor a client certificate is configured (JVM defaults). */
    static SSLSocketFactory socketFactory(RedisDeploymentConfig deployment) {
        if (deployment.tlsCaFile() == null && deployment.tlsCertFile() == null) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(deployment.tlsCertFile() == null ? null
                            : keyManagers(deployment.tlsCertFile(), deployment.tlsKeyFile()).getKeyManagers(),
                    deployment.tlsCaFile() == null ? null : trustManagers(deployment.tlsCaFile()).getTrustManagers(),
                    null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new StorageValidationException("REDIS_TLS: cannot set up TLS (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /** Host-name verification on (the default) checks the certificate's names against the host connected to. */
    static SSLParameters parameters(RedisDeploymentConfig deployment) {
        SSLParameters parameters = new SSLParameters();
        if (deployment.tlsVerifyHost()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return parameters;
    }

    private static TrustManagerFactory trustManagers(Path caFile) throws GeneralSecurityException {
        List<Certificate> cas = certificates(caFile, "REDIS_TLS_CA_FILE");
        KeyStore store = emptyStore();
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    private static KeyManagerFactory keyManagers(Path certFile, Path keyFile) throws GeneralSecurityException {
        List<Certificate> chain = certificates(certFile, "REDIS_TLS_CERT_FILE");
        PrivateKey key = privateKey(keyFile);
        KeyStore store = emptyStore();
        store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, NO_PASSWORD);
        return factory;
    }

    private static List<Certificate> certificates(Path file, String variable) {
        try {
            var parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (parsed.isEmpty()) {
                throw new StorageValidationException(variable + " holds no certificate: " + file);
            }
            return new ArrayList<>(parsed);
        } catch (IOException | GeneralSecurityException e) {
            throw new StorageValidationException(variable + " is not a readable PEM certificate: " + file);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new StorageValidationException("REDIS_TLS_KEY_FILE cannot be read: " + file);
        }
        Matcher matcher = PKCS8.matcher(text);
        if (!matcher.find()) {
            throw new StorageValidationException("REDIS_TLS_KEY_FILE must be an unencrypted PKCS#8 key (BEGIN PRIVATE"
                    + " KEY; convert with: openssl pkcs8 -topk8 -nocrypt): " + file);
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one: PKCS#8 names the algorithm only inside the DER
            }
        }
        throw new StorageValidationException("REDIS_TLS_KEY_FILE holds no RSA, EC or EdDSA key: " + file);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            return store;
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
