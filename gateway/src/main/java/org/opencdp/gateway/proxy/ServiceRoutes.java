package org.opencdp.gateway.proxy;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencdp.gateway.config.GatewayConfig;

/** Which service serves a path, and where that service is. */
@Singleton
public class ServiceRoutes {
    public static final String WORKSPACES = "/api/workspaces";
    private static final List<Map.Entry<String, Service>> PREFIXES = List.of(
            Map.entry("/v1", Service.PROFILE),
            Map.entry("/dmp", Service.DMP),
            Map.entry("/api/dmp", Service.DMP),
            Map.entry("/api/crm", Service.CRM),
            Map.entry("/api/profiles", Service.PROFILE),
            Map.entry("/api/privacy", Service.PROFILE),
            Map.entry("/api/segments", Service.SEGMENT),
            Map.entry("/api/destinations", Service.SEGMENT));

    private final Map<Service, Endpoint> endpoints = new EnumMap<>(Service.class);

    public ServiceRoutes(GatewayConfig config) {
        endpoints.put(Service.CRM, Endpoint.parse("crm", config.services().crm()));
        endpoints.put(Service.DMP, Endpoint.parse("dmp", config.services().dmp()));
        endpoints.put(Service.PROFILE, Endpoint.parse("profile", config.services().profile()));
        endpoints.put(Service.SEGMENT, Endpoint.parse("segment", config.services().segment()));
    }

    /** Paths the gateway answers for (authenticated): /api, /v1 and /dmp and everything below them. */
    public static boolean isGatewayPath(String path) {
        return under(path, "/api") || under(path, "/v1") || under(path, "/dmp");
    }

    public static boolean isWorkspaces(String path) {
        return under(path, WORKSPACES);
    }

    public static boolean isManagement(String path) {
        return under(path, "/api");
    }

    public static Optional<Service> resolve(String path) {
        for (Map.Entry<String, Service> prefix : PREFIXES) {
            if (under(path, prefix.getKey())) {
                return Optional.of(prefix.getValue());
            }
        }
        return Optional.empty();
    }

    public Endpoint endpoint(Service service) {
        return endpoints.get(service);
    }

    static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** Host, port, TLS and base path of a service, from its base URL. */
    public record Endpoint(String host, int port, boolean ssl, String basePath) {
        static Endpoint parse(String name, String url) {
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cdp.gateway.services." + name + " is not a URL: " + url, e);
            }
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            if (uri.getHost() == null || !(ssl || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("cdp.gateway.services." + name + " must be an http(s) URL: " + url);
            }
            int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
            String base = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new Endpoint(uri.getHost(), port, ssl, base);
        }
    }
}
