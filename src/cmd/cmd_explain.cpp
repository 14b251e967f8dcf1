// nytta explain --unit CODE --kpi ID [--year Y]: one number taken apart, so that an analyst
// can redo it by hand: the formula with every input value (KPIs of KPIs down to the
// measures), the result, the references with what they were computed from, and the rank.

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <regex>

#include "cmd/commands.hpp"
#include "report/labels.hpp"
#include "metrics/formula.hpp"
#include "nytta/rank.hpp"
#include "nytta/reference.hpp"

namespace nytta {

namespace {

struct ExplainOptions {
  CommonOptions common;
  std::string unit;
  std::string kpi;
  std::optional<int> year;
};

std::string number_text(double v) {
  if (is_missing(v)) return "missing";
  if (std::fabs(v) >= 1e4 && std::fabs(v) < 1e15 && v == std::floor(v)) return fmt::format("{:.0f}", v);
  return fmt::format("{:.6g}", v);
}

class Explainer {
 public:
  Explainer(Evaluator& e, std::size_t row, const std::string& lang, Table& t) : e_(e), row_(row), lang_(lang), t_(t) {}

  // precision < 0: whole numbers without decimals, others with 2.
  void add(std::string item, std::string name, double value, std::string unit, std::string detail, int depth = 0,
           int precision = -1) {
    if (precision < 0) precision = (is_missing(value) || value == std::floor(value)) ? 0 : 2;
    t_.rows.push_back({Cell(std::move(item)), Cell(std::string(static_cast<std::size_t>(depth) * 2, ' ') + name),
                       Cell(static_cast<double>(depth)), Cell::number(value, precision), Cell(std::move(unit)),
                       Cell(std::move(detail))});
  }

  // Decimals for a KPI's value: three more than its tables show, to redo it by hand.
  int digits(const std::string& id) const { return e_.catalogue().find(id) ? kpi_precision(e_, id) + 3 : -1; }

  // The formula of id with each input's value, then the inputs that are KPIs, deeper.
  void inputs(const std::string& id, int depth) {
    const KpiColumn& col = e_.column(id);
    if (!col.def) return;
    CompiledFormula f = compile_formula(col.formula, col.def->defined_at);
    std::string substituted = col.formula;
    std::vector<std::string> vars = f.variables;
    // national(x) first, so that x inside it is not replaced on its own.
    std::stable_partition(vars.begin(), vars.end(), [](const std::string& v) { return v.rfind("national__", 0) == 0; });
    for (const std::string& var : vars) {
      bool national = var.rfind("national__", 0) == 0;
      std::string ref = national ? var.substr(10) : var;
      double v = national ? e_.national(ref, year()).value : e_.column(ref).values[row_];
      std::string shown = national ? fmt::format("national({})", ref) : ref;
      std::string kind = national ? textf(lang_, "explain_input_national", year())
                                  : tr(lang_, e_.catalogue().find(ref) ? "explain_input_kpi" : "explain_input_measure");
      add("input", shown, v, kpi_unit(e_, ref, lang_), kind, depth + 1, digits(ref));
      if (!national && e_.catalogue().find(ref)) inputs(ref, depth + 1);
      substituted = std::regex_replace(substituted, std::regex("\\b" + (national ? "national\\s*\\(\\s*" + ref + "\\s*\\)" : ref) + "\\b"),
                                       number_text(v));
    }
    add("formula", id, col.values[row_], kpi_unit(e_, id, lang_), fmt::format("{} = {}", col.formula, substituted), depth, digits(id));
  }

  int year() const { return e_.data().row_year[row_]; }

