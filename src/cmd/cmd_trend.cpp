// nytta trend --kpi ID [--unit KEY]… [--from Y --to Y] [--group G] [--against REF]
//             [--cpi FILE] [--base-year Y]
// Change over time for the reference (the nation, a group, the mean or median) and each
// unit: the span from→to with change, percent and CAGR, an index (base year = 100), and in
// real terms for currency KPIs with a CPI. The per-year series is a second section.

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/report/chart_build.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/metrics/change.hpp"
#include "nytta/load/price_index.hpp"
#include "nytta/report/sparkline.hpp"

namespace nytta {

namespace {


// First and last year in which some unit or the nation has a value.
std::pair<int, int> default_span(const Evaluator& e, const KpiColumn& col) {
  std::optional<int> first, last;
  const Dataset& d = e.data();
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (is_missing(col.values[r]) || (d.unit_of(r).kind != RowKind::unit && d.unit_of(r).kind != RowKind::national)) continue;
    int y = d.row_year[r];
    if (!first || y < *first) first = y;
    if (!last || y > *last) last = y;
  }
  if (!first) throw DataError(fmt::format("{}: no unit has a value of {} in any year", fmt::join(d.sources, ", "), col.id));
  return {*first, *last};
}

struct TrendLine {
  std::string code, name, kind;
  std::vector<double> values;  // one per year of the span (NaN = gap)
};

}  // namespace

