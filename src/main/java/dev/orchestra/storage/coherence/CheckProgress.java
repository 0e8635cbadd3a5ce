package dev.orchestra.storage.coherence;

/** Progress of a check and how to stop it (an interrupt of the checking thread stops it too). */
public interface CheckProgress {
    CheckProgress NONE = (checked, planned) -> {
    };

    /** @param planned the most keys it will check (the sample size), or the exact number when known */
    void checked(int checked, int planned);

    /** Polled between batches: true stops the check, which returns what it has. */
    default boolean cancelled() {
        return false;
    }
}
