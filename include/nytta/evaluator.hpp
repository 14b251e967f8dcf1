#pragma once
// KPI values for every row of a Dataset, and their national values per year.
//
// A KPI is its catalogue formula evaluated over whole columns; a formula refers to
// measures, to other KPIs, and to national(kpi). When the data lack a measure of the
// formula, the entry's fallback formula is used and a note says so. Any missing input or
// a zero denominator gives a missing value for that row only.
//
// The national value of a KPI in a year is the official national row when the data
// have one with every measure the KPI needs; otherwise the formula evaluated on the sums
// of those measures over all units that report all of them (a weighted average, never a
// mean of ratios). Both are kept, so that a command can say when they differ. A group's
// value is found the same way, from its region row or the sums of its units.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nytta/dataset.hpp"
#include "nytta/kpi.hpp"
#include "nytta/panel.hpp"

namespace nytta {

/// Something a reader must be told about how a KPI was computed.
struct KpiNote {
  enum class Kind { fallback, published };
  Kind kind = Kind::fallback;
  std::string kpi;
  bool operator==(const KpiNote& o) const { return kind == o.kind && kpi == o.kpi; }
};

struct KpiColumn {
  std::string id;
  const KpiDef* def = nullptr;        // nullptr when id is a plain measure
  std::string formula;                // the formula used (the fallback when it was)
  std::vector<std::string> measures;  // every measure it depends on, sorted
  std::vector<std::string> kpis;      // every KPI it depends on (itself included), sorted
  std::vector<double> values;         // one per dataset row
  std::vector<KpiNote> notes;
  bool additive = true;  // false for a published ratio: sums of it mean nothing
};

/// Where a national value came from.
struct NationalValue {
  double value = kMissing;
  bool from_aggregate_row = false;  // the official national row
  std::size_t units_summed = 0;     // units in the sum, when it is a sum
  double summed_value = kMissing;   // the value from the sum, for comparison

  /// The sum of the units differs from the official row by more than tolerance.
  bool disagrees(double tolerance = 0.01) const;
};

class Evaluator {
 public:
  Evaluator(const Dataset& data, const Catalogue& catalogue);
  ~Evaluator();

  /// The column of a KPI or measure. Throws UsageError for an unknown id, DataError when
  /// the data lack what the KPI needs.
  const KpiColumn& column(const std::string& id);
  /// The national value of a KPI or measure in year.
  const NationalValue& national(const std::string& id, int year);
  /// The same for the units of one group: the group's region row when the data have
  /// one, else the formula on the sums of the group's units. group "" is the nation.
  const NationalValue& reference(const std::string& id, int year, const std::string& group);

  /// True when id is a KPI of the catalogue or a measure of the data.
  bool knows(const std::string& id) const;
  /// KPI ids and measure names, for suggestions.
  std::vector<std::string> known_ids() const;

  const Dataset& data() const { return data_; }
  const Catalogue& catalogue() const { return catalogue_; }
  const Panel& panel() const { return panel_; }
  /// Notes of every column evaluated so far, without repetition, in order.
  std::vector<KpiNote> notes() const;
  /// Every KPI evaluated so far (for the definitions hash).
  std::vector<std::string> used_kpis() const;

 private:
  struct Resolution;
  const KpiColumn& evaluate(const std::string& id, std::vector<std::string>& stack);
  std::optional<std::string> missing_input(const std::string& formula, const KpiDef& def,
                                           std::vector<std::string>& stack);
  std::map<int, NationalValue> compute_reference(const KpiColumn& col, const std::string& group);

  const Dataset& data_;
  const Catalogue& catalogue_;
  Panel panel_;
  Evaluator* parent_ = nullptr;  // set when this evaluator runs on per-year aggregates
  std::map<std::string, std::unique_ptr<KpiColumn>> columns_;
  std::vector<std::string> order_;
  std::map<std::pair<std::string, std::string>, std::map<int, NationalValue>> references_;
  std::map<std::string, std::vector<double>> broadcast_;
};

}  // namespace nytta
