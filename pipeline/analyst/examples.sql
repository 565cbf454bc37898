-- Example questions analysts ask, each a named query run by the tests against a known
-- record set (tests/test_analyst_query.py), so these cannot rot. Run one with
-- `decisions query --example NAME`; list them with `decisions query --examples`.
-- Format: "-- name: ...", then "-- question: ..." lines, then the SQL up to the next name.

-- name: spend_by_supplier_year
-- question: Total approved spend by supplier and year, in GBP. Thresholds, income and
-- question: figures only noted never count (see the spend view).
SELECT coalesce(supplier, '(not attributed)') AS supplier, year,
       sum(value) AS approved_spend, count(DISTINCT id) AS decisions
FROM spend
WHERE currency = 'GBP'
GROUP BY ALL
ORDER BY year, approved_spend DESC, supplier;

-- name: regulation_72
-- question: Every decision citing regulation 72 of the Public Contracts Regulations 2015
-- question: (modification of a contract during its term).
SELECT DISTINCT id, reference, date, title
FROM statutory_references
WHERE instrument = 'Public Contracts Regulations 2015'
  AND (provision = 'regulation 72' OR provision LIKE 'regulation 72(%')
ORDER BY date, reference;

-- name: g_cloud_over_500k
-- question: Every G-Cloud call-off approving more than £500,000.
SELECT d.id, d.reference, d.date, d.title, g.framework, d.approved_spend
FROM decisions AS d
JOIN (SELECT id, min(name) AS framework FROM frameworks
      WHERE name ILIKE '%g-cloud%' OR identifier LIKE 'RM1557%'
      GROUP BY id) AS g USING (id)
WHERE d.approved_spend > 500000
ORDER BY d.approved_spend DESC, d.reference;

-- name: spend_by_framework
-- question: Approved spend (GBP) by route to market; "(none or several)" when a decision
-- question: names no framework or more than one.
SELECT coalesce(framework, '(none or several)') AS framework,
       sum(value) AS approved_spend, count(DISTINCT id) AS decisions
FROM spend
WHERE currency = 'GBP'
GROUP BY ALL
ORDER BY approved_spend DESC, framework;

-- name: totals_not_adding_up
-- question: Stated totals that are not the sum of their stated parts, largest gap first.
SELECT reference, text AS stated_total, value, parts_sum, difference, section, paragraph
FROM checks
WHERE NOT holds
ORDER BY abs(difference) DESC, reference;

-- name: funders
-- question: Who funds the decisions: each funder and how many decisions name it.
SELECT name AS funder, count(DISTINCT id) AS decisions
FROM funders
GROUP BY name
ORDER BY decisions DESC, funder;
