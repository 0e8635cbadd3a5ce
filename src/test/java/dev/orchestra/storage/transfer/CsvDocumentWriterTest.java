package dev.orchestra.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.StoreCollection;
import java.io.StringWriter;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class CsvDocumentWriterTest {
    @Test
    void writesAHeaderAndQuotesCellsThatNeedIt() throws Exception {
        var out = new StringWriter();
        var writer = new CsvDocumentWriter(out, CsvLayout.forCollection(StoreCollection.MEMORY_ITEMS));
        BsonDocument document = EveryBsonType.memoryItem(new BsonString("a,1"), "alice", "s1", 1);

        writer.begin();
        writer.write(document);

        String[] lines = out.toString().split("\r\n", 2);
        assertThat(lines[0]).isEqualTo("_id,user_id,session_id,timestamp,item_type,persona_active,text_content,"
                + "embedding,metadata,expiration,other_fields");
        assertThat(lines[1]).startsWith("\"a,1\",alice,s1,2024-05-01T12:00:00.124Z,conversation,,"
                + "\"line one\nline \"\"two\"\", ünïcödé ✓ 1\",\"[0.3333333333333333, -1.0E-300,");
        assertThat(lines[1]).contains("\"{\"\"written_by_python\"\": \"\"unknown fields survive\"\"}\"");
    }

    @Test
    void cellsSpellOutBsonValuesReadably() {
        BsonDocument document = EveryBsonType.memoryItem(new BsonString("x"), "u", null, 0);
        BsonDocument metadata = document.getDocument("metadata");

        assertThat(CsvDocumentWriter.cell(metadata.get("object_id"))).isEqualTo("65f0c0ffee00000000000000");
        assertThat(CsvDocumentWriter.cell(metadata.get("int64"))).isEqualTo(Long.toString(Long.MAX_VALUE));
        assertThat(CsvDocumentWriter.cell(metadata.get("when"))).isEqualTo("1969-07-20T20:17:40Z");
        assertThat(CsvDocumentWriter.cell(metadata.get("nothing"))).isEmpty();
        assertThat(CsvDocumentWriter.cell(metadata.get("nested"))).startsWith("[[1, [\"deep\", null]], []");
    }
}
