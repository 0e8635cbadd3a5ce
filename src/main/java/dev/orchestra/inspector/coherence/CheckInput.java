package dev.orchestra.inspector.coherence;

import dev.orchestra.inspector.coherence.CoherenceViewModel.Scope;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.storage.coherence.CoherenceLimits;
import dev.orchestra.storage.coherence.CoherenceScope;

/** The check's fields parsed: a scope and a sample size, or the one-line problem with them. */
record CheckInput(CoherenceScope scope, int sampleSize, String problem) {

    static CheckInput parse(Scope kind, String user, String session, String sample, Messages messages) {
        String u = user == null ? "" : user.strip();
        String s = session == null ? "" : session.strip();
        int size;
        try {
            size = Integer.parseInt(sample == null ? "" : sample.strip());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > CoherenceLimits.MAX_SAMPLE) {
            return problem(messages.format("coherence.badSample", CoherenceLimits.MAX_SAMPLE));
        }
        return switch (kind) {
            case SAMPLE -> new CheckInput(CoherenceScope.sample(), size, null);
            case USER -> u.isEmpty() ? problem(messages.get("coherence.needUser"))
                    : new CheckInput(CoherenceScope.user(u), size, null);
            case SESSION -> u.isEmpty() || s.isEmpty() ? problem(messages.get("coherence.needSession"))
                    : new CheckInput(CoherenceScope.session(u, s), size, null);
        };
    }

    private static CheckInput problem(String text) {
        return new CheckInput(null, 0, text);
    }
}
