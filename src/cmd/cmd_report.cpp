// nytta report: the main job. The latest year ranked by benefit_index with the seed's key
// figures, the national row and the change since the year before; the biggest movers up and
// down; the national trend of loans, visits, cost, cost per loan and cost per visit from the
// first to the last year; and the findings in a few plain sentences.

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/change.hpp"
#include "nytta/rank.hpp"
#include "report/chart_build.hpp"
#include "report/labels.hpp"
#include "report/number_format.hpp"
#include "util/timing.hpp"

namespace nytta {

namespace {

struct ReportOptions {
  CommonOptions common;
  std::optional<int> year;
  std::size_t movers = 5;
  std::vector<std::string> units;  // highlighted in the chart
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

std::string signed_pct(double v, const std::string& lang) {
  if (is_missing(v)) return "–";
  return (v > 0 ? "+" : "") + format_human(v, 1, lang) + " %";
}

struct Context {
  Evaluator& e;
  const std::string& lang;
  int year;
  std::optional<int> prev;
  Ranking ranking;
};

Table ranking_table(Context& c, std::vector<std::string>& notes) {
  Evaluator& e = c.e;
  const Dataset& data = e.data();
  const std::string& lang = c.lang;
  const std::vector<std::string> ids = key_figures(e);
  Table t;
  t.id = "ranking";
  t.title = textf(lang, "report_title", c.year);
  t.columns = {Column{"rank", tr(lang, "rank"), "", CellType::number, 0}, Column{"code", tr(lang, "code"), "", CellType::text, 0},
               Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines}};
  for (const std::string& id : ids) t.columns.push_back(kpi_column(e, id, lang));
  for (const std::string& id : kChangeIds) {
    t.columns.push_back(Column{id + "_yoy_pct",
                               textf(lang, "change_since", kpi_label(e, id, lang), c.prev ? std::to_string(*c.prev) : tr(lang, "last_year_word")),
                               "%", CellType::number, 1});
  }
  t.columns.push_back(Column{"kind", tr(lang, "kind"), "", CellType::text, 0});

  auto changes = [&](auto value_in) {
    std::vector<Cell> cells;
    for (const std::string& id : kChangeIds) cells.push_back(c.prev ? Cell(percent_change(value_in(id, *c.prev), value_in(id, c.year))) : Cell());
    return cells;
  };
  // The nation first: the reference every other row is read against.
  std::optional<std::size_t> nat_row = e.panel().national_row(c.year);
  std::vector<Cell> nat = {Cell(), Cell(""), Cell(nat_row ? data.unit_of(*nat_row).name : tr(lang, "national")),
                           Cell(static_cast<double>(c.year))};
  for (const std::string& id : ids) nat.push_back(Cell(e.national(id, c.year).value));
  for (Cell& cell : changes([&](const std::string& id, int y) { return e.national(id, y).value; })) nat.push_back(cell);
  nat.push_back(Cell("national"));
  t.rows.push_back(std::move(nat));

