#!/usr/bin/env python3
"""Re-creates online-retail-sample.csv from the full UCI Online Retail CSV (see README.md).

Usage: python3 sample.py ../../../shared/data/online-retail-uci/online_retail.csv.gz > online-retail-sample.csv

Deterministic: customers with 2+ invoices and 5-60 order lines in the full data set, sorted by CustomerID, every
8th one; all their order lines except cancellations (InvoiceNo starting with C), lines with Quantity <= 0 or
UnitPrice <= 0; original column order and values, sorted by CustomerID, InvoiceDate, InvoiceNo.
"""
import collections
import csv
import gzip
import sys

STEP = 8
MIN_LINES, MAX_LINES = 5, 60

with gzip.open(sys.argv[1], "rt", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))

lines = collections.Counter()
invoices = collections.defaultdict(set)
for r in rows:
    if r["CustomerID"] and r["CustomerID"] != "NA":
        lines[r["CustomerID"]] += 1
        invoices[r["CustomerID"]].add(r["InvoiceNo"])

eligible = sorted((c for c in lines if MIN_LINES <= lines[c] <= MAX_LINES and len(invoices[c]) >= 2),
                  key=lambda c: int(float(c)))
chosen = set(eligible[::STEP])

kept = [r for r in rows
        if r["CustomerID"] in chosen and not r["InvoiceNo"].startswith("C")
        and float(r["Quantity"]) > 0 and float(r["UnitPrice"]) > 0]
kept.sort(key=lambda r: (int(float(r["CustomerID"])), r["InvoiceDate"], r["InvoiceNo"]))

out = csv.DictWriter(sys.stdout, fieldnames=["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                                             "UnitPrice", "CustomerID", "Country"], lineterminator="\n")
out.writeheader()
out.writerows(kept)
