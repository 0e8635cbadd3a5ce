package dev.orchestra.connections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MongoUriFieldsTest {

    @Test
    void aUriBecomesFieldsAndTheFieldsTheSameUriWithoutThePassword() {
        String uri = "mongodb://reader:secret@127.0.0.1:27018,127.0.0.1:27019/orchestra?authSource=admin&tls=true"
                + "&replicaSet=rs0";
        MongoUriFields fields = MongoUriFields.parse(uri);

        assertThat(fields.hosts()).isEqualTo("127.0.0.1:27018,127.0.0.1:27019");
        assertThat(fields.username()).isEqualTo("reader");
        assertThat(fields.database()).isEqualTo("orchestra");
        assertThat(fields.authDatabase()).isEqualTo("admin");
        assertThat(fields.tls()).isTrue();
        assertThat(fields.options()).isEqualTo("replicaSet=rs0");
        assertThat(fields.firstHost()).isEqualTo("127.0.0.1");
        assertThat(fields.firstPort()).isEqualTo(27018);
        assertThat(fields.toDisplayUri()).isEqualTo(
                "mongodb://reader@127.0.0.1:27018,127.0.0.1:27019/orchestra?authSource=admin&tls=true&replicaSet=rs0");
        assertThat(MongoUriFields.parse(fields.toUri("secret"))).isEqualTo(fields);
    }

    @Test
    void fieldsTypedOneByOneBuildAUri() {
        MongoUriFields fields = MongoUriFields.of("localhost", 27017, "a user", "orchestra", "admin", false);
        assertThat(fields.toUri("p@ss:/")).isEqualTo(
                "mongodb://a%20user:p%40ss%3A%2F@localhost:27017/orchestra?authSource=admin");
        assertThat(MongoUriFields.passwordIn(fields.toUri("p@ss:/"))).contains("p@ss:/");
    }

    @Test
    void srvKeepsItsScheme() {
        MongoUriFields fields = MongoUriFields.parse("mongodb+srv://cluster0.example.net/?retryWrites=true");
        assertThat(fields.srv()).isTrue();
        assertThat(fields.toDisplayUri()).isEqualTo("mongodb+srv://cluster0.example.net/?retryWrites=true");
    }
}