Outcome run_trend(const TrendOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  const std::string group = resolve_group(data, o.common.group);
  const KpiColumn& col = e.column(o.kpi);
  auto [first, last] = default_span(e, col);
  const int from = o.from ? choose_year(e, col, o.from) : first;
  const int to = o.to ? choose_year(e, col, o.to) : last;
  if (from >= to) throw UsageError(fmt::format("--from {} must be before --to {}", from, to));
  const int base = o.base_year ? *o.base_year : from;
  if (base < from || base > to) throw UsageError(fmt::format("--base-year {} is outside {}–{}", base, from, to));
  const Against against = *parse_against(o.against);

  std::vector<int> years;
  for (int y : e.panel().years()) {
    if (y >= from && y <= to) years.push_back(y);
  }
  const bool currency = col.def ? col.def->unit == "currency" : o.kpi == "cost";
  std::optional<PriceIndex> cpi;
  if (!o.cpi_file.empty()) cpi = read_price_index(o.cpi_file);

  std::vector<std::uint32_t> units;
  for (const std::string& key : o.units) units.push_back(find_unit(data, key));
  if (units.empty()) {
    for (std::uint32_t u = 0; u < data.units.size(); ++u) {
      const Unit& unit = data.units[u];
      if (unit.kind == RowKind::unit && (group.empty() || unit.group == group)) units.push_back(u);
    }
    std::stable_sort(units.begin(), units.end(), [&](std::uint32_t a, std::uint32_t b) { return unit_less(data.units[a], data.units[b]); });
  }

  std::vector<TrendLine> lines;
  TrendLine ref{"", reference_label(against, group.empty() ? group : group_name(data, group), lang), against == Against::national ? (group.empty() ? "national" : "group") : "summary", {}};
  if (against == Against::national && group.empty()) {
    if (std::optional<std::size_t> r = e.panel().national_row(to)) ref.name = data.unit_of(*r).name;
  }
  for (int y : years) ref.values.push_back(scalar_reference(e, o.kpi, y, against, group));
  lines.push_back(std::move(ref));
  for (std::uint32_t u : units) {
    TrendLine l{data.units[u].code, data.units[u].name, "unit", {}};
    for (int y : years) {
      std::optional<std::size_t> r = e.panel().row(u, y);
      l.values.push_back(r ? col.values[*r] : kMissing);
    }
    lines.push_back(std::move(l));
  }

  const int precision = kpi_precision(e, o.kpi);
  const std::string unit = kpi_unit(e, o.kpi, lang);
  const bool real = cpi && currency;
  auto real_of = [&](double v, int y) { return is_missing(v) ? kMissing : v * cpi->factor(y, base); };
  auto at = [&](const TrendLine& l, int y) {
    auto it = std::find(years.begin(), years.end(), y);
    return it == years.end() ? kMissing : l.values[static_cast<std::size_t>(it - years.begin())];
  };

  Table span;
  span.id = "trend";
  span.title = textf(lang, "trend_title", kpi_label(e, o.kpi, lang), from, to, group.empty() ? "" : ", " + group_name(data, group));
  span.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0},
                  Column{"name", tr(lang, "name"), "", CellType::text, 0},
                  Column{"kpi", "KPI", "", CellType::text, 0, true, Audience::machines},
                  Column{"from_year", tr(lang, "from"), "", CellType::number, 0, false, Audience::machines},
                  Column{"to_year", tr(lang, "to"), "", CellType::number, 0, false, Audience::machines},
                  Column{"from_value", std::to_string(from), unit, CellType::number, precision},
                  Column{"to_value", std::to_string(to), unit, CellType::number, precision},
                  Column{"change", tr(lang, "change"), unit, CellType::number, precision},
                  Column{"change_pct", tr(lang, "change"), "%", CellType::number, 1},
                  Column{"cagr_pct", tr(lang, "cagr"), "%", CellType::number, 2},
                  Column{"base_year", "Base year", "", CellType::number, 0, false, Audience::machines},
                  Column{"index", textf(lang, "index_base", to, base), "", CellType::number, 1}};
  if (real) {
    std::string real_unit = fmt::format("{} {}", unit, base);
    span.columns.push_back(Column{"real_from_value", textf(lang, "real_of_year", from), real_unit, CellType::number, precision});
    span.columns.push_back(Column{"real_to_value", textf(lang, "real_of_year", to), real_unit, CellType::number, precision});
    span.columns.push_back(Column{"real_change_pct", tr(lang, "real_change"), "%", CellType::number, 1});
    span.columns.push_back(Column{"real_cagr_pct", tr(lang, "real_per_year"), "%", CellType::number, 2});
  }
  span.columns.push_back(Column{"kind", tr(lang, "kind"), "", CellType::text, 0});
  span.columns.push_back(Column{"trend", fmt::format("{}–{}", from, to), "", CellType::text, 0, true, Audience::people});

  std::size_t incomplete = 0;
  for (const TrendLine& l : lines) {
    double a = at(l, from), b = at(l, to), base_value = at(l, base);
    if (l.kind == "unit" && (is_missing(a) || is_missing(b))) ++incomplete;
    std::vector<Cell> row = {Cell(l.code), Cell(l.name), Cell(o.kpi), Cell(static_cast<double>(from)),
                             Cell(static_cast<double>(to)), Cell(a), Cell(b), Cell(absolute_change(a, b)),
                             Cell(percent_change(a, b)), Cell(cagr_percent(a, b, to - from)), Cell(static_cast<double>(base)),
                             Cell(index_value(b, base_value))};
    if (real) {
      double ra = real_of(a, from), rb = real_of(b, to);
      row.insert(row.end(), {Cell(ra), Cell(rb), Cell(percent_change(ra, rb)), Cell(cagr_percent(ra, rb, to - from))});
    }
    row.push_back(Cell(l.kind));
    row.push_back(Cell(sparkline(l.values)));
    span.rows.push_back(std::move(row));
  }

  Table series;
  series.id = "series";
  series.title = textf(lang, "per_year_title", kpi_label(e, o.kpi, lang));
  series.audience = lines.size() <= 21 ? Audience::all : Audience::machines;
  series.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0},
                    Column{"name", tr(lang, "name"), "", CellType::text, 0},
                    Column{"year", tr(lang, "year"), "", CellType::number, 0, false},
                    Column{"value", kpi_label(e, o.kpi, lang), unit, CellType::number, precision},
                    Column{"yoy_change", tr(lang, "change"), unit, CellType::number, precision},
                    Column{"yoy_pct", tr(lang, "change"), "%", CellType::number, 1},
                    Column{"index", textf(lang, "index_only", base), "", CellType::number, 1}};
  if (real) series.columns.push_back(Column{"real_value", textf(lang, "real_prices", base), unit, CellType::number, precision});
  series.columns.push_back(Column{"kind", tr(lang, "kind"), "", CellType::text, 0});
  for (const TrendLine& l : lines) {
    double base_value = at(l, base);
    for (std::size_t i = 0; i < years.size(); ++i) {
      double v = l.values[i];
      double prev = i > 0 ? l.values[i - 1] : kMissing;  // a gap year stays a gap, never a zero
      std::vector<Cell> row = {Cell(l.code), Cell(l.name), Cell(static_cast<double>(years[i])), Cell(v),
                               Cell(absolute_change(prev, v)), Cell(percent_change(prev, v)), Cell(index_value(v, base_value))};
      if (real) row.push_back(Cell(real_of(v, years[i])));
      row.push_back(Cell(l.kind));
      series.rows.push_back(std::move(row));
    }
  }

  Report report;
  report.command = "trend";
  report.tables.push_back(std::move(span));
  report.tables.push_back(std::move(series));
  for (Chart& c : trend_charts(report.tables[1], chart_request(lang))) report.charts.push_back(std::move(c));
  report.meta.emplace_back("kpi", Cell(o.kpi));
  report.meta.emplace_back("from_year", Cell(static_cast<double>(from)));
  report.meta.emplace_back("to_year", Cell(static_cast<double>(to)));
  report.meta.emplace_back("base_year", Cell(static_cast<double>(base)));
  report.meta.emplace_back("against", Cell(std::string(to_string(against))));
  if (incomplete > 0) {
    report.notes.push_back(textf(lang, "note_units_incomplete", incomplete, units.size(), o.kpi, from, to));
  }
  if (cpi && !currency) report.notes.push_back(textf(lang, "note_cpi_not_currency", o.kpi));
  if (real) {
    report.notes.push_back(textf(lang, "note_real_prices", base, base, cpi->source));
  }
  if (years.size() != static_cast<std::size_t>(to - from + 1)) {
    report.notes.push_back(textf(lang, "note_years_missing", years.size(), to - from + 1, from, to));
  }
  add_provenance(report, e, lang);
  if (against == Against::national && group.empty()) add_reference_note(report, e, {o.kpi}, {from, to}, lang);
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
