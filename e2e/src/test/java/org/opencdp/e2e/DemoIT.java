package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencdp.launcher.Service;
import org.opencdp.launcher.demo.DemoEvents;
import org.opencdp.launcher.demo.DemoLoader;

/** {@code ./cdp demo}'s loader against the packaged platform: the sample's customers become profiles with orders. */
class DemoIT {
    private static final String CUSTOMER = "16333";

    @Test
    void sampleCustomersHaveTheirPurchaseHistoryAndReloadingChangesNothing() throws Exception {
        SharedPlatform.Tenant tenant = SharedPlatform.newTenant("demo");
        Path sample = Path.of(System.getProperty("cdp.repo", ".")).resolve(DemoLoader.SAMPLE);
        List<DemoEvents.Customer> customers = DemoLoader.customers(sample, 0);
        String gateway = "http://127.0.0.1:" + SharedPlatform.get().port(Service.GATEWAY);

        DemoLoader.Report report = DemoLoader.load(gateway, tenant.writeKey(), customers);
        assertEquals(173, report.customers().size());
        assertEquals(503, report.orders());

        Expected expected = fromCsv(sample, CUSTOMER);
        assertOrders(tenant, expected);
        // the same messageIds again: de-duplicated, not counted twice
        DemoLoader.load(gateway, tenant.writeKey(), customers);
        assertOrders(tenant, expected);
    }

    private static void assertOrders(SharedPlatform.Tenant tenant, Expected expected) {
        BigDecimal revenue = given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(tenant.secretKey()).queryParam("type", "userId").queryParam("value", CUSTOMER)
                .get("/api/profiles/lookup").then().statusCode(200)
                .body("traits.country", equalTo("United Kingdom"))
                .body("computed.orderCount", equalTo(expected.orders()))
                .extract().path("computed.revenue");
        assertEquals(0, expected.revenue().compareTo(revenue.setScale(2, RoundingMode.HALF_UP)),
                "revenue " + revenue + ", the CSV says " + expected.revenue());
    }

    private record Expected(int orders, BigDecimal revenue) {}

    /** Counted straight from the CSV text, independently of the loader's parser. */
    private static Expected fromCsv(Path csv, String customer) throws IOException {
        Set<String> invoices = new HashSet<>();
        BigDecimal revenue = BigDecimal.ZERO;
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            // a description may hold commas: the other fields are read from the end
            String[] f = line.split(",");
            int n = f.length;
            if (n >= 8 && f[n - 2].equals(customer) && !f[0].startsWith("C")) {
                invoices.add(f[0]);
                revenue = revenue.add(new BigDecimal(f[n - 3]).multiply(new BigDecimal(f[n - 5])));
            }
        }
        return new Expected(invoices.size(), revenue);
    }
}
