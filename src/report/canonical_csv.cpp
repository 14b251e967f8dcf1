#include "nytta/report/canonical_csv.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numeric>

#include "nytta/report/number_format.hpp"
#include "report/writers.hpp"

namespace nytta {

namespace {

std::string number_text(double v) {
  if (std::isinf(v)) return v < 0 ? "-inf" : "";
  return fmt::format("{:g}", v);
}

// The directives that long_csv.cpp reads back (load/directives.cpp): notes, the meaning and
// aggregation of measures, widened ranges.
std::string directive_lines(const Dataset& data) {
  std::string out;
  for (const std::string& n : data.about) out += fmt::format("# note: {}\n", n);
  for (const MeasureDeclaration& d : data.declarations) {
    if (!d.meaning.empty()) out += fmt::format("# meaning: {} = {}\n", d.measure, d.meaning);
    if (d.aggregation) out += fmt::format("# aggregate: {} = {}\n", d.measure, to_string(*d.aggregation));
  }
  for (const RangeWidening& w : data.widenings) {
    out += fmt::format("# range: {} = {}..{}: {}\n", w.kpi, std::isinf(w.range.min) ? "" : number_text(w.range.min),
                       number_text(w.range.max), w.flag);
  }
  return out;
}

}  // namespace

void write_canonical_csv(const Dataset& d, std::ostream& out) {
  bool codes = std::any_of(d.units.begin(), d.units.end(), [](const Unit& u) { return !u.code.empty(); });
  bool names = std::any_of(d.units.begin(), d.units.end(), [](const Unit& u) { return !u.name.empty(); });
  bool groups = std::any_of(d.units.begin(), d.units.end(), [](const Unit& u) { return !u.group.empty(); });
  bool kinds = std::any_of(d.units.begin(), d.units.end(), [](const Unit& u) { return u.kind != RowKind::unit; });
  bool currency = !d.currency.empty();

  out << directive_lines(d);
  std::vector<std::string> header;
  if (codes) header.push_back("code");
  if (names) header.push_back("name");
  if (groups) header.push_back("group");
  if (kinds) header.push_back("kind");
  header.push_back("year");
  for (const Measure& m : d.measures) header.push_back(m.name);
  if (currency) header.push_back("currency");
  for (std::size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << header[i];
  out << '\n';

  std::vector<std::size_t> order(d.row_count());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Unit& ua = d.unit_of(a);
    const Unit& ub = d.unit_of(b);
    if (ua.kind != ub.kind) return kind_order(ua.kind) < kind_order(ub.kind);
    if (ua.code != ub.code) return ua.code < ub.code;
    if (ua.name != ub.name) return ua.name < ub.name;
    return d.row_year[a] < d.row_year[b];
  });
  for (std::size_t r : order) {
    const Unit& u = d.unit_of(r);
    bool first = true;
    auto field = [&](const std::string& s) {
      if (!first) out << ',';
      first = false;
      write_csv_field(out, s);
    };
    if (codes) field(u.code);
    if (names) field(u.name);
    if (groups) field(u.group);
    if (kinds) field(std::string(to_string(u.kind)));
    field(std::to_string(d.row_year[r]));
    for (const Measure& m : d.measures) field(format_machine(m.values[r]));
    if (currency) field(d.currency);
    out << '\n';
  }
}

}  // namespace nytta
