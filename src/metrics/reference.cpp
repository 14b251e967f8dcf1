#include "nytta/metrics/reference.hpp"

#include <algorithm>
#include <cmath>

#include "nytta/metrics/change.hpp"

namespace nytta {

double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return kMissing;
  double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  std::size_t lo = static_cast<std::size_t>(std::floor(h));
  std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Summary summarize(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return is_missing(v); }), values.end());
  Summary s;
  s.n = values.size();
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  double sum = 0.0;
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);
  double var = 0.0;
  for (double v : values) var += (v - s.mean) * (v - s.mean);
  s.sd = std::sqrt(var / static_cast<double>(s.n));
  s.min = values.front();
  s.max = values.back();
  s.q1 = quantile_sorted(values, 0.25);
  s.median = quantile_sorted(values, 0.5);
  s.q3 = quantile_sorted(values, 0.75);
  return s;
}

Summary summarize_rows(const std::vector<double>& values, const std::vector<std::size_t>& rows) {
  std::vector<double> v;
  v.reserve(rows.size());
  for (std::size_t r : rows) v.push_back(values[r]);
  return summarize(std::move(v));
}

std::optional<Against> parse_against(std::string_view text) {
  if (text == "national") return Against::national;
  if (text == "mean") return Against::mean;
  if (text == "median") return Against::median;
  if (text == "group") return Against::group;
  return std::nullopt;
}

std::string_view to_string(Against a) {
  switch (a) {
    case Against::national: return "national";
    case Against::mean: return "mean";
    case Against::median: return "median";
    case Against::group: return "group";
  }
  return "national";
}

double deviation_pct(double value, double reference) { return percent_change(reference, value); }

}  // namespace nytta
