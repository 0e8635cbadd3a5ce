package dev.orchestra.inspector.detail;

import dev.orchestra.inspector.common.BsonText;
import dev.orchestra.inspector.common.EpochMillis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * A tree node for a BSON value whose children are built when first asked for, so a 1,536-element embedding costs
 * nothing until it is expanded.
 */
public final class BsonTreeItem extends TreeItem<BsonNode> {
    private final BsonValue value;
    private boolean childrenBuilt;

    public BsonTreeItem(String key, BsonValue value) {
        super(node(key, value));
        this.value = value;
    }

    @Override
    public boolean isLeaf() {
        return !(value instanceof BsonDocument d && !d.isEmpty()) && !(value instanceof BsonArray a && !a.isEmpty());
    }

    @Override
    public ObservableList<TreeItem<BsonNode>> getChildren() {
        if (!childrenBuilt) {
            childrenBuilt = true;
            super.getChildren().setAll(buildChildren());
        }
        return super.getChildren();
    }

    private List<TreeItem<BsonNode>> buildChildren() {
        List<TreeItem<BsonNode>> children = new ArrayList<>();
        if (value instanceof BsonDocument doc) {
            for (Map.Entry<String, BsonValue> e : doc.entrySet()) {
                children.add(new BsonTreeItem(e.getKey(), e.getValue()));
            }
        } else if (value instanceof BsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                children.add(new BsonTreeItem("[" + i + "]", array.get(i)));
            }
        }
        return children;
    }

    static BsonNode node(String key, BsonValue value) {
        Optional<Instant> millis = EpochMillis.of(key, value);
        if (millis.isPresent()) {
            return new BsonNode(key, typeLabel(value), EpochMillis.describe(millis.get()), BsonNode.Look.FLAGGED);
        }
        return new BsonNode(key, typeLabel(value), summary(value),
                value.isNull() ? BsonNode.Look.NULL : BsonNode.Look.PLAIN);
    }

    /** The full BSON type name ("Decimal128", never an abbreviation); a standard UUID binary is "UUID". */
    static String typeLabel(BsonValue v) {
        BsonType t = v.getBsonType();
        return switch (t) {
            case DOCUMENT -> "Object";
            case ARRAY -> "Array";
            case STRING -> "String";
            case INT32 -> "Int32";
            case INT64 -> "Int64";
            case DOUBLE -> "Double";
            case DECIMAL128 -> "Decimal128";
            case DATE_TIME -> "Date";
            case OBJECT_ID -> "ObjectId";
            case BOOLEAN -> "Boolean";
            case NULL -> "Null";
            case BINARY -> BsonText.uuid(v) != null ? "UUID" : "Binary";
            case TIMESTAMP -> "Timestamp";
            case REGULAR_EXPRESSION -> "Regex";
            case JAVASCRIPT -> "JavaScript";
            case JAVASCRIPT_WITH_SCOPE -> "JavaScriptWithScope";
            case SYMBOL -> "Symbol";
            case DB_POINTER -> "DBPointer";
            case UNDEFINED -> "Undefined";
            case MIN_KEY -> "MinKey";
            case MAX_KEY -> "MaxKey";
            case END_OF_DOCUMENT -> "";
        };
    }

    private static String summary(BsonValue v) {
        if (v instanceof BsonDocument d) {
            return "{ " + d.size() + (d.size() == 1 ? " field }" : " fields }");
        }
        if (v instanceof BsonArray a) {
            return "[ " + a.size() + (a.size() == 1 ? " element ]" : " elements ]");
        }
        return BsonText.inline(v, 500);
    }
}
