package dev.orchestra.inspector.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    private final SecretMasker masker = new SecretMasker();

    @Test
    void recognisesSecretKeysButNotLookalikes() {
        for (String key : new String[] {"password", "api_key", "apiKey", "API-KEY", "access_token", "refreshToken",
                "Authorization", "client_secret", "private_key", "db_password", "x-auth-token", "secret"}) {
            assertThat(masker.isSecretKey(key)).as(key).isTrue();
        }
        for (String key : new String[] {"max_tokens", "token_count", "author", "session_id", "keyword", "role",
                "tool_name", "passage", "monkey"}) {
            assertThat(masker.isSecretKey(key)).as(key).isFalse();
        }
    }

    @Test
    void masksAtAnyDepthWithoutChangingTheInput() {
        BsonDocument doc = new BsonDocument("metadata", new BsonDocument("api_key", new BsonString("sk-1"))
                .append("headers", new BsonArray(List.of(
                        new BsonDocument("Authorization", new BsonString("Bearer abc"))))))
                .append("password", new BsonInt32(1234))
                .append("text_content", new BsonString("hello"));

        BsonDocument masked = masker.mask(doc);

        assertThat(masked.toJson()).doesNotContain("sk-1").doesNotContain("Bearer abc").doesNotContain("1234")
                .contains("hello");
        assertThat(doc.getDocument("metadata").getString("api_key").getValue()).isEqualTo("sk-1");
        assertThat(masker.secretPaths(doc)).containsExactly("metadata.api_key", "metadata.headers[0].Authorization",
                "password");
    }
}
