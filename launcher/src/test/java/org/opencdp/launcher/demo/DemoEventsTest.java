package org.opencdp.launcher.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencdp.launcher.Repo;

class DemoEventsTest {
    private static final String CSV = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
            536365,71053,"LANTERN, ""WHITE"" METAL",6,2010-12-01 08:26:00,3.39,17850,United Kingdom
            C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,17850,United Kingdom
            536380,22961,JAM MAKING SET PRINTED,24,2010-12-01 09:41:00,1.45,,United Kingdom
            536381,22139,RETROSPOT TEA SET CERAMIC 11 PC ,0,2010-12-01 09:41:00,4.25,17850,United Kingdom
            537000,22139,RETROSPOT TEA SET CERAMIC 11 PC ,2,2010-12-03 10:00:00,4.95,17850.0,United Kingdom
            536370,22728,ALARM CLOCK BAKELIKE PINK,24,2010-12-01 08:45:00,3.75,12583,France
            """;

    private static List<DemoEvents.Customer> customers() throws IOException {
        return DemoEvents.customers(OnlineRetailCsv.read(new StringReader(CSV)));
    }

    @Test
    void skipsCancellationsAnonymousLinesAndEmptyQuantities() throws IOException {
        List<OrderLine> lines = OnlineRetailCsv.read(new StringReader(CSV));
        assertEquals(4, lines.size());
        assertEquals("LANTERN, \"WHITE\" METAL", lines.get(1).description());
        assertEquals("17850", lines.get(2).customerId());
    }

    @Test
    void groupsLinesIntoCustomersAndOrders() throws IOException {
        List<DemoEvents.Customer> customers = customers();
        assertEquals(List.of("17850", "12583"), customers.stream().map(DemoEvents.Customer::customerId).toList());
        DemoEvents.Customer first = customers.get(0);
        assertEquals("United Kingdom", first.country());
        assertEquals(List.of("536365", "537000"), first.orders().stream().map(DemoEvents.Order::invoiceNo).toList());
        assertEquals(new BigDecimal("35.64"), first.orders().get(0).revenue()); // 6 x 2.55 + 6 x 3.39
        assertEquals(new BigDecimal("45.54"), first.revenue());                  // + 2 x 4.95
    }

    @Test
    void identifyCarriesTheCustomerIdAndCountry() throws IOException {
        Map<String, Object> identify = DemoEvents.identify(customers().get(1));
        assertEquals("identify", identify.get("type"));
        assertEquals("12583", identify.get("userId"));
        assertEquals(Map.of("country", "France"), identify.get("traits"));
        assertEquals("2010-12-01T08:45:00Z", identify.get("timestamp"));
        assertEquals("demo-identify-12583", identify.get("messageId"));
    }

    @Test
    void orderCompletedFollowsTheEcommerceSpec() throws IOException {
        Map<String, Object> track = DemoEvents.orderCompleted(customers().get(0).orders().get(0));
        assertEquals("track", track.get("type"));
        assertEquals("Order Completed", track.get("event"));
        assertEquals("17850", track.get("userId"));
        assertEquals("2010-12-01T08:26:00Z", track.get("timestamp"));
        assertEquals("demo-order-536365", track.get("messageId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) track.get("properties");
        assertEquals("536365", properties.get("order_id"));
        assertEquals(new BigDecimal("35.64"), properties.get("revenue"));
        assertEquals(new BigDecimal("35.64"), properties.get("total"));
        assertEquals("GBP", properties.get("currency"));
        assertEquals(Map.of("product_id", "85123A", "sku", "85123A", "name", "WHITE HANGING HEART T-LIGHT HOLDER",
                "price", new BigDecimal("2.55"), "quantity", 6), ((List<?>) properties.get("products")).get(0));
    }

    @Test
    void messagesAreIdentifyThenOrdersPerCustomer() throws IOException {
        List<Map<String, Object>> messages = DemoEvents.messages(customers());
        assertEquals(List.of("identify", "track", "track", "identify", "track"),
                messages.stream().map(m -> m.get("type")).toList());
    }

    @Test
    void rejectsAFileThatIsNotTheDataSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnlineRetailCsv.read(new StringReader("a,b\n1,2\n")));
        assertTrue(e.getMessage().contains("InvoiceNo"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> OnlineRetailCsv.read(
                new StringReader(String.join(",", OnlineRetailCsv.HEADER) + "\n1,2,3,x,2010-12-01 08:26:00,1,5,UK\n")));
        assertTrue(bad.getMessage().startsWith("line 2:"), bad.getMessage());
    }

    @Test
    void batchesRespectTheCountAndSizeLimits() throws IOException {
        List<Map<String, Object>> many = java.util.stream.IntStream.range(0, 250)
                .mapToObj(i -> Map.<String, Object>of("type", "track", "userId", "u" + i, "event", "e")).toList();
        List<List<String>> batches = TrackingClient.batches(many);
        assertEquals(List.of(100, 100, 50), batches.stream().map(List::size).toList());
        String big = "x".repeat(150 * 1024);
        List<Map<String, Object>> large = List.of(Map.of("p", big), Map.of("p", big), Map.of("p", big));
        assertEquals(List.of(2, 1), TrackingClient.batches(large).stream().map(List::size).toList());
    }

    @Test
    void theShippedSampleMatchesItsReadme() throws IOException {
        Path sample = Repo.locate().resolve(DemoLoader.SAMPLE);
        assertTrue(Files.size(sample) < 500 * 1024, "the sample must stay small");
        List<DemoEvents.Customer> customers = DemoLoader.customers(sample, 0);
        assertEquals(173, customers.size());
        assertEquals(503, customers.stream().mapToInt(c -> c.orders().size()).sum());
        DemoEvents.Customer top = DemoLoader.showcase(customers);
        assertEquals("16333", top.customerId());
        assertEquals(22, top.orders().size());
        assertEquals(new BigDecimal("26626.80"), top.revenue());
        // every message fits the tracking API's 32 KB per message
        for (Map<String, Object> m : DemoEvents.messages(customers)) {
            assertTrue(new ObjectMapper().writeValueAsBytes(m).length < 32 * 1024, m.get("messageId").toString());
        }
        assertEquals(10, DemoLoader.customers(sample, 10).size());
    }
}
