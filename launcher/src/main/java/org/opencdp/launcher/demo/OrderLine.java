package org.opencdp.launcher.demo;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the UCI Online Retail CSV: a product bought on an invoice by a customer. */
public record OrderLine(String invoiceNo, String stockCode, String description, int quantity, Instant invoiceDate,
                        BigDecimal unitPrice, String customerId, String country) {
}
