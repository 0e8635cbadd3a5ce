package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.JsonNotation;
import java.util.List;
import org.bson.BsonDocument;

/** The stored document changed since the editor loaded it; {@code theirs} is null when it was deleted. */
public record EditConflict(BsonDocument theirs, BsonDocument yours) {
    public boolean deleted() {
        return theirs == null;
    }

    /** Theirs and yours side by side, both in the readable notation. */
    public List<SideBySideDiff.Row> diff() {
        return SideBySideDiff.of(theirs == null ? "" : ExtendedJson.format(theirs, JsonNotation.READABLE),
                ExtendedJson.format(yours, JsonNotation.READABLE));
    }
}