 private:
  Evaluator& e_;
  std::size_t row_;
  std::string lang_;
  Table& t_;
};

// What a national or group value was computed from, in words.
std::string how(Evaluator& e, const std::string& id, int year, const std::string& group, const NationalValue& v) {
  const Dataset& d = e.data();
  const KpiColumn& col = e.column(id);
  std::vector<std::string> parts;
  if (v.from_aggregate_row) {
    std::optional<std::size_t> r;
    for (std::size_t row : e.panel().rows_of(year)) {
      const Unit& u = d.unit_of(row);
      if ((group.empty() && u.kind == RowKind::national) || (!group.empty() && u.kind == RowKind::region && u.group == group)) r = row;
    }
    for (const std::string& m : col.measures) {
      if (r) parts.push_back(fmt::format("{} {}", m, number_text(d.find_measure(m)->values[*r])));
    }
    return fmt::format("the data's {} row ({}): {}", group.empty() ? "national" : "region", r ? d.unit_of(*r).name : "",
                       fmt::join(parts, ", "));
  }
  for (const std::string& m : col.measures) {
    double sum = 0.0;
    for (std::size_t r : e.panel().rows_of(year)) {
      const Unit& u = d.unit_of(r);
      if (u.kind != RowKind::unit || (!group.empty() && u.group != group)) continue;
      bool complete = true;
      for (const std::string& n : col.measures) complete = complete && !is_missing(d.find_measure(n)->values[r]);
      if (complete) sum += d.find_measure(m)->values[r];
    }
    parts.push_back(fmt::format("{} {}", m, number_text(sum)));
  }
  return fmt::format("the formula on the sums of the {} units that report every measure: {}", v.units_summed, fmt::join(parts, ", "));
}

Outcome run_explain(const ExplainOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  const KpiColumn& col = e.column(o.kpi);
  std::uint32_t unit = find_unit(data, o.unit);
  const int year = choose_year(e, col, o.year);
  std::optional<std::size_t> row = e.panel().row(unit, year);
  if (!row) throw UsageError(fmt::format("{} has no row for {} in the data", data.units[unit].key(), year));
  const Unit& u = data.units[unit];
  const std::string un = kpi_unit(e, o.kpi, lang);
  const Direction dir = col.def ? col.def->direction : Direction::neutral;

  Table t;
  t.id = "explain";
  t.title = textf(lang, "explain_title", kpi_label(e, o.kpi, lang), u.name, year) + (u.code.empty() ? "" : " (" + u.code + ")");
  t.columns = {Column{"item", tr(lang, "item"), "", CellType::text, 0}, Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"depth", "Depth", "", CellType::number, 0, false, Audience::machines},
               Column{"value", tr(lang, "value"), "", CellType::number, 6}, Column{"unit", tr(lang, "unit"), "", CellType::text, 0},
               Column{"detail", tr(lang, "detail"), "", CellType::text, 0}};
  Explainer x(e, *row, lang, t);
  const int p = x.digits(o.kpi);
  x.add("kpi", o.kpi, kMissing, un,
        fmt::format("{}{}", kpi_label(e, o.kpi, lang), dir == Direction::neutral ? "" : ", " + tr(lang, dir == Direction::lower_is_better ? "lower_better" : "higher_better")));
  if (col.def && col.formula != col.def->formula) x.add("note", o.kpi, kMissing, "", "the fallback formula is used: the data lack a measure of the first");
  x.inputs(o.kpi, 0);
  x.add("result", o.kpi, col.values[*row], un, is_missing(col.values[*row]) ? "missing: an input is missing or a denominator is zero" : "", 0, p);

  const NationalValue& nat = e.national(o.kpi, year);
  x.add("national", "national", nat.value, un, how(e, o.kpi, year, "", nat), 0, p);
  if (nat.from_aggregate_row && !is_missing(nat.summed_value))
    x.add("sum_of_units", "sum of units", nat.summed_value, un, fmt::format("the formula on the sums of {} units", nat.units_summed), 0, p);
  if (!u.group.empty()) {
    const NationalValue& g = e.reference(o.kpi, year, u.group);
    x.add("group", u.group, g.value, un, how(e, o.kpi, year, u.group, g), 0, p);
  }
  std::vector<std::size_t> rows = unit_rows(e, year, "");
  Summary s = summarize_rows(col.values, rows);
  x.add("mean", "mean of units", s.mean, un, fmt::format("unweighted, {} units", s.n), 0, p);
  x.add("median", "median", s.median, un, "", 0, p);
  x.add("quartile_1", "lower quartile", s.q1, un, "", 0, p);
  x.add("quartile_3", "upper quartile", s.q3, un, "", 0, p);
  x.add("min", "minimum", s.min, un, "", 0, p);
  x.add("max", "maximum", s.max, un, "", 0, p);
  x.add("sd", "standard deviation", s.sd, un, "population standard deviation", 0, p);

  Ranking ranking = rank_rows(data, rows, col.values, dir);
  for (const RankEntry& entry : ranking.entries) {
    if (entry.row != *row) continue;
    x.add("rank", "rank", entry.rank ? static_cast<double>(*entry.rank) : kMissing, "",
          fmt::format("of {} units with a value; ties share a rank", ranking.ranked));
    x.add("percentile", "percentile", entry.percentile, "", "100 = the best", 0, 1);
    x.add("quartile", "quartile", entry.quartile ? static_cast<double>(*entry.quartile) : kMissing, "", "1 = the best quarter");
    x.add("z_score", "z-score", entry.z_score, "", "(value − mean) / standard deviation", 0, 3);
  }
  x.add("deviation_pct", "deviation from national", deviation_pct(col.values[*row], nat.value), "%", "value / national − 1", 0, 2);

  Report report;
  report.command = "explain";
  report.tables.push_back(std::move(t));
  report.meta.emplace_back("kpi", Cell(o.kpi));
  report.meta.emplace_back("unit", Cell(u.key()));
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  add_provenance(report, e, lang);
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace

Runner setup_explain(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  app.add_option("--unit", o->unit, "The unit (code or name)")->required();
  app.add_option("--kpi", o->kpi, "KPI id or measure")->required();
  app.add_option("--year", o->year, "Year (default: the latest year with values)");
  add_common_options(app, o->common);
  return [o](Io& io) { return run_explain(*o, io); };
}

}  // namespace nytta
