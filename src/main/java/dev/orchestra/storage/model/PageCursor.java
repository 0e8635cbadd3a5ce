package dev.orchestra.storage.model;

import org.bson.BsonValue;

/**
 * Where the next page starts: the (time, _id) of the last row shown. Pages are ordered by
 * (time field desc, _id desc). Documents whose time field is not a BSON date (written by other systems)
 * sort after all dated ones; once paging reaches them it continues by offset within that small tail,
 * so they are listed too, never skipped.
 *
 * @param lastTime   the time-field value of the last row (a BsonDateTime in the dated part)
 * @param lastId     the {@code _id} of the last row
 * @param tailOffset -1 while in the dated part; otherwise how many undated rows were already shown
 */
public record PageCursor(BsonValue lastTime, BsonValue lastId, long tailOffset) {

    public boolean inUndatedTail() {
        return tailOffset >= 0;
    }
}
