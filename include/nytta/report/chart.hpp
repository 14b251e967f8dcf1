#pragma once
// A chart as data: what a command wants drawn, with every number already in it. Builders
// (src/report/chart_build.hpp) make Charts from a command's finished Tables; the HTML and
// SVG writers draw them through one renderer. Plain structs, no drawing code.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace nytta {

/// How a bar reads against its reference, by the KPI's direction.
enum class Verdict : std::uint8_t { none, better, worse };

/// bar: one horizontal bar per category, categories top to bottom, the values along x
///      (several series give grouped bars); 0 is always on the axis.
/// line: x is numeric (years), each series a line through its points.
/// scatter: each point at (x, y).
enum class ChartKind : std::uint8_t { bar, line, scatter };

struct ChartAxis {
  std::string label;   // "Benefit index", "Year"
  std::string unit;    // "EUR", "%", "index"; shown after the label; may be empty
  int precision = 2;   // decimals of value labels (ticks choose their own)
  bool grouping = true;  // thousands grouping in ticks and labels (off for years)
  bool integer = false;  // ticks only at whole numbers (years)
  bool signed_values = false;  // value labels with a + for positive numbers (deviations)
};

struct ChartPoint {
  std::string label;  // bar: the category ("Helsinki"); line and scatter: the point's name
  double x = std::numeric_limits<double>::quiet_NaN();  // line and scatter
  double y = std::numeric_limits<double>::quiet_NaN();  // the value (bar: the bar's length)
  std::string tag;        // short text before a bar's label, drawn lighter (a rank: "12")
  Verdict verdict = Verdict::none;  // bar: coloured and patterned by it
  bool highlight = false;  // a unit the user asked for: drawn darker and labelled
  bool gap_before = false;  // bar: rows were left out before this one ("…")
};

enum class SeriesRole : std::uint8_t {
  unit,       // a unit's line or bars: a colour of the palette
  reference,  // the nation (or the reference) in a line chart: black and thick
  context,    // one of many units: thin and grey, no legend entry
};

struct ChartSeries {
  std::string name;  // legend text
  SeriesRole role = SeriesRole::unit;
  bool dashed = false;  // the same unit in another measure (real terms)
  int colour = -1;      // palette index; -1 = by order among the unit series
  std::vector<ChartPoint> points;
};

/// A straight line across the plot at a value: the national value, 0, 100.
struct ReferenceLine {
  bool vertical = true;  // at x = value (bar, scatter) or, when false, at y = value
  double value = std::numeric_limits<double>::quiet_NaN();
  std::string label;      // "Koko maa"
  bool show_value = true;  // the value after the label: "Koko maa 100.0"
};

enum class Corner : std::uint8_t { top_left, top_right, bottom_left, bottom_right };

/// A text in a corner of the plot (the four quadrants); shaded marks a corner to stress.
struct CornerLabel {
  Corner corner = Corner::top_left;
  std::string text;
  bool shaded = false;
};

struct Chart {
  ChartKind kind = ChartKind::bar;
  std::string id;     // "ranking": what it shows, for tests and the page
  std::string title;  // drawn at the top
  ChartAxis x, y;     // bar: x is the value axis, y the categories (its label unused)
  std::vector<ChartSeries> series;
  std::vector<ReferenceLine> lines;
  std::vector<CornerLabel> corners;
  std::vector<std::string> notes;  // drawn under the plot: "top and bottom 20 of 286 shown"
  bool legend = false;             // draw a legend of the unit and reference series
  std::string better_label, worse_label;  // legend of bars with a verdict ("better", "worse")
};

}  // namespace nytta
