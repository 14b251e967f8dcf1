// Analysis steps the commands share: which rows a year and group hold, the reference a
// unit is set against, and the year a command looks at.
#include "cmd/common.hpp"
#include "cmd/file_outputs.hpp"
#include <algorithm>
#include <map>
#include <set>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <ostream>
#include <sstream>

#include "nytta/load/catalogue_file.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"
#include "nytta/load/groups.hpp"
#include "nytta/report/writer.hpp"
#include "nytta/model/header_aliases.hpp"
#include "nytta/load/number.hpp"
#include "nytta/metrics/flags.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"
#include "nytta/util/atomic_file.hpp"
#include "nytta/util/file_names.hpp"
#include "nytta/util/terminal_text.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::vector<std::size_t> unit_rows(const Evaluator& e, int year, const std::string& group) {
  std::vector<std::size_t> rows;
  for (std::size_t r : e.panel().rows_of(year)) {
    const Unit& u = e.data().unit_of(r);
    if (u.kind == RowKind::unit && (group.empty() || u.group == group)) rows.push_back(r);
  }
  return rows;
}
std::string reference_label(Against against, const std::string& group, const std::string& lang) {
  switch (against) {
    case Against::national: return group.empty() ? std::string(text(lang, "national")) : group;
    case Against::mean: return group.empty() ? std::string(text(lang, "mean")) : textf(lang, "mean_of", group);
    case Against::median: return group.empty() ? std::string(text(lang, "median")) : textf(lang, "median_of", group);
    case Against::group: return std::string(text(lang, "own_group"));
  }
  return std::string(text(lang, "national"));
}
std::string reference_phrase(Against against, const std::string& group, const std::string& lang) {
  std::string label = reference_label(against, group, lang);
  // "Deviation from national", but "Deviation from Stockholms län": a name keeps its case.
  return against == Against::national && !group.empty() ? label : fold_first(label);
}
double scalar_reference(Evaluator& e, const std::string& id, int year, Against against, const std::string& group) {
  if (against == Against::national) return e.reference(id, year, group).value;
  Summary s = summarize_rows(e.column(id).values, unit_rows(e, year, group));
  return against == Against::mean ? s.mean : against == Against::median ? s.median : kMissing;
}
std::vector<double> reference_values(Evaluator& e, const std::string& id, int year, Against against,
                                     const std::string& group, const std::vector<std::size_t>& rows) {
  std::vector<double> out(rows.size(), kMissing);
  if (against != Against::group) {
    std::fill(out.begin(), out.end(), scalar_reference(e, id, year, against, group));
  } else {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string& g = e.data().unit_of(rows[i]).group;
      if (!g.empty()) out[i] = e.reference(id, year, g).value;
    }
  }
  return out;
}
Column kpi_column(const Evaluator& e, const std::string& id, const std::string& lang,
                  const std::string& column_id) {
  Column c;
  c.id = column_id.empty() ? id : column_id;
  c.label = kpi_label(e, id, lang);
  c.unit = kpi_unit(e, id, lang);
  c.precision = kpi_precision(e, id);
  return c;
}
std::optional<int> latest_year_with_values(const Evaluator& e, const KpiColumn& column) {
  const Dataset& d = e.data();
  std::optional<int> latest;
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (d.unit_of(r).kind == RowKind::unit && !is_missing(column.values[r]) && (!latest || d.row_year[r] > *latest))
      latest = d.row_year[r];
  }
  return latest;
}
int choose_year(const Evaluator& e, const KpiColumn& column, std::optional<int> year) {
  const std::vector<int>& years = e.panel().years();
  if (year) {
    if (!std::binary_search(years.begin(), years.end(), *year)) {
      throw UsageError(fmt::format("no data for the year {}; the data cover {}–{}", *year, years.front(), years.back()));
    }
    return *year;
  }
  std::optional<int> latest = latest_year_with_values(e, column);
  if (!latest) throw DataError(fmt::format("{}: no unit has a value of {} in any year", fmt::join(e.data().sources, ", "), column.id));
  return *latest;
}

}  // namespace nytta
