package org.opencdp.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the gateway; every key can be set from the environment (CDP_GATEWAY_...). */
@ConfigMapping(prefix = "cdp.gateway")
public interface GatewayConfig {

    /** Bearer token that creates and lists all workspaces (env CDP_ADMIN_TOKEN). Unset: no admin access. */
    Optional<String> adminToken();

    /** Base URLs of the services behind the gateway. */
    Services services();

    /** Longest wait for a service's response once the request is sent (504 beyond). */
    @WithDefault("PT10S")
    Duration downstreamTimeout();

    /** The same wait for imports (the paths of {@code limits.import-paths}), which process whole files. */
    @WithDefault("PT120S")
    Duration importTimeout();

    /** Longest wait for a connection to a service (503 beyond). */
    @WithDefault("PT3S")
    Duration connectTimeout();

    /** Most pooled keep-alive (HTTP/1.1) connections to one service. */
    @WithDefault("64")
    int maxConnectionsPerService();

    /** How long a key lookup is reused before the database is asked again (revocation on other replicas). */
    @WithDefault("PT10S")
    Duration keyCacheTtl();

    RateLimit rateLimit();

    Limits limits();

    OpenApi openapi();

    interface Services {
        @WithDefault("http://localhost:8081")
        String crm();

        @WithDefault("http://localhost:8082")
        String dmp();

        @WithDefault("http://localhost:8083")
        String profile();

        @WithDefault("http://localhost:8084")
        String segment();
    }

    /** Token bucket per API key and gateway replica. */
    interface RateLimit {
        @WithDefault("2000")
        long capacity();

        @WithDefault("1000")
        long refillPerSecond();

        /** Buckets for particular keys, by key id: cdp.gateway.rate-limit.keys.<key-id>.capacity etc. */
        Map<String, Bucket> keys();

        interface Bucket {
            long capacity();

            long refillPerSecond();
        }
    }

    /** Largest request bodies, checked on Content-Length and counted while streaming. */
    interface Limits {
        /** Single tracking calls: /v1/identify, track, page, screen, group, alias. */
        @WithDefault("32K")
        MemorySize tracking();

        /** /v1/batch. */
        @WithDefault("500K")
        MemorySize batch();

        /** Imports: the paths of {@link #importPaths()} and below. */
        @WithDefault("50M")
        MemorySize imports();

        @WithDefault("/api/profiles/imports,/api/crm/contacts/import")
        List<String> importPaths();

        /** Everything else. */
        @WithName("default")
        @WithDefault("1M")
        MemorySize other();
    }

    interface OpenApi {
        @WithDefault("OpenCDP API")
        String title();

        @WithDefault("0.1.0")
        String version();

        @WithDefault("The OpenCDP customer data platform")
        String description();

        /** How long the aggregated document is served before the services are asked again. */
        @WithDefault("PT30S")
        Duration cacheTtl();

        /** Longest wait for one service's document; a service slower than this is listed as unavailable. */
        @WithDefault("PT3S")
        Duration fetchTimeout();
    }
}