  std::vector<std::size_t> missing(ids.size(), 0);
  std::vector<const double*> values;
  for (const std::string& id : ids) values.push_back(e.column(id).values.data());
  std::vector<const double*> change_values;
  for (const std::string& id : kChangeIds) change_values.push_back(e.column(id).values.data());
  for (const RankEntry& entry : c.ranking.entries) {
    const Unit& u = data.unit_of(entry.row);
    std::vector<Cell> row = {entry.rank ? Cell(static_cast<double>(*entry.rank)) : Cell(), Cell::view(u.code), Cell::view(u.name),
                             Cell(static_cast<double>(c.year))};
    for (std::size_t i = 0; i < ids.size(); ++i) {
      double v = values[i][entry.row];
      if (is_missing(v)) ++missing[i];
      row.push_back(Cell::number(v, t.columns[4 + i].precision, i == 0 ? tone_of(entry.quartile) : Tone::none));
    }
    std::optional<std::size_t> before = c.prev ? e.panel().row(data.row_unit[entry.row], *c.prev) : std::nullopt;
    for (std::size_t i = 0; i < kChangeIds.size(); ++i) {
      row.push_back(before ? Cell(percent_change(change_values[i][*before], change_values[i][entry.row])) : Cell());
    }
    row.push_back(Cell("unit"));
    t.rows.push_back(std::move(row));
  }
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (missing[i] > 0) parts.push_back(fmt::format("{} {}", ids[i], missing[i]));
  }
  if (!parts.empty()) notes.push_back(textf(lang, "note_units_without", c.year, c.ranking.entries.size(), fmt::join(parts, ", ")));
  return t;
}

struct Move {
  std::size_t row;
  double from, to;
};

// Units by the change of their benefit index (in index points) since the year before.
std::vector<Move> moves(Context& c) {
  std::vector<Move> m;
  if (!c.prev) return m;
  const KpiColumn& bi = c.e.column(kRankBy);
  for (const RankEntry& entry : c.ranking.entries) {
    std::optional<std::size_t> p = c.e.panel().row(c.e.data().row_unit[entry.row], *c.prev);
    if (!p || is_missing(bi.values[*p]) || is_missing(entry.value)) continue;
    m.push_back(Move{entry.row, bi.values[*p], entry.value});
  }
  std::stable_sort(m.begin(), m.end(), [&](const Move& a, const Move& b) {
    double da = a.to - a.from, db = b.to - b.from;
    if (da != db) return da > db;
    return unit_less(c.e.data().unit_of(a.row), c.e.data().unit_of(b.row));
  });
  return m;
}

Table movers_table(Context& c, const std::vector<Move>& m, std::size_t n) {
  const std::string& lang = c.lang;
  Table t;
  t.id = "movers";
  t.title = textf(lang, "movers_title", c.prev ? *c.prev : c.year, c.year);
  int p = kpi_precision(c.e, kRankBy);
  t.columns = {Column{"direction", "", "", CellType::text, 0}, Column{"code", tr(lang, "code"), "", CellType::text, 0},
               Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"from_value", c.prev ? std::to_string(*c.prev) : "", "", CellType::number, p},
               Column{"to_value", std::to_string(c.year), "", CellType::number, p},
               Column{"change", tr(lang, "change"), "", CellType::number, p},
               Column{"change_pct", tr(lang, "change"), "%", CellType::number, 1}};
  auto add = [&](const Move& mv, const char* dir, Tone tone) {
    const Unit& u = c.e.data().unit_of(mv.row);
    t.rows.push_back({Cell(tr(lang, dir)), Cell::view(u.code), Cell::view(u.name), Cell(mv.from), Cell(mv.to),
                      Cell::number(mv.to - mv.from, p, tone), Cell(percent_change(mv.from, mv.to))});
  };
  std::size_t k = std::min(n, m.size() / 2);
  for (std::size_t i = 0; i < k; ++i) add(m[i], "movers_up", Tone::good);
  for (std::size_t i = 0; i < k; ++i) add(m[m.size() - 1 - i], "movers_down", Tone::bad);
  return t;
}

Table national_trend_table(Evaluator& e, const std::string& lang) {
  const std::vector<int>& years = e.panel().years();
  int from = years.front(), to = years.back();
  Table t;
  t.id = "national_trend";
  t.title = textf(lang, "national_trend_title", from, to);
  t.columns = {Column{"kpi", tr(lang, "key_figure"), "", CellType::text, 0},
               Column{"unit", tr(lang, "unit"), "", CellType::text, 0},
               Column{"from_year", tr(lang, "from"), "", CellType::number, 0, false},
               Column{"to_year", tr(lang, "to"), "", CellType::number, 0, false},
               Column{"from_value", tr(lang, "first_year"), "", CellType::number, 2},
               Column{"to_value", tr(lang, "last_year"), "", CellType::number, 2},
               Column{"change", tr(lang, "change"), "", CellType::number, 2},
               Column{"change_pct", tr(lang, "change"), "%", CellType::number, 1},
               Column{"cagr_pct", tr(lang, "cagr"), "%", CellType::number, 2}};
  for (const std::string& id : kTrendIds) {
    double a = e.national(id, from).value, b = e.national(id, to).value;
    int p = kpi_precision(e, id);
    t.rows.push_back({Cell(kpi_label(e, id, lang)), Cell(kpi_unit(e, id, lang)), Cell(static_cast<double>(from)),
                      Cell(static_cast<double>(to)), Cell::number(a, p), Cell::number(b, p),
                      Cell::number(absolute_change(a, b), p), Cell(percent_change(a, b)),
                      Cell(cagr_percent(a, b, to - from))});
  }
  return t;
}

