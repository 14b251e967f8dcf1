// nytta quadrant --result KPI --input KPI [--year Y] [--against national|median|mean]:
// results against input factors. Every unit in one of four quadrants around the reference
// lines — good result with a small input is the efficient corner — and the correlation.

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/metrics/quadrant.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/report/chart_build.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"

namespace nytta {

Outcome run_quadrant(const QuadrantOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  const KpiColumn& result = e.column(o.result);
  const KpiColumn& input = e.column(o.input);
  const int year = choose_year(e, result, o.year);
  for (const std::string& u : o.units) find_unit(data, u);
  const Against against = *parse_against(o.against);
  const std::string group = resolve_group(data, o.common.group);
  Direction rd = result.def ? result.def->direction : Direction::higher_is_better;
  Direction id = input.def ? input.def->direction : Direction::neutral;
  double rref = scalar_reference(e, o.result, year, against, group);
  double iref = scalar_reference(e, o.input, year, against, group);

  std::vector<std::size_t> rows = unit_rows(e, year, group);
  Ranking ranking = rank_column(data, rows, result, rd, o.common.keep_impossible);
  std::vector<double> xs, ys;
  std::map<Quadrant, std::size_t> counts;
  struct Placed {
    const RankEntry* entry;
    Quadrant q;
  };
  std::vector<Placed> placed;
  std::size_t impossible = 0;
  for (const RankEntry& entry : ranking.entries) {
    // A value that cannot be true places the unit nowhere and stays out of the correlation.
    if (is_impossible(result.status_of(entry.row)) || is_impossible(input.status_of(entry.row))) {
      placed.push_back(Placed{&entry, Quadrant::none});
      impossible += !is_missing(result.values[entry.row]) && !is_missing(input.values[entry.row]);
      continue;
    }
    Quadrant q = classify(result.values[entry.row], input.values[entry.row], rref, iref, rd, id);
    placed.push_back(Placed{&entry, q});
    ++counts[q];
    xs.push_back(input.values[entry.row]);
    ys.push_back(result.values[entry.row]);
  }
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.q < b.q; });
  auto flags = [&](std::size_t row) {
    std::string a = e.flag(o.result, row), b = e.flag(o.input, row);
    return a.empty() ? b : b.empty() || a == b ? a : a + "; " + b;
  };
  double r = correlation(xs, ys);

  Table t;
  t.id = "quadrant";
  t.title = textf(lang, "quadrant_title", kpi_label(e, o.result, lang), kpi_label(e, o.input, lang), year);
  Column rc = kpi_column(e, o.result, lang, "result");
  Column ic = kpi_column(e, o.input, lang, "input");
  rc.label = tr(lang, "result") + ": " + rc.label;
  ic.label = tr(lang, "input") + ": " + ic.label;
  t.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0}, Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines},
               rc, ic,
               Column{"result_rank", tr(lang, "rank"), "", CellType::number, 0},
               Column{"quadrant", tr(lang, "quadrant"), "", CellType::text, 0, true, Audience::machines},
               Column{"kind", tr(lang, "kind"), "", CellType::text, 0},
               Column{"quadrant_text", tr(lang, "quadrant"), "", CellType::text, 0, true, Audience::people},
               Column{"flag", tr(lang, "flag"), "", CellType::text, 0}};
  t.rows.push_back({Cell(""), Cell(reference_label(against, group.empty() ? group : group_name(data, group), lang)), Cell(static_cast<double>(year)), Cell::number(rref, rc.precision),
                    Cell::number(iref, ic.precision), Cell(), Cell(""),
                    Cell(std::string(against == Against::national ? "national" : "summary")), Cell(""), Cell("")});
  for (const Placed& p : placed) {
    const Unit& u = data.unit_of(p.entry->row);
    Tone tone = p.q == Quadrant::efficient ? Tone::good : p.q == Quadrant::inefficient ? Tone::bad : Tone::middle;
    std::string name(to_string(p.q));
    t.rows.push_back({Cell::view(u.code), Cell::view(u.name), Cell(static_cast<double>(year)), Cell::number(result.values[p.entry->row], rc.precision, tone),
                      Cell(input.values[p.entry->row]), p.entry->rank ? Cell(static_cast<double>(*p.entry->rank)) : Cell(),
                      Cell(name), Cell("unit"), Cell(name.empty() ? std::string() : tr(lang, "quadrant_" + name)), Cell(flags(p.entry->row))});
  }

  Report report;
  report.command = "quadrant";
  report.tables.push_back(std::move(t));
  report.charts.push_back(quadrant_chart(report.tables[0], chart_request(lang, o.units)));
  report.meta.emplace_back("result", Cell(o.result));
  report.meta.emplace_back("input", Cell(o.input));
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  report.meta.emplace_back("correlation", Cell(r));
  report.notes.push_back(textf(lang, "correlation", o.result, o.input, xs.size(), is_missing(r) ? "–" : format_human(r, 3, lang)));
  std::vector<std::string> parts;
  for (Quadrant q : {Quadrant::efficient, Quadrant::generous, Quadrant::frugal, Quadrant::inefficient}) {
    parts.push_back(fmt::format("{} {}", tr(lang, "quadrant_" + std::string(to_string(q))), counts[q]));
  }
  report.notes.push_back(fmt::format("{}", fmt::join(parts, "; ")));
  if (impossible > 0) report.notes.push_back(textf(lang, "note_quadrant_impossible", impossible));
  add_provenance(report, e, lang);
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
