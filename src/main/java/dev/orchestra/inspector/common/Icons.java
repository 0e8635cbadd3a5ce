package dev.orchestra.inspector.common;

import org.controlsfx.glyphfont.FontAwesome;
import org.controlsfx.glyphfont.Glyph;

/** Icons from the FontAwesome font that ships inside ControlsFX (loaded from the jar, never from the network). */
public final class Icons {
    private static final String FAMILY = "FontAwesome";

    private Icons() {
    }

    /** Loads the font once per JVM; FontAwesome's own constructor registers the family with JavaFX. */
    private static final class FontHolder {
        static final FontAwesome FONT = new FontAwesome(FontAwesome.class.getResourceAsStream("fontawesome-webfont.ttf"));
    }

    public static Glyph glyph(FontAwesome.Glyph icon) {
        FontHolder.FONT.getName();
        Glyph glyph = new Glyph(FAMILY, icon);
        glyph.getStyleClass().add("icon");
        return glyph;
    }

    public static Glyph glyph(FontAwesome.Glyph icon, String styleClass) {
        Glyph glyph = glyph(icon);
        glyph.getStyleClass().add(styleClass);
        return glyph;
    }
}
