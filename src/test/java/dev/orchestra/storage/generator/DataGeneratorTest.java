package dev.orchestra.storage.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.DocumentValidator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {
    /** Keeps what the generator hands over, batch by batch. */
    private static final class Collected implements DataGenerator.BatchWriter {
        final Map<StoreCollection, List<BsonDocument>> documents = new EnumMap<>(StoreCollection.class);
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public void write(StoreCollection collection, List<BsonDocument> batch) {
            batchSizes.add(batch.size());
            documents.computeIfAbsent(collection, c -> new ArrayList<>()).addAll(batch);
        }

        List<BsonDocument> of(StoreCollection collection) {
            return documents.getOrDefault(collection, List.of());
        }
    }

    @Test
    void makesValidOrchestraShapedDocumentsInBatchesWithAboutOneInTwentyEmbedded() {
        Collected out = new Collected();

        DataGenerator.Report report = new DataGenerator(out, 1).generate(2_400);

        assertThat(report.items()).isEqualTo(2_400);
        assertThat(out.of(StoreCollection.MEMORY_ITEMS)).hasSize(2_400);
        assertThat(out.of(StoreCollection.AGENT_DATA)).hasSize((int) report.agentData()).hasSize(240);
        assertThat(out.of(StoreCollection.USER_SESSIONS)).hasSize((int) report.sessions()).hasSize(60);
        assertThat(out.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, DataGenerator.BATCH));
        out.documents.forEach((collection, documents) ->
                documents.forEach(document -> DocumentValidator.validate(collection, document)));
        List<BsonDocument> embedded = out.of(StoreCollection.MEMORY_ITEMS).stream()
                .filter(d -> d.containsKey("embedding")).toList();
        assertThat(embedded).hasSize((int) report.embeddings()).hasSize(120);
        assertThat(embedded).allSatisfy(d -> assertThat(d.getArray("embedding")).hasSize(1536));
        assertThat(out.of(StoreCollection.MEMORY_ITEMS)).allSatisfy(d -> {
            assertThat(d.getString("user_id").getValue()).startsWith("generated-user-");
            assertThat(d.getString("session_id").getValue()).startsWith("generated-1-session-");
        });
    }

    @Test
    void theSameSeedMakesTheSameDocumentsAndAnotherSeedOthers() {
        Collected first = new Collected();
        Collected again = new Collected();
        Collected other = new Collected();

        new DataGenerator(first, 7).generate(300);
        new DataGenerator(again, 7).generate(300);
        new DataGenerator(other, 8).generate(300);

        assertThat(again.documents).isEqualTo(first.documents);
        assertThat(other.of(StoreCollection.MEMORY_ITEMS).get(0).get("_id"))
                .isNotEqualTo(first.of(StoreCollection.MEMORY_ITEMS).get(0).get("_id"));
    }

    @Test
    void aLargerRunWithTheSameSeedKeepsTheIdsUsersAndSessionsOfTheSmallerOne() {
        Collected small = new Collected();
        Collected large = new Collected();

        new DataGenerator(small, 7).generate(1_000);
        new DataGenerator(large, 7).generate(20_000);

        for (StoreCollection collection : List.of(StoreCollection.MEMORY_ITEMS, StoreCollection.AGENT_DATA,
                StoreCollection.USER_SESSIONS)) {
            Map<BsonValue, BsonDocument> largeById = large.of(collection).stream()
                    .collect(Collectors.toMap(d -> d.get("_id"), d -> d));
            assertThat(small.of(collection)).isNotEmpty().allSatisfy(d -> {
                BsonDocument same = largeById.get(d.get("_id"));
                assertThat(same).as("%s %s", collection, d.get("_id")).isNotNull();
                for (String key : List.of("user_id", "session_id", "agent_id")) {
                    assertThat(same.get(key)).as(key).isEqualTo(d.get(key));
                }
            });
        }
    }

    @Test
    void generatedAgentsAreNamedSoThatTheyCannotBeTakenForRealOnes() {
        Collected out = new Collected();

        new DataGenerator(out, 3).generate(500);

        assertThat(out.of(StoreCollection.AGENT_DATA)).isNotEmpty().allSatisfy(d -> {
            assertThat(d.getString("agent_id").getValue()).startsWith("generated-");
            assertThat(d.getDocument("metadata").getInt64("seed").getValue()).isEqualTo(3);
        });
    }
}
