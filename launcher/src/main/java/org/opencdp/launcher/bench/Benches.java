package org.opencdp.launcher.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The benches {@code ./cdp bench} knows. Add new ones here. */
public final class Benches {
    private static final Map<String, Supplier<Bench>> BENCHES = new LinkedHashMap<>();

    static {
        register("gateway", GatewayBench::new);
        register("dmp", DmpBench::new);
        register("crm", CrmBench::new);
        register("ingest", IngestBench::new);
    }

    private Benches() {}

    private static void register(String name, Supplier<Bench> bench) {
        BENCHES.put(name, bench);
    }

    public static Optional<Bench> byName(String name) {
        Supplier<Bench> supplier = BENCHES.get(name);
        return supplier == null ? Optional.empty() : Optional.of(supplier.get());
    }

    public static List<Bench> all() {
        return BENCHES.values().stream().map(Supplier::get).toList();
    }

    public static List<String> names() {
        return List.copyOf(BENCHES.keySet());
    }
}
