// nytta report: the main job. The latest year ranked by the catalogue's headline KPI
// (benefit_index for libraries) with its key figures, the national row and the change since
// the year before; the biggest movers up and down; the national trend from the first year to
// the year of the report; and the findings in a few plain sentences. What the data cannot
// give is left out and named in the notes; a value that cannot be true is listed without a
// rank, with a flag.

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "cmd/report_plan.hpp"
#include "nytta/metrics/change.hpp"
#include "nytta/metrics/flags.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/report/chart_build.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"
#include "nytta/util/text.hpp"
#include "nytta/util/timing.hpp"

namespace nytta {

namespace {

std::string signed_pct(double v, const std::string& lang) {
  if (is_missing(v)) return "–";
  return (v > 0 ? "+" : "") + format_human(v, 1, lang) + " %";
}

const std::string kUnitKind = "unit";

struct Context {
  Evaluator& e;
  const Plan& plan;
  const std::string& lang;
  int year;
  std::optional<int> prev;
  Ranking ranking;
};

// Every reason a row's figures are not to be taken at face value, once each.
std::string row_flags(Context& c, std::size_t row) {
  std::vector<std::string> flags;
  auto add = [&](std::string f) {
    if (!f.empty() && std::find(flags.begin(), flags.end(), f) == flags.end()) flags.push_back(std::move(f));
  };
  add(row_flag(c.e, c.plan.headline, row));
  for (const std::string& id : c.plan.key_figures) add(c.e.flag(id, row));
  return fmt::format("{}", fmt::join(flags, "; "));
}

Table ranking_table(Context& c, std::vector<std::string>& notes) {
  Evaluator& e = c.e;
  const Dataset& data = e.data();
  const std::string& lang = c.lang;
  const std::vector<std::string>& ids = c.plan.key_figures;
  Table t;
  t.id = "ranking";
  t.title = c.plan.headline == "benefit_index" ? textf(lang, "report_title", c.year)
                                               : textf(lang, "report_title_by", c.year, kpi_label(e, c.plan.headline, lang));
  t.columns = {Column{"rank", tr(lang, "rank"), "", CellType::number, 0}, Column{"code", tr(lang, "code"), "", CellType::text, 0},
               Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines}};
  for (const std::string& id : ids) t.columns.push_back(kpi_column(e, id, lang));
  if (c.prev) {
    for (const std::string& id : c.plan.change_ids) {
      t.columns.push_back(Column{id + "_yoy_pct", textf(lang, "change_since", kpi_label(e, id, lang), *c.prev), "%", CellType::number, 1});
    }
  }
  t.columns.push_back(Column{"flag", tr(lang, "flag"), "", CellType::text, 0});
  t.columns.push_back(Column{"kind", tr(lang, "kind"), "", CellType::text, 0});

  // The nation first: the reference every other row is read against.
  std::optional<std::size_t> nat_row = e.panel().national_row(c.year);
  std::vector<Cell> nat = {Cell(), Cell(""), Cell(nat_row ? data.unit_of(*nat_row).name : tr(lang, "national")),
                           Cell(static_cast<double>(c.year))};
  for (const std::string& id : ids) nat.push_back(Cell(e.national(id, c.year).value));
  if (c.prev) {
    for (const std::string& id : c.plan.change_ids)
      nat.push_back(Cell(percent_change(e.national(id, *c.prev).value, e.national(id, c.year).value)));
  }
  nat.push_back(Cell(""));
  nat.push_back(Cell("national"));
  t.rows.push_back(std::move(nat));

