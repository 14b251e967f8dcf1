// nytta report: the main job. The latest year ranked by benefit_index with the seed's key
// figures, the national row, the change since the year before, and the national trend of
// loans, visits, cost, cost per loan and cost per visit from the first to the last year.

#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/change.hpp"
#include "nytta/rank.hpp"

namespace nytta {

namespace {

struct ReportOptions {
  CommonOptions common;
  std::optional<int> year;
};

constexpr const char* kRankBy = "benefit_index";
const std::vector<std::string> kTrendIds = {"loans", "visits", "cost", "cost_per_loan", "cost_per_visit"};
const std::vector<std::string> kChangeIds = {"benefit_index", "cost_per_loan"};

// The seed's key figures; the opening-hours figure follows what benefit_index used.
std::vector<std::string> key_figures(Evaluator& e) {
  const KpiColumn& score = e.column("benefit_score");
  bool per_library = score.def && score.formula == score.def->formula;
  return {"benefit_index", "loans_per_inhabitant", "visits_per_inhabitant",
          per_library ? "hours_per_library_week" : "hours_per_1000_inhabitants_week",
          "active_borrower_share", "cost_per_inhabitant", "cost_per_loan", "cost_per_visit"};
}

Table ranking_table(Evaluator& e, int year, const std::string& lang, std::vector<std::string>& notes) {
  const Dataset& data = e.data();
  const std::vector<std::string> ids = key_figures(e);
  std::optional<int> prev = e.panel().previous_year(year);

  Table t;
  t.id = "ranking";
  t.title = fmt::format("Benefit per krona {}: municipalities ranked by benefit index (100 = national)", year);
  t.columns = {Column{"rank", "Rank", "", CellType::number, 0}, Column{"code", "Code", "", CellType::text, 0},
               Column{"name", "Name", "", CellType::text, 0},
               Column{"year", "Year", "", CellType::number, 0, false, Audience::machines}};
  for (const std::string& id : ids) t.columns.push_back(kpi_column(e, id, lang));
  for (const std::string& id : kChangeIds) {
    Column c{id + "_yoy_pct", "", "%", CellType::number, 1};
    c.label = fmt::format("{} change since {}", kpi_label(e, id, lang), prev ? std::to_string(*prev) : "last year");
    t.columns.push_back(c);
  }
  t.columns.push_back(Column{"kind", "Kind", "", CellType::text, 0});

  auto change_cells = [&](auto value_in) {
    std::vector<Cell> cells;
    for (const std::string& id : kChangeIds) {
      cells.push_back(prev ? Cell(percent_change(value_in(id, *prev), value_in(id, year))) : Cell());
    }
    return cells;
  };

  // The nation first: the reference every other row is read against.
  std::vector<Cell> nat = {Cell(), Cell(""), Cell(), Cell(static_cast<double>(year))};
  std::optional<std::size_t> nat_row = e.panel().national_row(year);
  nat[2] = Cell(nat_row ? data.unit_of(*nat_row).name : std::string("National"));
  for (const std::string& id : ids) nat.push_back(Cell(e.national(id, year).value));
  for (Cell& c : change_cells([&](const std::string& id, int y) { return e.national(id, y).value; })) nat.push_back(c);
  nat.push_back(Cell("national"));
  t.rows.push_back(std::move(nat));

  std::vector<std::size_t> rows;
  for (std::size_t r : e.panel().rows_of(year)) {
    if (data.unit_of(r).kind == RowKind::unit) rows.push_back(r);
  }
  const KpiColumn& rank_col = e.column(kRankBy);
  Ranking ranking = rank_rows(data, rows, rank_col.values, Direction::higher_is_better);
  std::vector<std::size_t> missing(ids.size(), 0);
  for (const RankEntry& entry : ranking.entries) {
    const Unit& u = data.unit_of(entry.row);
    std::vector<Cell> row = {entry.rank ? Cell(static_cast<double>(*entry.rank)) : Cell(), Cell(u.code), Cell(u.name),
                             Cell(static_cast<double>(year))};
    for (std::size_t i = 0; i < ids.size(); ++i) {
      double v = e.column(ids[i]).values[entry.row];
      if (is_missing(v)) ++missing[i];
      Tone tone = i == 0 ? tone_of(entry.quartile) : Tone::none;
      row.push_back(Cell::number(v, t.columns[4 + i].precision, tone));
    }
    std::uint32_t unit = data.row_unit[entry.row];
    auto unit_value = [&](const std::string& id, int y) {
      std::optional<std::size_t> r = e.panel().row(unit, y);
      return r ? e.column(id).values[*r] : kMissing;
    };
    for (Cell& c : change_cells(unit_value)) row.push_back(c);
    row.push_back(Cell("unit"));
    t.rows.push_back(std::move(row));
  }
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (missing[i] > 0) parts.push_back(fmt::format("{} {}", ids[i], missing[i]));
  }
  if (!parts.empty()) {
    notes.push_back(fmt::format("units without a value in {} (of {}): {}", year, ranking.entries.size(),
                                fmt::join(parts, ", ")));
  }
  return t;
}

Table national_trend_table(Evaluator& e, const std::string& lang) {
  const std::vector<int>& years = e.panel().years();
  int from = years.front(), to = years.back();
  Table t;
  t.id = "national_trend";
  t.title = fmt::format("National trend {}–{}", from, to);
  t.columns = {Column{"kpi", "Key figure", "", CellType::text, 0},
               Column{"unit", "Unit", "", CellType::text, 0},
               Column{"from_year", "From", "", CellType::number, 0, false},
               Column{"to_year", "To", "", CellType::number, 0, false},
               Column{"from_value", "First year", "", CellType::number, 2},
               Column{"to_value", "Last year", "", CellType::number, 2},
               Column{"change", "Change", "", CellType::number, 2},
               Column{"change_pct", "Change", "%", CellType::number, 1},
               Column{"cagr_pct", "Per year (CAGR)", "%", CellType::number, 2}};
  for (const std::string& id : kTrendIds) {
    double a = e.national(id, from).value, b = e.national(id, to).value;
    int p = kpi_precision(e, id);
    std::string unit = kpi_unit(e, id);
    t.rows.push_back({Cell(kpi_label(e, id, lang)), Cell(unit), Cell(static_cast<double>(from)),
                      Cell(static_cast<double>(to)), Cell::number(a, p), Cell::number(b, p),
                      Cell::number(absolute_change(a, b), p), Cell(percent_change(a, b)),
                      Cell(cagr_percent(a, b, to - from))});
  }
  return t;
}

Outcome run_report(const ReportOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = effective_lang(o.common, io);
  const int year = choose_year(e, e.column(kRankBy), o.year);

  Report report;
  report.command = "report";
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  std::vector<std::string> notes;
  report.tables.push_back(ranking_table(e, year, lang, notes));
  report.tables.push_back(national_trend_table(e, lang));
  add_provenance(report, e);
  std::optional<int> prev = e.panel().previous_year(year);
  add_reference_note(report, e, key_figures(e), prev ? std::vector<int>{*prev, year} : std::vector<int>{year});
  add_reference_note(report, e, kTrendIds, {e.panel().years().front(), e.panel().years().back()});
  for (std::string& n : notes) report.notes.push_back(std::move(n));
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace

Runner setup_report(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  app.add_option("--year", o->year, "Year to rank (default: the latest year with values)");
  add_common_options(app, o->common);
  return [o](Io& io) { return run_report(*o, io); };
}

}  // namespace nytta
