package dev.orchestra.inspector.detail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddingInputTest {

    @Test
    void acceptsAJsonArrayOfNumbersInAnyJsonNumberSpelling() {
        EmbeddingInput.Result r = EmbeddingInput.parse("  [0.12, -3e-2, 7, 1E+2, -0.0 ]\n");

        assertThat(r.ok()).isTrue();
        assertThat(r.vector()).containsExactly(0.12, -0.03, 7.0, 100.0, -0.0);
        assertThat(r.dimension()).isEqualTo(5);
        assertThat(r.error()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, NaN, 2]|Value 2 is not a number: 'NaN'",
        "[1, Infinity]|Value 2 is not a number: 'Infinity'",
        "[1, \"2\"]|Value 2 is not a number: '\"2\"'",
        "[1, [2]]|Value 2 is not a number: '[2]'",
        "[1,, 2]|Value 2 is not a number: (nothing between two commas)",
        "[1, 2,]|Value 3 is not a number: (nothing between two commas)",
        "[1, 0x10]|Value 2 is not a number: '0x10'",
        "[1, 01]|Value 2 is not a number: '01'",
        "[1, 1e999]|Value 2 is too large for a double: '1e999'",
        "{\"v\": [1]}|A vector is a JSON array: it starts with [ and ends with ]",
        "[1, 2] trailing|A vector is a JSON array: it starts with [ and ends with ]",
        "[]|The array is empty; a vector needs at least one number",
        "[0, 0.0, -0]|Every value is 0; cosine similarity needs a vector with a length",
    })
    void refusesAnythingElseWithOneLineSayingWhere(String text, String message) {
        EmbeddingInput.Result r = EmbeddingInput.parse(text);

        assertThat(r.ok()).isFalse();
        assertThat(r.vector()).isNull();
        assertThat(r.error()).isEqualTo(message).doesNotContain("\n");
    }

    @Test
    void refusesBlankTextAndMoreValuesThanAnyModelMakes() {
        assertThat(EmbeddingInput.parse("   ").error()).startsWith("Paste a JSON array");
        String huge = "[" + "1,".repeat(EmbeddingInput.MAX_DIMENSION) + "1]";
        assertThat(EmbeddingInput.parse(huge).error()).contains("at most " + EmbeddingInput.MAX_DIMENSION);
    }
}
