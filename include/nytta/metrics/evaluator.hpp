#pragma once
// KPI values for every row of a Dataset, whether each value can be trusted, and national
// and group values per year.
//
// A KPI is its catalogue formula evaluated over whole columns; a formula refers to
// measures, to other KPIs, and to national(kpi). When the data lack a measure of the
// formula, the entry's fallback formula is used and a note says so; when they publish the
// KPI itself (a coverage share), the published figure is taken. Any missing input or a
// zero denominator gives a missing value for that row only. A measure value outside the
// catalogue's range for the measure (a negative count) is dropped as missing, with a note.
//
// Every value also gets a status. A value outside the range the KPI's meaning allows (a
// share of inhabitants above 1) is impossible, as is a row whose inputs are all there but
// give no number (cost > 0 and loans = 0); so is a KPI computed from an impossible one.
// Another KPI of that row that shares a measure with the impossible one is doubtful: one
// of the measures is wrong, and nothing says which.
// When the data widen a range (registered borrowers may exceed the population), values
// in the widened range are real but flagged: ranked, never the model to learn from.
//
// The national value of a KPI in a year is the official national row when the data have
// one with every measure the KPI needs. Otherwise it comes from the units whose value is
// there and possible, by the KPI's aggregation: by default its formula evaluated on the
// aggregated measures (a sum for counts and money, so a weighted average of ratios, never
// a mean of them; a mean or weighted mean for a published share or a score); or the mean,
// the weighted mean, or none. Both the official and the computed value are kept, so that a
// command can say when they differ. A group's value is found the same way, from its region
// row or its units.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "nytta/model/dataset.hpp"
#include "nytta/model/kpi.hpp"
#include "nytta/metrics/panel.hpp"

namespace nytta {

/// Something a reader must be told about how a KPI was computed.
struct KpiNote {
  enum class Kind { fallback, published, dropped, no_aggregate };
  Kind kind = Kind::fallback;
  std::string kpi;     // the KPI or measure concerned
  std::string detail;  // for dropped: what was dropped and where; for no_aggregate: why
  bool operator==(const KpiNote& o) const { return kind == o.kind && kpi == o.kpi && detail == o.detail; }
};

/// How far a value can be trusted. Ordered: a KPI takes the worst status of what it is
/// computed from.
enum class ValueStatus : std::uint8_t {
  ok,
  doubtful,      // shares a measure with an impossible value of the row (which measure is wrong is unknown): flagged
  widened,       // outside the catalogue's range, inside the data's widened range: real, flagged
  out_of_range,  // outside the range its meaning allows: impossible
  undefined,     // every input there, but no number (a zero denominator): impossible
};

/// Impossible values get no rank, are never a reference, never a model.
inline bool is_impossible(ValueStatus s) { return s >= ValueStatus::out_of_range; }

struct KpiColumn {
  std::string id;
  const KpiDef* def = nullptr;        // nullptr when id is a plain measure
  std::string formula;                // the formula used (the fallback when it was)
  std::vector<std::string> measures;  // every measure it depends on, sorted
  std::vector<std::string> kpis;      // every KPI it depends on (itself included), sorted
  std::vector<double> values;         // one per dataset row
  std::vector<ValueStatus> status;    // one per row; empty when every value is ok
  std::vector<KpiNote> notes;
  bool published = false;             // the data's published figure, not computed from measures
  bool doubt_checked = false;         // doubtful values marked (see Evaluator::mark_doubts)

  ValueStatus status_of(std::size_t row) const { return status.empty() ? ValueStatus::ok : status[row]; }
};

/// Where a national value came from.
struct NationalValue {
  double value = kMissing;
  bool from_aggregate_row = false;  // the official national (or region) row
  std::size_t units_summed = 0;     // units the computed value comes from
  double summed_value = kMissing;   // the computed value, for comparison with the official one
  Aggregation aggregation;          // how the computed value was formed
  std::vector<double> inputs;       // the aggregated measures (parallel to the column's measures)

  /// The computed value differs from the official row by more than tolerance.
  bool disagrees(double tolerance = 0.01) const;
};

class Evaluator {
 public:
  /// An evaluator of data and catalogue, which the caller keeps alive and unchanged for as
  /// long as the evaluator lives (tests, and commands that evaluate what they hold).
  Evaluator(const Dataset& data, const Catalogue& catalogue);
  /// An evaluator that shares what it evaluates, so that no one can replace the data under it.
  Evaluator(std::shared_ptr<const Dataset> data, std::shared_ptr<const Catalogue> catalogue);
  ~Evaluator();

  /// The column of a KPI or measure. Throws UsageError for an unknown id, DataError when
  /// the data lack what the KPI needs (naming the measure, the data's columns, the closest).
  const KpiColumn& column(const std::string& id);
  /// The measure the data lack for id, or "" (id can be computed, or fails otherwise).
  std::string lacking_measure(const std::string& id);
  /// "their measures: a, b, c and 4 more", for messages.
  std::string measures_listed() const;
  /// "; did you mean the column 'Utlan'?" for a measure the data lack, or "".
  std::string closest_column(const std::string& measure) const;
  /// True when the data can give id (no exception); why not in reason otherwise.
  bool can_compute(const std::string& id, std::string* reason = nullptr);
  /// The national value of a KPI or measure in year.
  const NationalValue& national(const std::string& id, int year);
  /// The same for the units of one group: the group's region row when the data have
  /// one, else from the group's units. group "" is the nation.
  const NationalValue& reference(const std::string& id, int year, const std::string& group);
  /// How a measure aggregates: the catalogue's measure entry, the data's declaration, none
  /// for a published KPI figure, else sum.
  Aggregation measure_aggregation(const std::string& measure) const;

  /// Why row's value of id is not ok, in a few words ("active_borrower_share 1.79 is
  /// outside [0, 1]"); "" when it is ok.
  std::string flag(const std::string& id, std::size_t row);

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
  const KpiColumn& evaluate(const std::string& id, std::vector<std::string>& stack);
  KpiColumn evaluate_measure(const std::string& id);
  void check_values(KpiColumn& col, const std::vector<const KpiColumn*>& inputs);
  void mark_doubts(KpiColumn& col);
  std::map<int, NationalValue> compute_reference(const KpiColumn& col, const std::string& group);

  mutable std::once_flag alias_once_;                             // closest_column's table:
  mutable std::map<std::string, std::string> header_by_alias_;  // measure → first header like it
  std::shared_ptr<const Dataset> owned_data_;  // empty unless shared in by the constructor
  std::shared_ptr<const Catalogue> owned_catalogue_;
  const Dataset& data_;
  const Catalogue& catalogue_;
  Panel panel_;
  Evaluator* parent_ = nullptr;  // set when this evaluator runs on per-year aggregates
  int busy_ = 0;                 // evaluations in progress: doubts are marked only outside them
  std::map<std::string, std::unique_ptr<KpiColumn>> columns_;
  std::vector<std::string> order_;
  std::map<std::pair<std::string, std::string>, std::map<int, NationalValue>> references_;
  std::map<std::string, std::vector<double>> broadcast_;
};

}  // namespace nytta