  // Columns looked up once, not per cell: a report on 500,000 units makes millions of cells.
  std::vector<std::size_t> missing(ids.size(), 0);
  std::vector<const KpiColumn*> cols;
  for (const std::string& id : ids) cols.push_back(&e.column(id));
  std::vector<const KpiColumn*> changes;
  for (const std::string& id : c.plan.change_ids) changes.push_back(&e.column(id));
  const KpiColumn& headline = e.column(c.plan.headline);
  const std::vector<const KpiColumn*> jumping = jump_columns(e, c.plan.headline);
  t.rows.reserve(c.ranking.entries.size() + 1);
  for (const RankEntry& entry : c.ranking.entries) {
    const std::size_t r = entry.row;
    const Unit& u = data.unit_of(r);
    std::vector<Cell> row;
    row.reserve(t.columns.size());
    row.push_back(entry.rank ? Cell(static_cast<double>(*entry.rank)) : Cell());
    row.push_back(Cell::view(u.code));
    row.push_back(Cell::view(u.name));
    row.push_back(Cell(static_cast<double>(c.year)));
    bool clean = headline.status_of(r) == ValueStatus::ok;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      double v = cols[i]->values[r];
      if (is_missing(v)) ++missing[i];
      Tone tone = i == 0 ? tone_of(entry.quartile) : Tone::none;
      ValueStatus status = cols[i]->status_of(r);
      if (is_impossible(status)) tone = Tone::bad;
      clean = clean && status == ValueStatus::ok;
      row.push_back(Cell::number(v, t.columns[4 + i].precision, tone));
    }
    std::optional<std::size_t> before = c.prev ? e.panel().row(data.row_unit[r], *c.prev) : std::nullopt;
    if (c.prev) {
      for (const KpiColumn* col : changes) row.push_back(before ? Cell(percent_change(col->values[*before], col->values[r])) : Cell());
    }
    // Most rows have nothing to flag: only those with a status or a jump build the text.
    for (const KpiColumn* col : jumping) clean = clean && !(before && is_jump(col->values[*before], col->values[r]));
    row.push_back(clean ? Cell(std::string()) : Cell(row_flags(c, r)));
    row.push_back(Cell::view(kUnitKind));
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

// Ranked units by the change of the headline (in its own units) since the year before.
std::vector<Move> moves(Context& c) {
  std::vector<Move> m;
  if (!c.prev) return m;
  const KpiColumn& head = c.e.column(c.plan.headline);
  for (const RankEntry& entry : c.ranking.entries) {
    if (!entry.rank) continue;
    std::optional<std::size_t> p = c.e.panel().row(c.e.data().row_unit[entry.row], *c.prev);
    if (!p || is_missing(head.values[*p]) || is_impossible(head.status_of(*p))) continue;
    m.push_back(Move{entry.row, head.values[*p], entry.value});
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
  t.title = textf(lang, "movers_title", kpi_label(c.e, c.plan.headline, lang), *c.prev, c.year);
  int p = kpi_precision(c.e, c.plan.headline);
  t.columns = {Column{"direction", "", "", CellType::text, 0, true, Audience::machines},
               Column{"direction_label", "", "", CellType::text, 0, true, Audience::people},
               Column{"code", tr(lang, "code"), "", CellType::text, 0},
               Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"from_value", std::to_string(*c.prev), "", CellType::number, p},
               Column{"to_value", std::to_string(c.year), "", CellType::number, p},
               Column{"change", tr(lang, "change"), "", CellType::number, p},
               Column{"change_pct", tr(lang, "change"), "%", CellType::number, 1}};
  auto add = [&](const Move& mv, const char* dir, const char* key, Tone tone) {
    const Unit& u = c.e.data().unit_of(mv.row);
    t.rows.push_back({Cell(dir), Cell(tr(lang, key)), Cell::view(u.code), Cell::view(u.name), Cell(mv.from), Cell(mv.to),
                      Cell::number(mv.to - mv.from, p, tone), Cell(percent_change(mv.from, mv.to))});
  };
  std::size_t k = std::min(n, m.size() / 2);
  for (std::size_t i = 0; i < k; ++i) add(m[i], "up", "movers_up", Tone::good);
  for (std::size_t i = 0; i < k; ++i) add(m[m.size() - 1 - i], "down", "movers_down", Tone::bad);
  return t;
}

Table national_trend_table(Evaluator& e, const Plan& plan, int from, int to, const std::string& lang) {
  Table t;
  t.id = "national_trend";
  t.title = textf(lang, "national_trend_title", from, to);
  t.columns = {Column{"kpi", tr(lang, "id"), "", CellType::text, 0, true, Audience::machines},
               Column{"label", tr(lang, "key_figure"), "", CellType::text, 0, true, Audience::people},
               Column{"unit", tr(lang, "unit"), "", CellType::text, 0, true, Audience::people},
               Column{"from_year", tr(lang, "from"), "", CellType::number, 0, false},
               Column{"to_year", tr(lang, "to"), "", CellType::number, 0, false},
               Column{"from_value", tr(lang, "first_year"), "", CellType::number, 2},
               Column{"to_value", tr(lang, "last_year"), "", CellType::number, 2},
               Column{"change", tr(lang, "change"), "", CellType::number, 2},
               Column{"change_pct", tr(lang, "change"), "%", CellType::number, 1},
               Column{"cagr_pct", tr(lang, "cagr"), "%", CellType::number, 2}};
  for (const std::string& id : plan.trend_ids) {
    double a = e.national(id, from).value, b = e.national(id, to).value;
    int p = kpi_precision(e, id);
    t.rows.push_back({Cell(id), Cell(kpi_label(e, id, lang)), Cell(kpi_unit(e, id, lang)), Cell(static_cast<double>(from)),
                      Cell(static_cast<double>(to)), Cell::number(a, p), Cell::number(b, p), Cell::number(absolute_change(a, b), p),
                      Cell(percent_change(a, b)), Cell(cagr_percent(a, b, to - from))});
  }
  return t;
}

Table summary_table(Context& c, const std::vector<Move>& m, int first) {
  Evaluator& e = c.e;
  const std::string& lang = c.lang;
  const Dataset& d = e.data();
  const std::string& head = c.plan.headline;
  std::vector<std::string> lines;
  const Ranking& r = c.ranking;
  const RankEntry* top = best_model(r, [&](std::size_t row) { return trusted(e, head, row); });
  if (top && r.ranked > 0) {
    const RankEntry& bottom = r.entries[r.ranked - 1];
    int p = kpi_precision(e, head);
    if (head == "benefit_index")
      lines.push_back(textf(lang, "summary_first_index", c.year, d.unit_of(top->row).name, format_human(top->value, 1, lang),
                            d.unit_of(bottom.row).name, format_human(bottom.value, 1, lang)));
    else
      lines.push_back(textf(lang, "summary_first", c.year, d.unit_of(top->row).name, fold_first(kpi_label(e, head, lang)),
                            format_human(top->value, p, lang), d.unit_of(bottom.row).name, format_human(bottom.value, p, lang)));
  }
  if (c.plan.change_ids.size() > 1) {
    const std::string& id = c.plan.change_ids[1];
    double now = e.national(id, c.year).value;
    if (!is_missing(now)) {
      std::string unit = kpi_unit(e, id, lang);
      std::string level = format_human(now, kpi_precision(e, id), lang) + (unit.empty() ? "" : " " + unit);
      if (c.prev) {
        double since_prev = percent_change(e.national(id, *c.prev).value, now);
        lines.push_back(textf(lang, "summary_cost", kpi_label(e, id, lang), level, c.year, signed_pct(since_prev, lang), *c.prev,
                              signed_pct(percent_change(e.national(id, first).value, now), lang), first));
      } else {
        lines.push_back(textf(lang, "summary_level", kpi_label(e, id, lang), level, c.year));
      }
    }
  }
  if (first != c.year && !c.plan.trend_ids.empty()) {
    std::vector<std::string> parts;
    for (const std::string& id : c.plan.trend_ids) {
      parts.push_back(fmt::format("{} {}", fold_first(kpi_label(e, id, lang)),
                                  signed_pct(percent_change(e.national(id, first).value, e.national(id, c.year).value), lang)));
    }
    lines.push_back(textf(lang, "summary_trend", first, c.year, fmt::join(parts, ", ")));
  }
  if (m.size() >= 2 && c.prev) {
    int p = std::min(kpi_precision(e, head), 2);
    auto points = [&](const Move& mv) { return (mv.to >= mv.from ? "+" : "") + format_human(mv.to - mv.from, p, lang); };
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

}  // namespace

Outcome run_report(const ReportOptions& o, Io& io) {
  // The report reads three years: the first (for the trend), the one before the last and
  // the last. When the last year has no value of the headline, it reads them all.
  YearNeeds needs;
  if (!o.year) needs = YearNeeds{false, true, 2};
  std::unique_ptr<Evaluator> e_ptr;
  {
    Phase p("load");
    e_ptr = load_for_kpi(o.common, io, needs, [&](Evaluator& e) { return plan_report(e, "en").headline; });
  }
  const std::string lang = text_lang(o.common, io);
  Evaluator& e = *e_ptr;
  const Dataset& data = e.data();
  Plan plan = plan_report(e, lang);
  const KpiColumn& head = e.column(plan.headline);
  const int year = choose_year(e, head, o.year);
  const int first = e.panel().years().front();
  for (const std::string& u : o.units) find_unit(data, u);
  Phase evaluate("evaluate and rank");
  const Direction dir = head.def ? head.def->direction : Direction::higher_is_better;
  Context c{e, plan, lang, year, e.panel().previous_year(year), {}};
  const std::string group = resolve_group(data, o.common.group);
  c.ranking = rank_column(data, unit_rows(e, year, group), head, dir, o.common.keep_impossible);

  Report report;
  report.command = "report";
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  report.meta.emplace_back("headline", Cell(plan.headline));
  std::vector<std::string> notes = plan.notes;
  Phase compute("rank and tables");
  std::vector<Move> m = moves(c);
  report.tables.push_back(ranking_table(c, notes));
  if (!m.empty()) report.tables.push_back(movers_table(c, m, o.movers));
  if (first != year) report.tables.push_back(national_trend_table(e, plan, first, year, lang));
  report.tables.push_back(summary_table(c, m, first));
  report.charts.push_back(ranked_bar_chart(report.tables[0], plan.headline, chart_request(lang, o.units)));
  add_provenance(report, e, lang);
  add_ranking_notes(report, e, plan.headline, c.ranking, year, o.common.keep_impossible, lang);
  add_reference_note(report, e, plan.key_figures, c.prev ? std::vector<int>{*c.prev, year} : std::vector<int>{year}, lang);
  if (first != year) add_reference_note(report, e, plan.trend_ids, {first, year}, lang);
  for (std::string& n : notes) report.notes.push_back(std::move(n));
  Phase output("write");
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
