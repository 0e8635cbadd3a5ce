package dev.orchestra.bench;

import java.util.List;

/** Turns each benchmark's figures into table rows, with the target where the issue sets one. */
final class Figures {
    private Figures() {
    }

    static void pageLoad(List<Result> out, int size, PageLoadBenchmark.Figures f) {
        String server = BenchmarkMain.MONGO;
        String n = String.format("%,d items, %d rows/page, median of %d", size, PageLoadBenchmark.PAGE,
                f.libraryFirst().count());
        out.add(Result.info("page load", "first page: library findPage vs raw driver, same aggregation (" + n + ")",
                ms(f.libraryFirst()) + " vs " + ms(f.rawFirst()), server));
        out.add(Result.checked("page load", "our overhead, first page", pct(f.overheadFirst()), "≤ 10%",
                f.overheadFirst() <= 0.10, server));
        out.add(Result.info("page load", "page 10,000 deep (keyset): library vs raw driver, same aggregation",
                ms(f.libraryDeep()) + " vs " + ms(f.rawDeep()), server));
        out.add(Result.checked("page load", "our overhead, deep page", pct(f.overheadDeep()), "≤ 10%",
                f.overheadDeep() <= 0.10, server));
        out.add(Result.info("page load", "for comparison, a raw find without embedding_dim (not the same query): "
                + "first / deep page", ms(f.findFirst()) + " / " + ms(f.findDeep()) + String.format(" (library %+.1f%% /"
                + " %+.1f%% against it)", (f.libraryFirst().medianMs() / f.findFirst().medianMs() - 1) * 100,
                (f.libraryDeep().medianMs() / f.findDeep().medianMs() - 1) * 100), server));
        out.add(Result.info("page load", "deep/first ratio, keyset (library)",
                ratio(f.libraryDeep().medianMs() / f.libraryFirst().medianMs()), server));
        out.add(Result.info("page load", "deep/first ratio, skip+limit (raw driver): " + ms(f.skipDeep()) + " vs "
                + ms(f.skipFirst()), ratio(f.skipDeep().medianMs() / f.skipFirst().medianMs()), server));
    }

    static void wire(List<Result> out, int size, WireBenchmark.Figures f) {
        String server = BenchmarkMain.MONGO + ", counted on the wire by a proxy";
        out.add(Result.checked("wire", "round trips: first page / deep page / count",
                f.firstPage().roundTrips() + " / " + f.deepPage().roundTrips() + " / " + f.count().roundTrips(),
                "1 per page", f.firstPage().roundTrips() == 1 && f.deepPage().roundTrips() == 1
                        && f.count().roundTrips() == 1, server));
        out.add(Result.checked("wire", String.format("bytes received per page vs listed fields (%d of %d rows had an "
                        + "embedding)", f.embeddingsOnPage(), PageLoadBenchmark.PAGE),
                String.format("%,d B vs %,d B = %.2f×", f.firstPage().replyBytes(), f.listedBytes(),
                        f.bytesPerListedByte()), "≤ 1.2×", f.bytesPerListedByte() <= 1.2, server));
        out.add(Result.info("wire", "same page with whole documents (embeddings included), raw driver",
                String.format("%,d B", f.fullDocuments().replyBytes()), server));
    }

    static void cache(List<Result> out, int size, CacheBenchmark.Figures f) {
        String server = BenchmarkMain.MONGO + " + " + BenchmarkMain.REDIS;
        out.add(Result.info("cache", String.format("history (limit %d, %,d items): miss vs hit, median of %d",
                CacheBenchmark.HISTORY_LIMIT, size, f.hit().count()), ms(f.miss()) + " vs " + ms(f.hit())
                + " (p95 " + String.format("%.2f", f.hit().percentileMs(95)) + " ms)", server));
        out.add(Result.checked("cache", "hit speed-up over miss", ratio(f.speedup()), "≥ 5×", f.speedup() >= 5,
                server));
        out.add(Result.info("cache", String.format("hit ratio, replay of %d reads + %d writes (Zipf over 300 "
                + "sessions)", f.replayReads(), f.replayWrites()), String.format("%.1f%%", f.hitRatio() * 100), server));
    }

    static void bulk(List<Result> out, BulkBenchmark.Figures f) {
        String server = BenchmarkMain.MONGO;
        out.add(Result.info("bulk", String.format("export %,d items to JSONL (ExportService)", f.export().documents()),
                String.format("%,.0f docs/s", f.export().documentsPerSecond()), server));
        double importRate = median(warm(f.importRates()));
        out.add(Result.checked("bulk", String.format("import %,d items (ImportService.forSafeStorage, the CLI path), "
                + "median of %d warm rounds", f.documents(), warm(f.importRates()).size()), rates(f.importRates()),
                "≥ 20,000/s", importRate >= 20_000, server));
        double deleteRate = median(warm(f.deleteRates()));
        out.add(Result.checked("bulk", String.format("delete %,d with trash copy (SafeOperations.deleteMatching), "
                + "median of %d warm rounds", f.documents(), warm(f.deleteRates()).size()), rates(f.deleteRates()),
                "≥ 10,000/s", deleteRate >= 10_000, server));
        // The same work with the raw driver and none of the safety (validation, audit, write gate): the ceiling of
        // this server for each path, so the rows above read as "our overhead" rather than as absolute speed.
        out.add(Result.info("bulk", "reference: same import, raw driver bulkWrite of ReplaceOneModel(upsert) per 500, "
                + "no validation or audit", rates(f.referenceImportRates()), server));
        out.add(Result.info("bulk", "reference: same delete, raw driver find + trash insertMany + deleteMany per 500, "
                + "no audit", rates(f.referenceDeleteRates()), server));
    }

    /** "12,345 docs/s (warm 11,000–13,000; first, cold JVM: 9,000)": the warm rounds' median and range. */
    private static String rates(List<Double> perRound) {
        List<Double> warm = warm(perRound);
        return String.format("%,.0f docs/s (warm %,.0f–%,.0f; first, cold JVM: %,.0f)", median(warm),
                warm.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                warm.stream().mapToDouble(Double::doubleValue).max().orElse(0), perRound.get(0));
    }

    private static List<Double> warm(List<Double> perRound) {
        return perRound.subList(1, perRound.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String ms(Samples s) {
        return String.format("%.2f ms", s.medianMs());
    }

    static String pct(double fraction) {
        return String.format("%+.1f%%", fraction * 100).replace("+", fraction >= 0 ? "+" : "");
    }

    static String ratio(double r) {
        return String.format("%.1f×", r);
    }
}
