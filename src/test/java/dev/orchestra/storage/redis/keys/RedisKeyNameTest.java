package dev.orchestra.storage.redis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisKeyNameTest {

    @Test
    void namesAreReadAsUtf8AndOtherBytesShownEscaped() {
        RedisKeyName ascii = RedisKeyName.of("app:history:user-1".getBytes(StandardCharsets.US_ASCII));
        assertThat(ascii.text()).isEqualTo("app:history:user-1");
        assertThat(ascii).isEqualTo(RedisKeyName.of("app:history:user-1")).hasSameHashCodeAs(
                RedisKeyName.of("app:history:user-1"));

        RedisKeyName accented = RedisKeyName.of("café:ü".getBytes(StandardCharsets.UTF_8));
        assertThat(accented.text()).isEqualTo("café:ü");
        assertThat(accented.bytes()).isEqualTo("café:ü".getBytes(StandardCharsets.UTF_8));

        byte[] pickle = {'k', ':', (byte) 0x80, 4, (byte) 0x95};
        RedisKeyName binary = RedisKeyName.of(pickle);
        assertThat(binary.text()).isEqualTo("k:\\x80\\x04\\x95");
        assertThat(binary.bytes()).isEqualTo(pickle);
        assertThat(binary).isNotEqualTo(RedisKeyName.of("k:\\x80\\x04\\x95"));
    }
}
