package dev.orchestra.inspector.ui;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;

/**
 * Made-up memory of user {@code maya} for the Similar items and Follow tests and screenshots, written with the raw
 * driver as Orchestra would: items on four topics whose 64-dimension embeddings lie near their topic's direction
 * (so similar topics score high), a few 32-dimension embeddings from "another model", and a conversation to follow.
 */
final class RecallData {
    static final String USER = "maya";
    static final String LIVE_SESSION = "s-live";
    static final int DIMENSION = 64;
    static final int OTHER_MODEL_ITEMS = 6;
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final String[][] TOPICS = {
        {"travel_agent", "Booked the Lisbon flight for June 12", "Prefers a window seat on long flights",
            "Hotel near Alfama, under 150 EUR a night", "Asked about trains from Lisbon to Porto",
            "Wants a day trip to Sintra", "Passport expires in 2027", "Likes boutique hotels over chains"},
        {"chef", "Allergic to peanuts", "Cooks vegetarian on weekdays", "Loves a slow-cooked ragu",
            "Bought a cast-iron skillet", "Wants a sourdough starter recipe", "Dislikes coriander"},
        {"coach", "Runs 5 km three times a week", "Training for a half marathon in April",
            "Knee hurts after long downhill runs", "Prefers morning workouts", "Resting heart rate 58"},
        {"advisor", "Saving for a flat deposit", "Monthly budget of 2,400 EUR", "Asked about index funds",
            "Pays rent on the 1st", "Wants to cut subscription costs"},
    };

    private RecallData() {
    }

    /** The direction of topic {@code t}: a fixed random unit-ish vector. */
    static double[] topic(int t) {
        Random random = new Random(1000 + t);
        double[] v = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    static List<Double> near(double[] direction, Random random, double noise) {
        List<Double> v = new ArrayList<>(direction.length);
        for (double d : direction) {
            v.add(Math.round((d + random.nextGaussian() * noise) * 1e6) / 1e6);
        }
        return v;
    }

    /** Inserts the items; returns how many have a {@value #DIMENSION}-dimension embedding. */
    static int seed(MongoCollection<Document> items) {
        Random random = new Random(16);
        List<Document> docs = new ArrayList<>();
        int withEmbedding = 0;
        int n = 0;
        for (int round = 0; round < 6; round++) {
            for (int t = 0; t < TOPICS.length; t++) {
                for (int i = 1; i < TOPICS[t].length; i++) {
                    String text = TOPICS[t][i] + (round == 0 ? "" : " (noted again, week " + (round + 1) + ")");
                    Document d = item("m-" + n, "s-" + TOPICS[t][0], TOPICS[t][0], "fact", text,
                            T0.plusSeconds(600L * n), null);
                    d.append("embedding", near(topic(t), random, 0.35 + 0.1 * round));
                    withEmbedding++;
                    docs.add(d);
                    n++;
                }
            }
        }
        for (int i = 0; i < OTHER_MODEL_ITEMS; i++) {
            docs.add(item("old-model-" + i, "s-travel_agent", "travel_agent", "fact", "Imported from the old "
                    + "assistant, note " + i, T0.minusSeconds(86_400L + i), null)
                    .append("embedding", near(new double[32], random, 1)));
        }
        String[][] chat = {
            {"user", "Can you find me a hotel in Lisbon for June?"},
            {"assistant", "Sure. Any area you prefer, and a budget per night?"},
            {"user", "Alfama, under 150 EUR."},
            {"assistant", "Three options: Memmo Alfama (142 EUR), Santiago de Alfama (149 EUR), Alfama Patio (98 EUR)."},
            {"user", "The patio one sounds nice. Is breakfast included?"},
            {"assistant", "Yes, breakfast is included at Alfama Patio, served 7:30 to 10:30 on the roof terrace."},
            {"user", "Great. And how do I get there from the airport?"},
            {"assistant", "The metro's red line to Alameda, then the green line to Baixa-Chiado: about 40 minutes. "
                + "A taxi takes 20 minutes and costs around 20 EUR."},
            {"user", "I land at 23:10, so probably a taxi."},
            {"assistant", "Noted: taxi on arrival. Shall I book the patio hotel for June 12 to 16?"},
        };
        for (int i = 0; i < chat.length; i++) {
            docs.add(item("live-" + i, LIVE_SESSION, "travel_agent", "conversation", chat[i][1],
                    Instant.now().minusSeconds(1200L - 60L * i), chat[i][0]));
        }
        items.insertMany(docs);
        return withEmbedding;
    }

    static Document item(String id, String session, String persona, String type, String text, Instant time,
                         String role) {
        return new Document("_id", id).append("user_id", USER).append("session_id", session)
                .append("timestamp", Date.from(time)).append("item_type", type)
                .append("persona_active", persona).append("text_content", text)
                .append("metadata", role == null ? new Document() : new Document("role", role));
    }
}
