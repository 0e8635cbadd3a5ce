package dev.orchestra.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.DocumentValidator;

class ValidatedSpoolTest {
    @Test
    void documentsComeBackInOrderWithTheirLineNumbersAndEveryBsonTypeIntact() throws Exception {
        List<BsonDocument> documents = List.of(
                EveryBsonType.memoryItem(new BsonString("a"), "alice", "s1", 1),
                EveryBsonType.memoryItem(new BsonString("b"), "bob", "s2", 2),
                EveryBsonType.memoryItem(new BsonString("c"), "carol", "s3", 3));
        Path file;
        try (ValidatedSpool spool = ValidatedSpool.create()) {
            file = spool.file();
            long line = 3;
            for (BsonDocument document : documents) {
                spool.add(line, DocumentValidator.validateAndEncode(StoreCollection.MEMORY_ITEMS, document));
                line += 10;
            }
            assertThat(spool.size()).isEqualTo(3);

            for (int i = 0; i < documents.size(); i++) {
                ValidatedSpool.SpooledDocument next = spool.next();
                assertThat(next.lineNumber()).isEqualTo(3 + 10L * i);
                assertThat(next.document()).isEqualTo(documents.get(i));
                next.document().put("mutable", new BsonString("yes")); // the writer may complete documents
            }
            assertThat(spool.next()).isNull();
            assertThat(file).exists();
        }
        assertThat(Files.exists(file)).as("the temp file is deleted on close").isFalse();
    }

    @Test
    void anUnreadSpoolIsDeletedToo() throws Exception {
        Path file;
        try (ValidatedSpool spool = ValidatedSpool.create()) {
            file = spool.file();
            spool.add(1, DocumentValidator.validateAndEncode(StoreCollection.MEMORY_ITEMS,
                    EveryBsonType.memoryItem(new BsonString("a"), "alice", "s1", 1)));
        }
        assertThat(Files.exists(file)).isFalse();
    }
}
