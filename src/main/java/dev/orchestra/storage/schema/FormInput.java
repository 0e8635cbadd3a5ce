package dev.orchestra.storage.schema;

/** How the editor's form shows a field; {@link #NONE}: edited in the JSON only (metadata, embedding, ...). */
public enum FormInput {
    NONE, LINE, LONG_TEXT, TIME
}
