package dev.orchestra.storage.schema;

/**
 * One documented field of a collection.
 *
 * @param required       the store refuses a document without it (from {@link
 *                       dev.orchestra.storage.model.StoreCollection#requiredFields()})
 * @param requiredInForm the editor's form asks for it (a time field may be, the store fills it on insert)
 * @param listed         a column of the CLI's plain-text table
 */
public record FieldSpec(String name, FieldType type, boolean required, FormInput form, boolean requiredInForm,
                        NewValue newValue, boolean listed) {

    public static FieldSpec of(String name, FieldType type) {
        return new FieldSpec(name, type, false, FormInput.NONE, false, NewValue.ABSENT, false);
    }

    /** Shown in the editor's form; {@code required}: the form does not accept it blank. */
    public FieldSpec shown(FormInput input, boolean required) {
        return new FieldSpec(name, type, this.required, input, required, newValue, listed);
    }

    public FieldSpec startsAs(NewValue value) {
        return new FieldSpec(name, type, required, form, requiredInForm, value, listed);
    }

    public FieldSpec inTable() {
        return new FieldSpec(name, type, required, form, requiredInForm, newValue, true);
    }

    FieldSpec required(boolean value) {
        return new FieldSpec(name, type, value, form, requiredInForm, newValue, listed);
    }
}
