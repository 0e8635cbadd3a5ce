package dev.orchestra.storage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeInputParserTest {
    private final TimeInputParser parser = new TimeInputParser(
            Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void acceptsDatesTimesInstantsAndRelativeTimes() {
        assertThat(parser.parse("2024-05-01", false).value()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(parser.parse("2024-05-01", true).value()).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(parser.parse("2024-05-01 14:30", false).value()).isEqualTo(Instant.parse("2024-05-01T14:30:00Z"));
        assertThat(parser.parse("2024-05-01T14:30:15", false).value())
                .isEqualTo(Instant.parse("2024-05-01T14:30:15Z"));
        assertThat(parser.parse("2024-05-01T14:30:00+02:00", false).value())
                .isEqualTo(Instant.parse("2024-05-01T12:30:00Z"));
        assertThat(parser.parse("2h", false).value()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
        assertThat(parser.parse("15m ago", false).value()).isEqualTo(Instant.parse("2024-06-01T11:45:00Z"));
        assertThat(parser.parse("  ", false)).satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.value()).isNull();
        });
    }

    @Test
    void acceptsWhatTheCliAcceptedBefore() {
        assertThat(parser.parse("2024-05-01T14:30:00z", false).value())
                .isEqualTo(Instant.parse("2024-05-01T14:30:00Z"));
        assertThat(parser.parse("2024-05-01T14:30:00.250", false).value())
                .isEqualTo(Instant.parse("2024-05-01T14:30:00.250Z"));
        assertThat(parser.parse("2024-05-01T14:30:00.250+02:00", true).value())
                .isEqualTo(Instant.parse("2024-05-01T12:30:00.250Z"));
        assertThat(parser.parse(" 2024-05-01T14:30:00Z ", true).value())
                .isEqualTo(Instant.parse("2024-05-01T14:30:00Z"));
    }

    @Test
    void aBareDateIsInTheClocksZone() {
        var berlin = new TimeInputParser(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.ofHours(2)));

        assertThat(berlin.parse("2024-05-01", false).value()).isEqualTo(Instant.parse("2024-04-30T22:00:00Z"));
        assertThat(berlin.parse("2024-05-01", true).value()).isEqualTo(Instant.parse("2024-05-01T22:00:00Z"));
    }

    @Test
    void explainsWhatIsWrong() {
        for (String bad : new String[] {"2024-13-45", "yesterday", "2024-05-01 25:00", "12/05/2024"}) {
            TimeInputParser.Result r = parser.parse(bad, false);
            assertThat(r.ok()).as(bad).isFalse();
            assertThat(r.error()).contains("is not a time").contains("2024-05-01");
        }
    }
}
