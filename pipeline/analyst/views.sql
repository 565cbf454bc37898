-- The analyst views over `raw` (one row per record, typed from schemas/record.py).
-- The item views (amounts, suppliers, funders, frameworks, statutory_references,
-- other_instruments, recommendations) are generated in tables.py from the schema, one
-- row per item: id, reference, date, year, body, title, item (1-based position in the
-- record's list), the item's own fields, then its evidence (page, section, paragraph,
-- start, "end", rule, repaired). This file holds the views that need judgement.

-- checks: one row per arithmetic check the text states ("£1.2m, being £0.7m + £0.5m").
-- text/value are the stated total; parts_sum the sum of the parts; evidence is the total's.
CREATE OR REPLACE VIEW checks AS
SELECT id, reference, date, year, body, title, item, c.kind AS kind, c.holds AS holds,
       c.difference AS difference, c.total.text AS text, c.total.value AS value,
       c.total.value - c.difference AS parts_sum, len(c.parts) AS parts,
       [p.text FOR p IN c.parts] AS part_texts, [p.value FOR p IN c.parts] AS part_values,
       c.total.evidence.page AS page, c.total.evidence.section AS section,
       c.total.evidence.paragraph AS paragraph, c.total.evidence.start AS start,
       c.total.evidence."end" AS "end", c.total.evidence.rule AS rule
FROM (SELECT id, reference, decision_date(dates) AS date, year(decision_date(dates)) AS year,
             body, title, unnest(checks) AS c, generate_subscripts(checks, 1) AS item
      FROM raw);

-- Where each part of a stated sum sits, to keep a total and its parts from both counting.
CREATE OR REPLACE VIEW _check_parts AS
SELECT id, total_start, holds, part.evidence.start AS part_start
FROM (SELECT id, c.total.evidence.start AS total_start, c.holds AS holds,
             unnest(c.parts) AS part
      FROM (SELECT id, unnest(checks) AS c FROM raw));

-- spend: the money a decision approves, one row per counted amount. An amount counts when
--   * it is quoted inside a recommendation whose action commits money (approve, agree,
--     authorise, award, delegate, endorse; never note, accept, receive, consider ...);
--   * its kind is cost or grant: a threshold, income, saving or unclassified figure never
--     counts, nor does a grant in a recommendation naming a funder (money coming in);
--   * it is not the low end of a range, nor a part of a stated sum whose total counts;
--   * its value was not already counted for the same decision (a figure repeated in two
--     recommendations is one commitment; one inside two nested recommendations counts in
--     the first);
--   * it is not one of two or three amounts in its recommendation that add up, to the
--     penny, to another amount there ("£1.1m: vehicles £900k, maintenance £200k"), the
--     parts lying within a run of 16 consecutive counted amounts of the recommendation
--     (in record order; a recommendation with up to 16 has every pair and triple tried).
--     The run keeps the cost linear: a schedule of thousands of payments in one
--     recommendation would otherwise need billions of combinations.
-- supplier: the awarded supplier named in that recommendation (nearest the amount), else
-- the only one named in the decision's approving recommendations, else the decision's
-- only awarded supplier, else NULL. framework: the decision's only
-- framework, else NULL. Values are in `currency`; sum GBP with GBP.
CREATE OR REPLACE VIEW spend AS
WITH approving AS (
    SELECT id, item, number, action, text, start, "end"
    FROM recommendations
    WHERE action IN ('approve', 'agree', 'authorise', 'award', 'delegate', 'endorse')
),
inside AS (
    SELECT a.*, r.number AS recommendation, r.action AS action, r.item AS recommendation_item,
           r.start AS recommendation_start
    FROM amounts AS a
    JOIN approving AS r ON a.id = r.id AND a.start >= r.start AND a."end" <= r."end"
    WHERE a.kind IN ('cost', 'grant') AND coalesce(a.range, 'high') = 'high'
),
-- Names are looked for once per recommendation, not once per amount in it.
naming_a_funder AS MATERIALIZED (
    SELECT DISTINCT r.id, r.item
    FROM approving AS r JOIN funders AS f ON f.id = r.id
    WHERE strpos(lower(r.text), lower(f.name)) > 0
),
incoming AS (
    SELECT DISTINCT i.id, i.item
    FROM inside AS i
    JOIN naming_a_funder AS n ON n.id = i.id AND n.item = i.recommendation_item
    WHERE i.kind = 'grant'
),
counted_parts AS (
    SELECT DISTINCT p.id, p.part_start
    FROM _check_parts AS p
    JOIN inside AS t ON t.id = p.id AND t.start = p.total_start
    WHERE p.holds
),
counted AS (
    SELECT i.*
    FROM inside AS i
    ANTI JOIN incoming AS x ON x.id = i.id AND x.item = i.item
    ANTI JOIN counted_parts AS cp ON cp.id = i.id AND cp.part_start = i.start
    QUALIFY row_number() OVER (PARTITION BY i.id, i.currency, i.value
                              ORDER BY i.start, i.recommendation_item) = 1
),
-- Each counted amount with the (up to) 15 that follow it in its recommendation and
-- currency: the candidate parts of a sum it starts.
following AS (
    SELECT id, recommendation_start, currency, item, value,
           coalesce(list(item) OVER run, []) AS next_items,
           coalesce(list(value) OVER run, []) AS next_values
    FROM counted
    WINDOW run AS (PARTITION BY id, recommendation_start, currency ORDER BY item
                   ROWS BETWEEN 1 FOLLOWING AND 15 FOLLOWING)
),
pair_sums AS (
    SELECT *, unnest(range(1, len(next_items) + 1)) AS b FROM following
),
part_sums AS (
    SELECT id, recommendation_start, currency, [item, next_items[b]] AS parts,
           value + next_values[b] AS total
    FROM pair_sums
    UNION ALL
    SELECT id, recommendation_start, currency, [item, next_items[b], next_items[c]],
           value + next_values[b] + next_values[c]
    FROM (SELECT *, unnest(range(b + 1, len(next_items) + 1)) AS c FROM pair_sums)
),
-- A sum meets a total of the same recommendation by hashing on cents (the total's cents,
-- or one either side, so "to the penny" is tested exactly as written).
totals AS (
    SELECT id, recommendation_start, currency, item, value,
           unnest([round(value * 100) - 1, round(value * 100), round(value * 100) + 1])
               AS cents
    FROM counted
),
summed_parts AS (
    SELECT DISTINCT s.id, unnest(s.parts) AS item
    FROM part_sums AS s
    JOIN totals AS t ON t.id = s.id AND t.recommendation_start = s.recommendation_start
                    AND t.currency = s.currency AND t.cents = round(s.total * 100)
    WHERE abs(s.total - t.value) < 0.01 AND NOT list_contains(s.parts, t.item)
),
kept AS (
    SELECT c.* FROM counted AS c
    ANTI JOIN summed_parts AS p ON p.id = c.id AND p.item = c.item
),
mentions AS MATERIALIZED (
    SELECT r.id, r.item AS recommendation_item, s.item, s.name, s.role,
           greatest(strpos(lower(r.text), lower(s.name)),
                    strpos(lower(r.text), lower(s.text))) AS at
    FROM approving AS r JOIN awarded_suppliers AS s ON s.id = r.id
    WHERE strpos(lower(r.text), lower(s.name)) > 0 OR strpos(lower(r.text), lower(s.text)) > 0
),
named AS (
    SELECT c.id, c.item, m.name, m.role,
           row_number() OVER (
               PARTITION BY c.id, c.item
               ORDER BY abs(c.recommendation_start + m.at - 1 - c.start), m.item) AS rank
    FROM kept AS c
    JOIN mentions AS m ON m.id = c.id AND m.recommendation_item = c.recommendation_item
),
only_approved AS (
    SELECT s.id, any_value(s.name) AS name, any_value(s.role) AS role
    FROM awarded_suppliers AS s JOIN approving AS r ON r.id = s.id
    WHERE strpos(lower(r.text), lower(s.name)) > 0 OR strpos(lower(r.text), lower(s.text)) > 0
    GROUP BY s.id HAVING count(DISTINCT s.name) = 1
),
only_supplier AS (
    SELECT id, any_value(name) AS name, any_value(role) AS role
    FROM awarded_suppliers GROUP BY id HAVING count(DISTINCT name) = 1
),
only_framework AS (
    SELECT id, any_value(name) AS name, any_value(identifier) AS identifier
    FROM frameworks GROUP BY id HAVING count(DISTINCT coalesce(identifier, name)) = 1
)
SELECT c.id, c.reference, c.date, c.year, c.body, c.title, c.item, c.text, c.value,
       c.currency, c.kind, c.qualifier, c.vat, c.period,
       coalesce(n.name, a.name, o.name) AS supplier,
       CASE WHEN n.name IS NOT NULL THEN n.role WHEN a.name IS NOT NULL THEN a.role
            ELSE o.role END AS supplier_role,
       fw.name AS framework, fw.identifier AS framework_identifier,
       c.recommendation, c.action, c.page, c.section, c.paragraph, c.start, c."end", c.rule
FROM kept AS c
LEFT JOIN named AS n ON n.id = c.id AND n.item = c.item AND n.rank = 1
LEFT JOIN only_approved AS a ON a.id = c.id
LEFT JOIN only_supplier AS o ON o.id = c.id
LEFT JOIN only_framework AS fw ON fw.id = c.id;

-- decisions: one row per record. approved_spend sums the decision's GBP spend rows
-- (NULL when none counts); n_* count the record's items.
CREATE OR REPLACE VIEW decisions AS
SELECT r.id, r.reference, decision_date(r.dates) AS date, year(decision_date(r.dates)) AS year,
       r.body, r.title, r.decision_maker, r.dates.signed AS signed,
       r.dates.published AS published, r.dates.decided AS decided,
       s.approved_spend, len(r.amounts) AS n_amounts, len(r.suppliers) AS n_suppliers,
       len(r.funders) AS n_funders, len(r.frameworks) AS n_frameworks,
       len(r.statutory_references) AS n_statutory_references,
       len(r.recommendations) AS n_recommendations, len(r.checks) AS n_checks,
       len(r.warnings) AS n_warnings, r.source.path AS source_path,
       r.source.format AS source_format, r.source.pages AS pages, r.schema_version, r.text
FROM raw AS r
LEFT JOIN (SELECT id, sum(value) AS approved_spend FROM spend WHERE currency = 'GBP'
           GROUP BY id) AS s ON s.id = r.id;
