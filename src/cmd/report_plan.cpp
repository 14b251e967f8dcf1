// Choosing what the report shows (report_plan.hpp): the catalogue's report KPIs, each the
// first of its alternatives the data can give; the headline, or the first key figure when
// the data cannot give it, said in a note.

#include "cmd/report_plan.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "cmd/common.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

namespace {

// Why a KPI that can be computed has no value: a measure it needs is empty in every row,
// or (when every measure has values) a sum or product overflowed.
std::string why_no_values(Evaluator& e, const std::string& id, const std::string& lang) {
  for (const std::string& m : e.column(id).measures) {
    if (!latest_year_with_values(e, e.column(m))) return textf(lang, "measure_has_no_value", m);
  }
  return tr(lang, "no_unit_has_value");
}

}  // namespace

Plan plan_report(Evaluator& e, const std::string& lang) {
  const Catalogue& c = e.catalogue();
  Plan p;
  std::vector<std::string> dropped;
  // A KPI is usable when it can be computed and some unit has a value of it (a sum that
  // overflows leaves a KPI without any value).
  auto has_values = [&](const std::string& id) { return latest_year_with_values(e, e.column(id)).has_value(); };
  auto usable = [&](const std::string& id) {
    std::string why;
    if (e.can_compute(id, &why) && has_values(id)) return true;
    if (std::find(dropped.begin(), dropped.end(), id) == dropped.end()) dropped.push_back(id);
    return false;
  };
  std::vector<std::string> wanted = c.report_kpis;
  if (wanted.empty()) {
    for (const KpiDef& k : c.kpis) {
      if (k.comparable) wanted.push_back(k.id);
    }
  }
  for (const std::string& entry : wanted) {
    for (const std::string& id : report_alternatives(entry)) {
      if (!e.knows(id) || !usable(id)) continue;
      p.key_figures.push_back(id);
      break;
    }
  }
  std::string headline = c.headline.empty() && !wanted.empty() ? report_alternatives(wanted.front()).front() : c.headline;
  std::string why;
  if (!headline.empty() && e.knows(headline) && e.can_compute(headline, &why) && has_values(headline)) {
    p.headline = headline;
  } else if (!p.key_figures.empty()) {
    p.headline = p.key_figures.front();
    std::string lacks = headline.empty() ? std::string() : e.lacking_measure(headline);
    if (!headline.empty())
      p.notes.push_back(textf(lang, "note_headline_missing", headline,
                                    !lacks.empty() ? textf(lang, "needs_measure", lacks) : !why.empty() ? why : why_no_values(e, headline, lang),
                                    p.headline));
  } else {
    std::vector<std::string> needs;
    std::string closest;
    for (const std::string& entry : wanted) {
      std::string id = report_alternatives(entry).back();
      std::string lacks = e.knows(id) ? e.lacking_measure(id) : std::string();
      if (!lacks.empty() && closest.empty()) closest = e.closest_column(lacks);
      needs.push_back(lacks.empty() ? id : fmt::format("{} needs {}", id, lacks));
    }
    throw DataError(fmt::format("{}: none of the report's key figures can be computed from these data: {} ({}){}",
                                fmt::join(e.data().sources, ", "), fmt::join(needs, ", "), e.measures_listed(), closest));
  }
  p.key_figures.erase(std::remove(p.key_figures.begin(), p.key_figures.end(), p.headline), p.key_figures.end());
  p.key_figures.insert(p.key_figures.begin(), p.headline);
  p.change_ids = {p.headline};
  for (const std::string& id : p.key_figures) {
    const KpiDef* def = c.find(id);
    if (id != p.headline && def && def->category == "productivity") {
      p.change_ids.push_back(id);
      break;
    }
  }
  for (const std::string& id : c.trend_ids) {
    if (e.knows(id) && usable(id)) p.trend_ids.push_back(id);
  }
  // Dropped ids that an alternative replaced are not missing from the report.
  std::vector<std::string> missing;
  for (const std::string& id : dropped) {
    bool replaced = false;
    for (const std::string& entry : wanted) {
      std::vector<std::string> alt = report_alternatives(entry);
      if (std::find(alt.begin(), alt.end(), id) != alt.end()) {
        for (const std::string& a : alt) replaced = replaced || std::find(p.key_figures.begin(), p.key_figures.end(), a) != p.key_figures.end();
      }
    }
    if (replaced || id == headline) continue;
    std::string lacks = e.lacking_measure(id);
    missing.push_back(lacks.empty() ? id : fmt::format("{} (needs {})", id, lacks));
  }
  if (!missing.empty()) p.notes.push_back(textf(lang, "note_dropped_kpis", fmt::join(missing, ", ")));
  return p;
}

}  // namespace nytta
