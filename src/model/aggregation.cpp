#include "nytta/model/aggregation.hpp"

#include <fmt/format.h>

namespace nytta {

std::string to_string(const Aggregation& a) {
  switch (a.kind) {
    case Aggregation::Kind::formula: return "formula";
    case Aggregation::Kind::sum: return "sum";
    case Aggregation::Kind::mean: return "mean";
    case Aggregation::Kind::weighted_mean: return fmt::format("weighted_mean({})", a.weight);
    case Aggregation::Kind::none: return "none";
  }
  return "formula";
}

std::optional<Aggregation::Kind> parse_aggregation_kind(std::string_view text) {
  if (text == "sum") return Aggregation::Kind::sum;
  if (text == "mean") return Aggregation::Kind::mean;
  if (text == "weighted_mean") return Aggregation::Kind::weighted_mean;
  if (text == "none") return Aggregation::Kind::none;
  if (text == "formula") return Aggregation::Kind::formula;
  return std::nullopt;
}

std::string to_string(const Range& r) {
  auto bound = [](double v) {
    if (std::isinf(v)) return std::string(v < 0 ? "−∞" : "∞");
    return fmt::format("{:g}", v);
  };
  return fmt::format("{}{}, {}{}", std::isinf(r.min) ? "(" : "[", bound(r.min), bound(r.max), std::isinf(r.max) ? ")" : "]");
}

}  // namespace nytta
