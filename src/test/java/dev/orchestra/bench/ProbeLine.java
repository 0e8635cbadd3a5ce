package dev.orchestra.bench;

import java.util.HashMap;
import java.util.Map;

/** The {@code key=value ...} line a forked probe prints. */
final class ProbeLine {
    private final Map<String, Long> values;

    private ProbeLine(Map<String, Long> values) {
        this.values = values;
    }

    static ProbeLine parse(String line) {
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return new ProbeLine(values);
    }

    long get(String key) {
        Long value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("The probe did not report " + key);
        }
        return value;
    }
}
