package dev.orchestra.storage.mongo;

import java.util.List;

/** The text of the sample data: who talks to which persona about what. Data only. */
final class SampleConversations {
    record Turn(String user, String assistant) {
    }

    record Topic(String persona, String title, List<Turn> turns, String tool, String note, String summary) {
    }

    static final List<String> USERS = List.of("alice", "bob", "carol", "dave");

    static final List<Topic> TOPICS = List.of(
            new Topic("travel_agent", "Lisbon weekend", List.of(
                    new Turn("I want to spend a long weekend in Lisbon in May. Where should I stay?",
                            "Alfama and Chiado are the classic choices: Alfama for tiled alleys and fado, Chiado for "
                                    + "cafés and easy tram access. Príncipe Real is quieter and greener."),
                    new Turn("Budget is around 150 euros a night.",
                            "That works well in Chiado; boutique guesthouses start around 120 €. I'd book early, "
                                    + "May is busy because of the festivals."),
                    new Turn("Can you find flights from Berlin on Friday morning?",
                            "There are direct flights at 06:55 and 09:40 from BER, about 3h40. The later one is "
                                    + "usually 30–40 € more."),
                    new Turn("Take the 09:40 one. What should I do on Saturday?",
                            "Morning: Belém (tower, monastery, pastéis). Afternoon: LX Factory. Evening: sunset at "
                                    + "Miradouro da Senhora do Monte, then dinner in Bairro Alto."),
                    new Turn("Is a day trip to Sintra worth it?",
                            "Yes — take the train from Rossio (40 min). Go early to Pena Palace; Quinta da Regaleira "
                                    + "is the highlight for many people.")),
                    "flight_search", "Prefers window seats and no red-eye flights.",
                    "Planning a May long weekend in Lisbon: Chiado, ~150 €/night, BER 09:40 flight, Sintra day trip."),
            new Topic("coding_tutor", "Java streams", List.of(
                    new Turn("What's the difference between map and flatMap in Java streams?",
                            "map turns each element into exactly one element; flatMap turns each element into a "
                                    + "stream and concatenates them, so one element can become zero or many."),
                    new Turn("Why does my stream not print anything? list.stream().peek(System.out::println);",
                            "Streams are lazy: without a terminal operation (forEach, collect, count…) nothing runs. "
                                    + "peek is meant for debugging inside a pipeline that ends in a terminal op."),
                    new Turn("How do I group people by city?",
                            "people.stream().collect(Collectors.groupingBy(Person::city)) gives a "
                                    + "Map<String, List<Person>>; add Collectors.counting() as a downstream to count."),
                    new Turn("Is parallelStream faster?",
                            "Sometimes. It helps for large, CPU-bound, easily splittable work with no shared state. "
                                    + "For small lists or I/O it is often slower. Measure with JMH, not a stopwatch."),
                    new Turn("Can you run my snippet and show the output?",
                            "I ran it: the grouping returns {Berlin=2, Lisbon=1}. The order of keys is not "
                                    + "guaranteed; use a TreeMap supplier if you need sorted keys.")),
                    "code_runner", "Learns best from small runnable examples; uses Java 17.",
                    "Covered map vs flatMap, laziness and terminal ops, groupingBy, when parallel streams help."),
            new Topic("fitness_coach", "10k training plan", List.of(
                    new Turn("I want to run a 10k in under 55 minutes by September.",
                            "Good goal. That's 5:30 per km. With three runs a week — one easy, one interval, one "
                                    + "long — twelve weeks is realistic."),
                    new Turn("My knees hurt after long runs.",
                            "Reduce the long run by 20 % for two weeks, add two strength sessions (squats, lunges, "
                                    + "glute bridges) and check your shoes' mileage. See a physio if it persists."),
                    new Turn("What should intervals look like?",
                            "Start with 6 × 400 m at 5:00/km with 90 s jog recovery, and build to 5 × 1 km at "
                                    + "5:15/km by week eight."),
                    new Turn("I ran 8 km today in 46 minutes.",
                            "That's 5:45/km — right on track for week five. Keep the easy runs truly easy.")),
                    "activity_log", "Knee discomfort after runs longer than 12 km.",
                    "10k under 55 min by September; 3 runs/week; knee care and interval progression agreed."),
            new Topic("research_assistant", "Vector search survey", List.of(
                    new Turn("Summarise the main approaches to approximate nearest neighbour search.",
                            "Three families dominate: graph-based (HNSW), quantization (IVF-PQ) and tree or hashing "
                                    + "methods (Annoy, LSH). HNSW has the best recall/latency trade-off in memory."),
                    new Turn("How much memory does HNSW need for 10 million 1,536-dim vectors?",
                            "The raw float32 vectors alone are about 61 GB; the graph adds roughly 10–20 %. "
                                    + "Product quantization can shrink the vectors 16–32×."),
                    new Turn("Find recent papers comparing them.",
                            "I found three: the ANN-Benchmarks update, a 2023 study on filtered search, and a survey "
                                    + "on disk-based indexes (DiskANN). Links are in the search results."),
                    new Turn("Which would you use for 50k documents?",
                            "At 50k vectors a flat (exact) search is fast enough — a few milliseconds — and avoids "
                                    + "recall questions entirely.")),
                    "web_search", "Interested in cost of storage per million vectors.",
                    "ANN approaches compared (HNSW, IVF-PQ, LSH); memory estimate for 10M×1536; "
                            + "exact search for 50k."));

    private SampleConversations() {
    }
}
