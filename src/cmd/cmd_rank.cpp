// nytta rank --kpi ID [--year Y] [--top N]: one KPI, one year, every unit ranked.

#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/rank.hpp"
#include "nytta/change.hpp"

namespace nytta {

namespace {

struct RankOptions {
  CommonOptions common;
  std::string kpi;
  std::optional<int> year;
  std::optional<std::size_t> top;
};

Outcome run_rank(const RankOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = effective_lang(o.common, io);
  const KpiColumn& col = e.column(o.kpi);
  const int year = choose_year(e, col, o.year);
  const Direction dir = col.def ? col.def->direction : Direction::higher_is_better;

  std::vector<std::size_t> rows;
  for (std::size_t r : e.panel().rows_of(year)) {
    if (data.unit_of(r).kind == RowKind::unit) rows.push_back(r);
  }
  Ranking ranking = rank_rows(data, rows, col.values, dir);
  const NationalValue& national = e.national(o.kpi, year);

  Table t;
  t.id = "ranking";
  const std::string label = col.def ? col.def->label(lang) : o.kpi;
  t.title = fmt::format("{} {}, ranked: {}", label, year,
                        dir == Direction::lower_is_better ? "lower is better" : "higher is better");
  Column kc = kpi_column(e, o.kpi, lang);
  t.columns = {
      Column{"rank", "Rank", "", CellType::number, 0},
      Column{"code", "Code", "", CellType::text, 0},
      Column{"name", "Name", "", CellType::text, 0},
      Column{"year", "Year", "", CellType::number, 0, false, Audience::machines},
      kc,
      Column{"reference", "National", kc.unit, CellType::number, kc.precision},
      Column{"deviation_pct", "Deviation from national", "%", CellType::number, 1},
      Column{"percentile", "Percentile", "", CellType::number, 1},
      Column{"quartile", "Quartile", "", CellType::number, 0},
  };
  std::size_t limit = o.top ? *o.top : ranking.entries.size();
  for (const RankEntry& entry : ranking.entries) {
    if (t.rows.size() >= limit) break;
    const Unit& u = data.unit_of(entry.row);
    Tone tone = tone_of(entry.quartile);
    t.rows.push_back({
        entry.rank ? Cell(static_cast<double>(*entry.rank)) : Cell(),
        Cell(u.code),
        Cell(u.name),
        Cell(static_cast<double>(year)),
        Cell::number(entry.value, kc.precision, tone),
        Cell(national.value),
        Cell(percent_change(national.value, entry.value)),
        Cell(entry.percentile),
        entry.quartile ? Cell(static_cast<double>(*entry.quartile)) : Cell(),
    });
  }

  Report report;
  report.command = "rank";
  report.tables.push_back(std::move(t));
  report.meta.emplace_back("kpi", Cell(o.kpi));
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  std::size_t missing = ranking.entries.size() - ranking.ranked;
  if (missing > 0) {
    report.notes.push_back(fmt::format("{} of {} units have no value of {} in {}", missing,
                                       ranking.entries.size(), o.kpi, year));
  }
  if (!national.from_aggregate_row && !is_missing(national.value)) {
    report.notes.push_back(fmt::format("the national value is computed from the sums of the {} units that report "
                                       "every measure of {}", national.units_summed, o.kpi));
  }
  add_provenance(report, e);
  add_reference_note(report, e, {o.kpi}, {year});
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace

Runner setup_rank(CLI::App& app) {
  auto o = std::make_shared<RankOptions>();
  app.add_option("--kpi", o->kpi, "KPI id or measure to rank by (see `nytta kpis`)")->required();
  app.add_option("--year", o->year, "Year (default: the latest year with values)");
  app.add_option("--top", o->top, "Show only the first N units")->check(CLI::PositiveNumber);
  add_common_options(app, o->common);
  return [o](Io& io) { return run_rank(*o, io); };
}

}  // namespace nytta
