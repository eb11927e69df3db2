package org.opencdp.dmp.service;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Optional;
import org.opencdp.dmp.config.DmpConfig;

/**
 * Coarse location (country, first subdivision) from a MaxMind GeoIP2/GeoLite2 database when
 * {@code cdp.dmp.geoip-database} names one; nothing otherwise. The full address is looked up in memory only; only the
 * truncated address and the coarse location are stored.
 */
@ApplicationScoped
public class GeoLocator {
    private final DatabaseReader reader;
    private final boolean city;

    /** Country (ISO 3166-1 alpha-2) and region (ISO 3166-2 subdivision code), either may be null. */
    public record Geo(String country, String region) {}

    public GeoLocator(DmpConfig config) {
        this.reader = config.geoipDatabase().filter(p -> !p.isBlank()).map(GeoLocator::open).orElse(null);
        this.city = reader != null && reader.getMetadata().getDatabaseType().contains("City");
        if (reader != null) {
            Log.infof("GeoIP database %s loaded", reader.getMetadata().getDatabaseType());
        }
    }

    public boolean enabled() {
        return reader != null;
    }

    public Optional<Geo> locate(InetAddress address) {
        if (reader == null || address == null) {
            return Optional.empty();
        }
        try {
            if (city) {
                Optional<CityResponse> r = reader.tryCity(address);
                return r.map(c -> new Geo(c.getCountry().getIsoCode(),
                        c.getLeastSpecificSubdivision() == null ? null : c.getLeastSpecificSubdivision().getIsoCode()));
            }
            Optional<CountryResponse> r = reader.tryCountry(address);
            return r.map(c -> new Geo(c.getCountry().getIsoCode(), null));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static DatabaseReader open(String path) {
        try {
            if (path.startsWith("classpath:")) {
                String resource = path.substring("classpath:".length());
                try (InputStream in = GeoLocator.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("GeoIP database resource " + resource + " not found");
                    }
                    return new DatabaseReader.Builder(in).build();
                }
            }
            return new DatabaseReader.Builder(new File(path)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the GeoIP database " + path, e);
        }
    }
}
