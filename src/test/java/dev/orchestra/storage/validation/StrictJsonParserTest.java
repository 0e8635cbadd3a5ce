package dev.orchestra.storage.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import org.junit.jupiter.api.Test;

class StrictJsonParserTest {
    @Test
    void trailingContentIsRefused() {
        assertThatThrownBy(() -> StrictJsonParser.parseObject("{\"user_id\":\"x\"} trailing garbage"))
                .isInstanceOf(StorageValidationException.class)
                .hasMessageContaining("'trailing'");
        assertThatThrownBy(() -> StrictJsonParser.parseObject("{\"user_id\":\"x\"} {\"a\": 1}"))
                .isInstanceOf(StorageValidationException.class)
                .hasMessage("unexpected text after the JSON object");
        assertThat(StrictJsonParser.parseObject("  {\"user_id\":\"x\"}  \n").getString("user_id").getValue())
                .isEqualTo("x");
    }

    @Test
    void nestingIsLimitedTo100LevelsWithOneMessageInsteadOfAStackOverflow() {
        String deep = "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThatThrownBy(() -> StrictJsonParser.parseObject(deep))
                .isInstanceOf(StorageValidationException.class)
                .hasMessage("nested deeper than 100 levels of objects and arrays (MongoDB's limit)");
        String hundred = "{\"a\": ".repeat(99) + "[1]" + "}".repeat(99);
        assertThat(StrictJsonParser.parseObject(hundred)).isNotNull();
        String hundredAndOne = "{\"a\": ".repeat(100) + "[1]" + "}".repeat(100);
        assertThatThrownBy(() -> StrictJsonParser.parseObject(hundredAndOne))
                .isInstanceOf(StorageValidationException.class);
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String text = "{\"s\": \"" + "{[".repeat(500) + "\", 't': '{{\\'{'}";
        assertThat(StrictJsonParser.parseObject(text).getString("s").getValue()).hasSize(1000);
    }

    @Test
    void anArrayOrGarbageIsNotAnObject() {
        assertThatThrownBy(() -> StrictJsonParser.parseObject("[1]"))
                .hasMessage("expected a JSON object, found an array");
        assertThatThrownBy(() -> StrictJsonParser.parseObject("{\"a\": ")).hasMessageStartingWith("invalid JSON");
    }
}
