// The benchmark job in Polars (npm nodejs-polars): the same table as `nytta report -f csv`.
// usage: node polars_job.mjs INPUT.csv OUTPUT.csv
import pl from 'nodejs-polars';

const [input, output] = process.argv.slice(2);
const MEASURES = ['population', 'loans', 'visits', 'opening_hours', 'active_borrowers', 'cost', 'libraries'];
// id: [numerator, denominator, factor]; the factor turns hours per year into hours per week
const KPIS = {
  loans_per_inhabitant: ['loans', 'population', 1],
  visits_per_inhabitant: ['visits', 'population', 1],
  hours_per_library_week: ['opening_hours', 'libraries', 52],
  active_borrower_share: ['active_borrowers', 'population', 1],
  cost_per_inhabitant: ['cost', 'population', 1],
  cost_per_loan: ['cost', 'loans', 1],
  cost_per_visit: ['cost', 'visits', 1],
};
const col = (c) => pl.col(c);
const safeDiv = (a, b) => pl.when(b.neq(0)).then(a.div(b)).otherwise(pl.lit(null));
const benefit = (k) => safeDiv(k('loans_per_inhabitant').mul(k('visits_per_inhabitant')).mul(k('hours_per_library_week'))
  .mul(k('active_borrower_share')), k('cost_per_inhabitant'));

const d = pl.readCSV(input, { dtypes: { code: pl.Utf8, name: pl.Utf8 } })
  .withColumns(...MEASURES.map((m) => col(m).cast(pl.Float64)));
const complete = MEASURES.map((m) => col(m).isNotNull()).reduce((a, b) => a.and(b));
const latest = d.filter(complete).getColumn('year').max();
const prev = d.filter(col('year').lt(latest)).getColumn('year').max();

// The national value of each KPI: the ratio of sums over the rows that have both measures.
const national = (rows) => rows.select(...Object.entries(KPIS).map(([id, [n, m, f]]) => {
  const both = col(n).isNotNull().and(col(m).isNotNull());
  return safeDiv(col(n).filter(both).sum(), col(m).filter(both).sum()).div(f).alias(id);
}));

const perYear = (year) => {
  const rows = d.filter(col('year').eq(year));
  const nat = national(rows);
  const nb = nat.select(benefit(col).alias('b')).getColumn('b').get(0);
  const natComplete = national(rows.filter(complete)).select(benefit(col).alias('b')).getColumn('b').get(0);
  const k = rows.select(col('code'), col('name'), col('year'),
    ...Object.entries(KPIS).map(([id, [n, m, f]]) => safeDiv(col(n), col(m)).div(f).alias(id)))
    .withColumns(benefit(col).mul(100).div(natComplete).alias('benefit_index'));
  return { k, nat, nb };
};

const cur = perYear(latest);
const old = perYear(prev);
const units = cur.k
  .join(old.k.select(col('code'), col('benefit_index').alias('bi_old'), col('cost_per_loan').alias('cpl_old')),
    { on: 'code', how: 'left' })
  .withColumns(
    col('benefit_index').div(col('bi_old')).sub(1).mul(100).alias('benefit_index_yoy_pct'),
    col('cost_per_loan').div(col('cpl_old')).sub(1).mul(100).alias('cost_per_loan_yoy_pct'),
    col('benefit_index').rank({ method: 'min', descending: true }).cast(pl.Int64).alias('rank'),
    pl.lit('unit').alias('kind'))
  .sort({ by: ['rank', 'code'], nullsLast: true, maintainOrder: true });

const columns = ['rank', 'code', 'name', 'year', 'benefit_index', ...Object.keys(KPIS),
  'benefit_index_yoy_pct', 'cost_per_loan_yoy_pct', 'kind'];
const natCpl = cur.nat.getColumn('cost_per_loan').get(0);
const natCplOld = old.nat.getColumn('cost_per_loan').get(0);
const natRow = cur.nat.select(
  pl.lit(null).cast(pl.Int64).alias('rank'), pl.lit('').alias('code'), pl.lit('National').alias('name'),
  pl.lit(latest).cast(units.getColumn('year').dtype).alias('year'), pl.lit(100.0).alias('benefit_index'),
  ...Object.keys(KPIS).map((id) => col(id)),
  pl.lit(((cur.nb / cur.nb) / (old.nb / old.nb) - 1) * 100).alias('benefit_index_yoy_pct'),
  pl.lit((natCpl / natCplOld - 1) * 100).alias('cost_per_loan_yoy_pct'), pl.lit('national').alias('kind'));
pl.concat([natRow, units.select(...columns)], { how: 'vertical' }).writeCSV(output);
