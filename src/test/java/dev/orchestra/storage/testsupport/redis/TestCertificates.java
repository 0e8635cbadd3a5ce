package dev.orchestra.storage.testsupport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PKI made with {@code openssl} for TLS tests: a CA, a server certificate for {@code localhost} /
 * {@code 127.0.0.1}, one for another host name, a server certificate from another CA, and a client certificate.
 * Keys are unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), as {@code REDIS_TLS_KEY_FILE} expects.
 */
public record TestCertificates(Path caCert, Path serverCert, Path serverKey, Path wrongHostCert, Path wrongHostKey,
                               Path otherCaServerCert, Path otherCaServerKey, Path clientCert, Path clientKey) {

    public static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            Path ca = selfSigned(dir, "ca", "orchestra-test-ca");
            Path otherCa = selfSigned(dir, "other-ca", "someone-elses-ca");
            signed(dir, "server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", ca);
            signed(dir, "wrong-host", "not-this-host.example", "subjectAltName=DNS:not-this-host.example", ca);
            signed(dir, "other-server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", otherCa);
            signed(dir, "client", "orchestra-client", "extendedKeyUsage=clientAuth", ca);
            return new TestCertificates(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"),
                    dir.resolve("wrong-host.pem"), dir.resolve("wrong-host.key"), dir.resolve("other-server.pem"),
                    dir.resolve("other-server.key"), dir.resolve("client.pem"), dir.resolve("client.key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path selfSigned(Path dir, String name, String commonName) {
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".pem",
                "-days", "2", "-subj", "/CN=" + commonName);
        return dir.resolve(name + ".pem");
    }

    private static void signed(Path dir, String name, String commonName, String extension, Path ca)
            throws IOException {
        String caName = ca.getFileName().toString().replace(".pem", "");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + commonName);
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", caName + ".pem", "-CAkey", caName + ".key",
                "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private static void openssl(Path dir, String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        RedisCli.run(dir, command);
    }
}
