#pragma once
// How a measure or a KPI becomes one value for the nation or a group. Counts, money and
// people add up (`sum`); a published share or a survey score does not: summing the
// coverage of eleven municipalities gives nonsense, so such a figure is averaged over the
// units (`mean`), or averaged with weights, e.g. by the children the share is a share of
// (`weighted_mean` by a measure). `none` means the figure has no national value. A KPI
// defined by a formula normally gets the formula evaluated on the aggregated measures
// (`formula`), which for ratios of sums is the weighted average, never a mean of ratios.
//
// The same vocabulary is read from KPI catalogues, mapping files and the directives of a
// canonical CSV file, so it lives here, below the loader and the metrics.

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace nytta {

struct Aggregation {
  enum class Kind { formula, sum, mean, weighted_mean, none };
  Kind kind = Kind::formula;
  std::string weight;  // the measure weighting a weighted_mean

  bool operator==(const Aggregation& o) const { return kind == o.kind && weight == o.weight; }
};

/// "sum", "mean", "weighted_mean(children_1_2)", "none" or "formula".
std::string to_string(const Aggregation& a);

/// Parses a kind name ("sum", "mean", "weighted_mean", "none", "formula"); the weight is
/// read separately. nullopt for anything else.
std::optional<Aggregation::Kind> parse_aggregation_kind(std::string_view text);

/// The names parse_aggregation_kind accepts, for messages.
inline constexpr std::string_view kAggregationNames = "sum, mean, weighted_mean, none";

/// The values a KPI or measure can take by its meaning: outside them a value is not a
/// fact about the unit but an error in the data (a share of inhabitants above 1).
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();

  bool contains(double v) const { return !(v < min) && !(v > max); }
  bool operator==(const Range& o) const { return min == o.min && max == o.max; }
};

/// "[0, 1]", "[0, ∞)", "(−∞, 5]".
std::string to_string(const Range& r);

}  // namespace nytta