Table summary_table(Context& c, const std::vector<Move>& m) {
  Evaluator& e = c.e;
  const std::string& lang = c.lang;
  const Dataset& d = e.data();
  std::vector<std::string> lines;
  const Ranking& r = c.ranking;
  if (r.ranked > 0) {
    const RankEntry& top = r.entries.front();
    const RankEntry& bottom = r.entries[r.ranked - 1];
    lines.push_back(textf(lang, "summary_first", c.year, d.unit_of(top.row).name, format_human(top.value, 1, lang),
                          d.unit_of(bottom.row).name, format_human(bottom.value, 1, lang)));
  }
  int first = e.panel().years().front();
  double cpl = e.national("cost_per_loan", c.year).value;
  if (!is_missing(cpl)) {
    double since_prev = c.prev ? percent_change(e.national("cost_per_loan", *c.prev).value, cpl) : kMissing;
    lines.push_back(textf(lang, "summary_cost", format_human(cpl, 2, lang) + " " + kpi_unit(e, "cost_per_loan", lang), c.year,
                          signed_pct(since_prev, lang), c.prev ? *c.prev : c.year,
                          signed_pct(percent_change(e.national("cost_per_loan", first).value, cpl), lang), first));
  }
  auto nat_change = [&](const char* id) { return signed_pct(percent_change(e.national(id, first).value, e.national(id, c.year).value), lang); };
  lines.push_back(textf(lang, "summary_trend", nat_change("loans"), nat_change("visits"), first, c.year, nat_change("cost")));
  if (m.size() >= 2 && c.prev) {
    auto points = [&](const Move& mv) { return (mv.to >= mv.from ? "+" : "") + format_human(mv.to - mv.from, 1, lang); };
    lines.push_back(textf(lang, "summary_movers", *c.prev, d.unit_of(m.front().row).name, points(m.front()),
                          d.unit_of(m.back().row).name, points(m.back())));
  }
  Table t;
  t.id = "summary";
  t.title = tr(lang, "summary_title");
  t.columns = {Column{"text", "", "", CellType::text, 0}};
  for (std::string& l : lines) t.rows.push_back({Cell(std::move(l))});
  return t;
}

Outcome run_report(const ReportOptions& o, Io& io) {
  // The report reads three years: the first (for the trend), the one before the last and
  // the last. When the last year has no benefit index, it reads them all.
  YearNeeds needs;
  if (!o.year) needs = YearNeeds{false, true, 2};
  Dataset data;
  {
    Phase p("load");
    data = load_input(o.common, io, needs);
  }
  Catalogue catalogue = load_catalogue(o.common);
  auto e_ptr = std::make_unique<Evaluator>(data, catalogue);
  if (!needs.all) {
    std::optional<int> latest = latest_year_with_values(*e_ptr, e_ptr->column(kRankBy));
    if (!latest || *latest != e_ptr->panel().years().back()) {
      data = load_input(o.common, io);
      e_ptr = std::make_unique<Evaluator>(data, catalogue);
    }
  }
  Evaluator& e = *e_ptr;
  const std::string lang = effective_lang(o.common, io);
  const int year = choose_year(e, e.column(kRankBy), o.year);
  for (const std::string& u : o.units) find_unit(data, u);
  Phase evaluate("evaluate and rank");
  Context c{e, lang, year, e.panel().previous_year(year), {}};
  c.ranking = rank_rows(data, unit_rows(e, year, o.common.group), e.column(kRankBy).values, Direction::higher_is_better);

  Report report;
  report.command = "report";
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  std::vector<std::string> notes;
  Phase compute("rank and tables");
  std::vector<Move> m = moves(c);
  report.tables.push_back(ranking_table(c, notes));
  if (!m.empty()) report.tables.push_back(movers_table(c, m, o.movers));
  report.tables.push_back(national_trend_table(e, lang));
  report.tables.push_back(summary_table(c, m));
  report.charts.push_back(ranked_bar_chart(report.tables[0], kRankBy, chart_request(lang, o.units)));
  add_provenance(report, e, lang);
  add_reference_note(report, e, key_figures(e), c.prev ? std::vector<int>{*c.prev, year} : std::vector<int>{year}, lang);
  add_reference_note(report, e, kTrendIds, {e.panel().years().front(), e.panel().years().back()}, lang);
  for (std::string& n : notes) report.notes.push_back(std::move(n));
  Phase output("write");
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace

Runner setup_report(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  app.add_option("--year", o->year, "Year to rank (default: the latest year with values)");
  app.add_option("--movers", o->movers, "How many units to list as biggest movers up and down")->capture_default_str();
  app.add_option("--unit", o->units, "Highlight this unit (code or name) in the chart; repeatable")->allow_extra_args(false);
  add_common_options(app, o->common);
  return [o](Io& io) { return run_report(*o, io); };
}

}  // namespace nytta
