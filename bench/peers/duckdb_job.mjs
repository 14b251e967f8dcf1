// The benchmark job in DuckDB (npm @duckdb/node-api): the same table as `nytta report -f csv`.
// usage: node duckdb_job.mjs INPUT.csv OUTPUT.csv
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const q = (s) => s.replaceAll("'", "''");
await con.run(`
CREATE TEMP TABLE d AS SELECT * FROM read_csv('${q(input)}', header = true, all_varchar = false,
  types = {'code': 'VARCHAR', 'name': 'VARCHAR', 'year': 'INTEGER'});
CREATE TEMP TABLE y AS SELECT max(year) AS latest FROM d
  WHERE loans IS NOT NULL AND visits IS NOT NULL AND opening_hours IS NOT NULL AND libraries IS NOT NULL
    AND active_borrowers IS NOT NULL AND cost IS NOT NULL AND population IS NOT NULL;
CREATE TEMP TABLE p AS SELECT max(year) AS prev FROM d, y WHERE year < latest;
CREATE TEMP TABLE k AS SELECT code, name, year,
  loans / NULLIF(population, 0) AS lpi, visits / NULLIF(population, 0) AS vpi,
  opening_hours / NULLIF(libraries, 0) / 52 AS hplw, active_borrowers / NULLIF(population, 0) AS abs_,
  cost / NULLIF(population, 0) AS cpi, cost / NULLIF(loans, 0) AS cpl, cost / NULLIF(visits, 0) AS cpv,
  loans, visits, opening_hours, libraries, active_borrowers, cost, population
FROM d, y, p WHERE year IN (latest, prev);
CREATE TEMP TABLE nat AS SELECT year,
  sum(loans) FILTER (WHERE loans IS NOT NULL AND population IS NOT NULL) / sum(population) FILTER (WHERE loans IS NOT NULL AND population IS NOT NULL) AS lpi,
  sum(visits) FILTER (WHERE visits IS NOT NULL AND population IS NOT NULL) / sum(population) FILTER (WHERE visits IS NOT NULL AND population IS NOT NULL) AS vpi,
  sum(opening_hours) FILTER (WHERE opening_hours IS NOT NULL AND libraries IS NOT NULL) / sum(libraries) FILTER (WHERE opening_hours IS NOT NULL AND libraries IS NOT NULL) / 52 AS hplw,
  sum(active_borrowers) FILTER (WHERE active_borrowers IS NOT NULL AND population IS NOT NULL) / sum(population) FILTER (WHERE active_borrowers IS NOT NULL AND population IS NOT NULL) AS abs_,
  sum(cost) FILTER (WHERE cost IS NOT NULL AND population IS NOT NULL) / sum(population) FILTER (WHERE cost IS NOT NULL AND population IS NOT NULL) AS cpi,
  sum(cost) FILTER (WHERE cost IS NOT NULL AND loans IS NOT NULL) / sum(loans) FILTER (WHERE cost IS NOT NULL AND loans IS NOT NULL) AS cpl,
  sum(cost) FILTER (WHERE cost IS NOT NULL AND visits IS NOT NULL) / sum(visits) FILTER (WHERE cost IS NOT NULL AND visits IS NOT NULL) AS cpv,
  (SELECT 1) AS one
FROM k GROUP BY year;
CREATE TEMP TABLE nb AS SELECT k.year,
  sum(loans) / sum(population) * (sum(visits) / sum(population)) * (sum(opening_hours) / sum(libraries) / 52)
    * (sum(active_borrowers) / sum(population)) / (sum(cost) / sum(population)) AS b
FROM k WHERE loans IS NOT NULL AND visits IS NOT NULL AND opening_hours IS NOT NULL AND libraries IS NOT NULL
  AND active_borrowers IS NOT NULL AND cost IS NOT NULL AND population IS NOT NULL GROUP BY k.year;
CREATE TEMP TABLE u AS SELECT k.*, 100 * ((lpi * vpi * hplw * abs_ / cpi) / nb.b) AS bi FROM k JOIN nb USING (year);
`);
const sql = `
WITH cur AS (SELECT u.* FROM u, y WHERE year = latest),
     old AS (SELECT u.* FROM u, p WHERE year = prev),
     ranked AS (SELECT cur.*, CASE WHEN cur.bi IS NULL THEN NULL ELSE rank() OVER (ORDER BY cur.bi DESC) END AS rnk,
                       (cur.bi / old.bi - 1) * 100 AS bi_yoy, (cur.cpl / old.cpl - 1) * 100 AS cpl_yoy
                FROM cur LEFT JOIN old USING (code)),
     natrow AS (SELECT NULL::BIGINT AS rnk, '' AS code, 'National' AS name, n.year, 100.0 AS bi, n.lpi, n.vpi, n.hplw,
                       n.abs_, n.cpi, n.cpl, n.cpv,
                       ((nbc.b / nbc.b) / (nbo.b / nbo.b) - 1) * 100 AS bi_yoy, (n.cpl / o.cpl - 1) * 100 AS cpl_yoy,
                       'national' AS kind, 0 AS ord
                FROM nat n, nat o, y, p, nb nbc, nb nbo
                WHERE n.year = latest AND o.year = prev AND nbc.year = latest AND nbo.year = prev)
SELECT rnk AS rank, code, name, year, bi AS benefit_index, lpi AS loans_per_inhabitant, vpi AS visits_per_inhabitant,
       hplw AS hours_per_library_week, abs_ AS active_borrower_share, cpi AS cost_per_inhabitant, cpl AS cost_per_loan,
       cpv AS cost_per_visit, bi_yoy AS benefit_index_yoy_pct, cpl_yoy AS cost_per_loan_yoy_pct, kind
FROM (SELECT * FROM natrow
      UNION ALL SELECT rnk, code, name, year, bi, lpi, vpi, hplw, abs_, cpi, cpl, cpv, bi_yoy, cpl_yoy, 'unit', 1 FROM ranked)
ORDER BY ord, rank NULLS LAST, code`;
await con.run(`COPY (${sql}) TO '${q(output)}' (HEADER, DELIMITER ',')`);
