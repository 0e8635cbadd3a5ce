package dev.orchestra.storage.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void removesUserAndPasswordFromMongoUris() {
        String redacted = Secrets.redact("mongodb://admin:s3cr3t@db1:27017,db2:27017/orchestra?replicaSet=rs0");
        assertThat(redacted).doesNotContain("s3cr3t").doesNotContain("admin")
                .isEqualTo("mongodb://***@db1:27017,db2:27017/orchestra?replicaSet=rs0");
    }

    @Test
    void removesCredentialsFromSrvUrisAndPasswordParameters() {
        assertThat(Secrets.redact("mongodb+srv://u:p%40ss@cluster0.example.net/db"))
                .isEqualTo("mongodb+srv://***@cluster0.example.net/db");
        assertThat(Secrets.redact("redis://host?password=hunter2&db=1")).isEqualTo("redis://host?password=***&db=1");
    }

    @Test
    void removesAKnownSecretWhereverItAppears() {
        assertThat(Redactor.forSecrets(List.of("hunter2")).redact("AUTH failed for hunter2 on host"))
                .isEqualTo("AUTH failed for *** on host");
    }

    @Test
    void leavesTextWithoutCredentialsAlone() {
        assertThat(Secrets.redact("mongodb://localhost:27017/orchestra")).isEqualTo("mongodb://localhost:27017/orchestra");
        assertThat(Secrets.redact(null)).isNull();
    }
}
