// nytta explain --unit CODE --kpi ID [--year Y]: one number taken apart, so that an analyst
// can redo it by hand: the formula with every input value (KPIs of KPIs down to the
// measures), the result, the references with what they were computed from, and the rank.

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/formula/formula.hpp"
#include "nytta/metrics/flags.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/util/text.hpp"
#include "nytta/metrics/reference.hpp"

namespace nytta {

namespace {


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
    if (!col.def || col.published) return;
    const CompiledFormula& f = compile_formula(col.formula, col.def->defined_at);
    for (const std::string& var : f.variables) {
      bool national = var.rfind("national__", 0) == 0;
      std::string ref = national ? var.substr(10) : var;
      double v = value_of(ref, national);
      std::string shown = national ? fmt::format("national({})", ref) : ref;
      std::string kind = national ? textf(lang_, "explain_input_national", year())
                                  : tr(lang_, e_.catalogue().find(ref) ? "explain_input_kpi" : "explain_input_measure");
      add("input", shown, v, kpi_unit(e_, ref, lang_), kind, depth + 1, digits(ref));
      if (!national && e_.catalogue().find(ref)) inputs(ref, depth + 1);
    }
    add("formula", id, col.values[row_], kpi_unit(e_, id, lang_), fmt::format("{} = {}", col.formula, substituted(col.formula)), depth,
        digits(id));
  }

  // The formula with every name replaced by its value, national(x) by the national value
  // of x: read token by token, so that x inside national(x) is not replaced on its own.
  std::string substituted(const std::string& formula) {
    std::string out;
    auto ident = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; };
    std::size_t i = 0;
    while (i < formula.size()) {
      char c = formula[i];
      if (!ident(c) || (c >= '0' && c <= '9')) {
        // numbers stay as written, digits and letters of an exponent alike
        std::size_t j = i;
        if (c >= '0' && c <= '9') {
          while (j < formula.size() && (ident(formula[j]) || formula[j] == '.')) ++j;
        } else {
          j = i + 1;
        }
        out.append(formula, i, j - i);
        i = j;
        continue;
      }
      std::size_t j = i;
      while (j < formula.size() && ident(formula[j])) ++j;
      std::string name = formula.substr(i, j - i);
      if (name == "national") {
        std::size_t k = j;
        while (k < formula.size() && formula[k] == ' ') ++k;
        if (k < formula.size() && formula[k] == '(') {
          std::size_t close = formula.find(')', k);
          if (close != std::string::npos) {
            std::string inner(trim(std::string_view(formula).substr(k + 1, close - k - 1)));
            if (e_.knows(inner)) {
              out += fmt::format("national({})", number_text(value_of(inner, true)));
              i = close + 1;
              continue;
            }
          }
        }
      }
      out += e_.knows(name) ? number_text(value_of(name, false)) : name;
      i = j;
    }
    return out;
  }

  double value_of(const std::string& id, bool national) {
    return national ? e_.national(id, year()).value : e_.column(id).values[row_];
  }

  int year() const { return e_.data().row_year[row_]; }

 private:
  Evaluator& e_;
  std::size_t row_;
  std::string lang_;
  Table& t_;
};

// What a national or group value was computed from, in words, with the aggregated measures
// the evaluator used.
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
      if (r) parts.push_back(fmt::format("{} {}", m, number_text(e.column(m).values[*r])));
    }
    return fmt::format("the data's {} row ({}): {}", group.empty() ? "national" : "region", r ? d.unit_of(*r).name : "",
                       fmt::join(parts, ", "));
  }
  switch (v.aggregation.kind) {
    case Aggregation::Kind::mean:
      return fmt::format("the mean of the {} units with a possible value", v.units_summed);
    case Aggregation::Kind::weighted_mean:
      return fmt::format("the mean of the {} units with a possible value, weighted by {}", v.units_summed, v.aggregation.weight);
    case Aggregation::Kind::none: return "none: this figure has no national value";
    default: break;
  }
  for (std::size_t i = 0; i < col.measures.size() && i < v.inputs.size(); ++i) {
    Aggregation a = e.measure_aggregation(col.measures[i]);
    std::string how_m = a.kind == Aggregation::Kind::sum ? "sum" : to_string(a);
    parts.push_back(fmt::format("{} {} ({})", col.measures[i], number_text(v.inputs[i]), how_m));
  }
  return fmt::format("the formula on the measures of the {} units with every measure and a possible value: {}", v.units_summed,
                     fmt::join(parts, ", "));
}

}  // namespace

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
  std::string flag = row_flag(e, o.kpi, *row);
  x.add("result", o.kpi, col.values[*row], un,
        !flag.empty() ? flag : is_missing(col.values[*row]) ? "missing: an input is missing or a denominator is zero" : "", 0, p);

  const NationalValue& nat = e.national(o.kpi, year);
  x.add("national", "national", nat.value, un, how(e, o.kpi, year, "", nat), 0, p);
  if (nat.from_aggregate_row && !is_missing(nat.summed_value))
    x.add("sum_of_units", "sum of units", nat.summed_value, un, fmt::format("the formula on the sums of {} units", nat.units_summed), 0, p);
  if (!u.group.empty()) {
    const NationalValue& g = e.reference(o.kpi, year, u.group);
    x.add("group", group_name(data, u.group), g.value, un, how(e, o.kpi, year, u.group, g), 0, p);
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

  Ranking ranking = rank_column(data, rows, col, dir, o.common.keep_impossible);
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

}  // namespace nytta
