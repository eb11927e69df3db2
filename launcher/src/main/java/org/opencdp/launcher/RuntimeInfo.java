package org.opencdp.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a running {@code ./cdp up} publishes in {@code $CDP_DATA_DIR/platform.json} so that {@code ./cdp status},
 * {@code down} and {@code bench} find it: the launcher's pid, the ports and the pids of the services.
 */
public record RuntimeInfo(long pid, Instant startedAt, Map<Service, Integer> ports, Map<Service, Long> servicePids,
                          int postgresPort, int mongoPort) {

    public RuntimeInfo {
        ports = Map.copyOf(ports);
        servicePids = Map.copyOf(servicePids);
    }

    public Optional<Integer> port(Service service) {
        return Optional.ofNullable(ports.get(service));
    }

    /** True while the launcher process that wrote the file is alive. */
    public boolean launcherAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public void write(Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("pid", pid);
        root.put("startedAt", startedAt.toString());
        Map<String, Object> services = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            if (ports.containsKey(s)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("port", ports.get(s));
                entry.put("url", "http://localhost:" + ports.get(s));
                if (servicePids.containsKey(s)) {
                    entry.put("pid", servicePids.get(s));
                }
                services.put(s.shortName(), entry);
            }
        }
        root.put("services", services);
        root.put("postgresPort", postgresPort);
        root.put("mongoPort", mongoPort);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.MAPPER.writeValueAsString(root) + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static Optional<RuntimeInfo> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            Map<Service, Long> pids = new EnumMap<>(Service.class);
            JsonNode services = root.path("services");
            for (Service s : Service.values()) {
                JsonNode entry = services.path(s.shortName());
                if (entry.has("port")) {
                    ports.put(s, entry.get("port").asInt());
                }
                if (entry.has("pid")) {
                    pids.put(s, entry.get("pid").asLong());
                }
            }
            return Optional.of(new RuntimeInfo(root.path("pid").asLong(),
                    Instant.parse(root.path("startedAt").asText(Instant.EPOCH.toString())), ports, pids,
                    root.path("postgresPort").asInt(), root.path("mongoPort").asInt()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
