package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheKeysTest {
    private final CacheKeys keys = new CacheKeys("orchestra:");

    @Test
    void namesFollowTheSharedLayout() {
        assertThat(keys.history("u1", "s1")).isEqualTo("orchestra:history:u1:s1");
        assertThat(keys.history("u1", null)).isEqualTo("orchestra:history:u1");
        assertThat(keys.session("u1", "s1")).isEqualTo("orchestra:session:u1:s1");
    }

    @Test
    void aWriteToASessionAffectsTheSessionAndTheUserKeys() {
        assertThat(keys.historyKeysShowing("u1", "s1"))
                .containsExactly("orchestra:history:u1:s1", "orchestra:history:u1");
        assertThat(keys.historyKeysShowing("u1", null)).containsExactly("orchestra:history:u1");
        assertThat(keys.historyKeysShowing(null, "s1")).isEmpty();
    }

    @Test
    void usersWithAColonAreNeverReadBecauseTheirKeysAreAmbiguous() {
        // user "a:b" without session and user "a" with session "b" would share history:a:b
        assertThat(keys.historyForReading("a:b", null)).isEmpty();
        assertThat(keys.historyForReading("a", "b")).contains("orchestra:history:a:b");
        assertThat(keys.sessionForReading("a:b", "s")).isEmpty();
        assertThat(keys.sessionForReading("a", null)).isEmpty();
        assertThat(keys.historyForReading("", "s")).isEmpty();
    }

    @Test
    void sessionIdsMayContainColons() {
        assertThat(keys.historyForReading("u", "s:1")).contains("orchestra:history:u:s:1");
        assertThat(keys.history("u", "s:1")).startsWith(keys.userSessionHistoryPrefix("u"));
    }

    @Test
    void scanPatternsEscapeGlobCharacters() {
        assertThat(CacheKeys.globStartingWith("p:history:u*[1]?\\:"))
                .isEqualTo("p:history:u\\*\\[1\\]\\?\\\\:*");
        assertThat(keys.allHistoryPrefix()).isEqualTo("orchestra:history:");
        assertThat(keys.userSessionPrefix("u")).isEqualTo("orchestra:session:u:");
    }
}
