#pragma once
// Charts made from a command's finished Tables, so that a command adds a chart with one
// line (`report.charts.push_back(ranked_bar_chart(report.tables[0], "benefit_index", r))`).
// Builders read columns by id and rows by their `kind` ("unit" or a reference such as
// "national"); they choose what to show and never compute a statistic the table lacks.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nytta/report/chart.hpp"
#include "nytta/report/table.hpp"

namespace nytta {

struct ChartRequest {
  std::string lang = "en";
  std::vector<std::string> highlight;  // units to stress: code or name, any case
  std::size_t max_bars = 60;           // more units than this: only the top and bottom `keep`
  std::size_t keep = 20;               //   and the highlighted ones are drawn
  bool ascending = false;              // bars from the smallest value (lower is better)
  std::optional<double> reference;     // a reference line here instead of the table's reference row
  std::string reference_label;
};

/// A request in the report's language, stressing the given units.
ChartRequest chart_request(std::string lang, std::vector<std::string> highlight = {});

/// Sorted bars of value_column, one per unit row (largest first); the reference row (kind
/// national, group or summary) gives a reference line. Ranks from a "rank" column are drawn
/// before the names. Beyond max_bars units: the top and bottom `keep` and the highlighted
/// units, with a note that says so. Also the sorted efficiency scores of a frontier.
Chart ranked_bar_chart(const Table& table, std::string_view value_column, const ChartRequest& request);

/// From trend's per-year table ("series": code, name, year, value, index, optional
/// real_value, kind): the values over the years (nominal, and real ones dashed) and the
/// index (base year = 100), each unit against the reference. More than seven units are
/// drawn thin and grey.
std::vector<Chart> trend_charts(const Table& series, const ChartRequest& request);

/// From quadrant's table (name, result, input, quadrant, quadrant_text, kind): every unit
/// at (input, result), the reference lines, the quadrants named in their corners (the
/// efficient one shaded), the highlighted units labelled.
Chart quadrant_chart(const Table& quadrant, const ChartRequest& request);

/// From compare's profile (label, deviation_pct, verdict, reference): the deviation of each
/// KPI from the reference as bars left and right of 0, coloured by the deviation cell's
/// tone (good = better, bad = worse by the KPI's direction).
Chart profile_chart(const Table& profile, const ChartRequest& request);

/// One unit (the first highlighted) against the other units of the table (its peers) on
/// value_columns: grouped bars, each value as a percentage of the unit's own (= 100).
/// Without a highlighted unit, the values as they are.
Chart peer_chart(const Table& table, const std::vector<std::string>& value_columns, const ChartRequest& request);

}  // namespace nytta
