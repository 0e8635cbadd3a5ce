package dev.orchestra.storage.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Everything a database holds, read with a client of its own: the collection names, every collection's index
 * definitions and every document's exact bytes. Two snapshots are equal only when nothing was created, changed or
 * deleted in between.
 */
public record DatabaseSnapshot(List<String> collections, TreeMap<String, List<String>> indexes,
                               TreeMap<String, List<String>> documentBytes) {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();

    public static DatabaseSnapshot of(String connectionString, String databaseName) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoDatabase database = client.getDatabase(databaseName);
            List<String> names = database.listCollectionNames().into(new ArrayList<>());
            names.sort(null);
            TreeMap<String, List<String>> indexes = new TreeMap<>();
            TreeMap<String, List<String>> documents = new TreeMap<>();
            for (String name : names) {
                List<String> definitions = new ArrayList<>();
                database.getCollection(name, BsonDocument.class).listIndexes(BsonDocument.class)
                        .forEach(d -> definitions.add(d.toJson(CANONICAL)));
                definitions.sort(null);
                indexes.put(name, definitions);
                List<String> bytes = new ArrayList<>();
                database.getCollection(name, RawBsonDocument.class).find().forEach(d -> {
                    byte[] copy = new byte[d.getByteBuffer().remaining()];
                    d.getByteBuffer().get(copy);
                    bytes.add(Base64.getEncoder().encodeToString(copy));
                });
                bytes.sort(null);
                documents.put(name, bytes);
            }
            return new DatabaseSnapshot(List.copyOf(names), indexes, documents);
        }
    }

    public int documentCount() {
        return documentBytes.values().stream().mapToInt(List::size).sum();
    }
}
