package org.opencdp.gateway.proxy;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.opencdp.gateway.config.GatewayConfig;

/** The largest request body accepted on a path. */
@Singleton
public class BodyLimits {
    private static final Set<String> TRACKING_CALLS = Set.of("identify", "track", "page", "screen", "group", "alias");
    private final long tracking;
    private final long batch;
    private final long imports;
    private final long other;
    private final List<String> importPaths;

    public BodyLimits(GatewayConfig config) {
        this.tracking = config.limits().tracking().asLongValue();
        this.batch = config.limits().batch().asLongValue();
        this.imports = config.limits().imports().asLongValue();
        this.other = config.limits().other().asLongValue();
        this.importPaths = config.limits().importPaths().stream().map(p -> p.replaceAll("/+$", "")).toList();
    }

    public long limitFor(String path) {
        if (path.startsWith("/v1/")) {
            String call = path.substring(4);
            if (TRACKING_CALLS.contains(call)) {
                return tracking;
            }
            if (call.equals("batch")) {
                return batch;
            }
        }
        return isImport(path) ? imports : other;
    }

    /** Whether the path is an import: a large body, and more time to answer. */
    public boolean isImport(String path) {
        for (String prefix : importPaths) {
            if (ServiceRoutes.under(path, prefix)) {
                return true;
            }
        }
        return false;
    }
}
