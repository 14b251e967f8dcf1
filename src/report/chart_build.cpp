// Charts from tables. A command's Tables already hold every number a chart needs (the
// ranking with its national row, trend's per-year series with index and real values,
// compare's deviations with their better/worse tone), so the builders only pick rows and
// columns, order them, and choose what to leave out: a bar chart of 286 municipalities is
// unreadable, so beyond 60 only the top and bottom 20 and the units the user asked for are
// drawn, and the chart says so. Reading tables by column id keeps the commands untouched
// but for one line each, and lets a future command (the DEA frontier) reuse the builders on
// its own tables. Texts the tables lack (the notes) come from the label catalogue, so the
// charts speak the report's language.

#include "nytta/report/chart_build.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>

#include "nytta/report/labels.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

constexpr std::size_t kMaxColouredUnits = 7;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::size_t require_column(const Table& t, std::string_view id) {
  std::optional<std::size_t> c = t.column_index(id);
  if (!c) throw std::invalid_argument(fmt::format("chart: table '{}' has no column '{}'", t.id, id));
  return *c;
}

const Cell& cell_at(const std::vector<Cell>& row, std::optional<std::size_t> c) {
  static const Cell empty;
  return c && *c < row.size() ? row[*c] : empty;
}

std::string text_of(const std::vector<Cell>& row, std::optional<std::size_t> c) {
  const Cell& cell = cell_at(row, c);
  if (const std::string* s = cell.text()) return *s;
  if (const double* v = cell.number_value()) return fmt::format("{}", *v);
  return {};
}

double number_of(const std::vector<Cell>& row, std::optional<std::size_t> c) {
  const double* v = cell_at(row, c).number_value();
  return v ? *v : kNaN;
}

// A row stands for a unit unless its kind says it is a reference (national, group, summary).
bool is_unit_row(const std::vector<Cell>& row, std::optional<std::size_t> kind) {
  if (!kind) return true;
  std::string k = text_of(row, kind);
  return k.empty() || k == "unit";
}

bool is_highlighted(const std::vector<std::string>& wanted, const std::string& code, const std::string& name) {
  for (const std::string& w : wanted) {
    std::string key = fold_case(trim(w));
    if (key.empty()) continue;
    if ((!code.empty() && fold_case(code) == key) || fold_case(name) == key) return true;
  }
  return false;
}

ChartAxis axis_of(const Column& c) {
  ChartAxis a;
  a.label = c.label;
  a.unit = c.unit;
  a.precision = c.precision;
  a.grouping = c.grouping;
  return a;
}

struct UnitValue {
  std::size_t row;
  double value;
};

}  // namespace

ChartRequest chart_request(std::string lang, std::vector<std::string> highlight) {
  ChartRequest r;
  r.lang = std::move(lang);
  r.highlight = std::move(highlight);
  return r;
}

Chart ranked_bar_chart(const Table& table, std::string_view value_column, const ChartRequest& request) {
  const std::size_t vc = require_column(table, value_column);
  const std::optional<std::size_t> name = table.column_index("name"), code = table.column_index("code"),
                                   kind = table.column_index("kind"), rank = table.column_index("rank");
  const std::string& lang = request.lang;
  Chart chart;
  chart.kind = ChartKind::bar;
  chart.id = table.id;
  chart.title = table.title;
  chart.x = axis_of(table.columns[vc]);

  std::vector<UnitValue> units;
  std::size_t without = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<Cell>& row = table.rows[r];
    double v = number_of(row, vc);
    if (!is_unit_row(row, kind)) {
      if (!request.reference && chart.lines.empty() && std::isfinite(v))
        chart.lines.push_back(ReferenceLine{true, v, text_of(row, name)});
      continue;
    }
    if (!std::isfinite(v)) {
      ++without;
      continue;
    }
    units.push_back(UnitValue{r, v});
  }
  if (request.reference) chart.lines.push_back(ReferenceLine{true, *request.reference, request.reference_label});
  std::stable_sort(units.begin(), units.end(), [&](const UnitValue& a, const UnitValue& b) {
    return request.ascending ? a.value < b.value : a.value > b.value;
  });

  const std::size_t n = units.size();
  const bool cut = n > request.max_bars && 2 * request.keep < n;
  ChartSeries series;
  series.name = chart.x.label;
  std::vector<std::string> also;
  bool skipped = false;
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<Cell>& row = table.rows[units[i].row];
    bool kept = !cut || i < request.keep || i >= n - request.keep;
    if (!kept && request.highlight.empty()) {  // the common case of a large table: no copies
      skipped = true;
      continue;
    }
    std::string unit_name = text_of(row, name);
    bool high = is_highlighted(request.highlight, text_of(row, code), unit_name);
    if (!kept && !high) {
      skipped = true;
      continue;
    }
    if (!kept) also.push_back(unit_name);
    ChartPoint p;
    p.label = unit_name;
    p.y = units[i].value;
    double rk = number_of(row, rank);
    if (std::isfinite(rk)) p.tag = fmt::format("{:.0f}", rk);
    p.highlight = high;
    p.gap_before = skipped;
    skipped = false;
    series.points.push_back(std::move(p));
  }
  chart.series.push_back(std::move(series));
  if (cut) chart.notes.push_back(textf(lang, "chart_top_bottom", request.keep, request.keep, n));
  if (!also.empty()) chart.notes.push_back(textf(lang, "chart_highlighted", fmt::format("{}", fmt::join(also, ", "))));
  if (without > 0) chart.notes.push_back(textf(lang, "chart_without_value", without));
  return chart;
}

std::vector<Chart> trend_charts(const Table& series, const ChartRequest& request) {
  const std::string& lang = request.lang;
  const std::size_t year = require_column(series, "year"), value = require_column(series, "value"),
                    index = require_column(series, "index");
  const std::optional<std::size_t> name = series.column_index("name"), code = series.column_index("code"),
                                   kind = series.column_index("kind"), real = series.column_index("real_value");

  // Rows come line by line (each unit's years in order); a new code or name starts a line.
  struct Line {
    std::string name;
    bool unit = true;
    std::vector<std::size_t> rows;
  };
  std::vector<Line> lines;
  std::string last_key;
  for (std::size_t r = 0; r < series.rows.size(); ++r) {
    const std::vector<Cell>& row = series.rows[r];
    std::string key = text_of(row, code) + '\x1f' + text_of(row, name) + '\x1f' + text_of(row, kind);
    if (lines.empty() || key != last_key) lines.push_back(Line{text_of(row, name), is_unit_row(row, kind), {}});
    last_key = key;
    lines.back().rows.push_back(r);
  }
  std::size_t unit_lines = 0;
  for (const Line& l : lines) unit_lines += l.unit ? 1 : 0;
  const bool crowd = unit_lines > kMaxColouredUnits;

  double first = kNaN, last = kNaN;
  for (const std::vector<Cell>& row : series.rows) {
    double y = number_of(row, year);
    if (!std::isfinite(y)) continue;
    first = std::isfinite(first) ? std::min(first, y) : y;
    last = std::isfinite(last) ? std::max(last, y) : y;
  }
  const Column& value_col = series.columns[value];
  ChartAxis years = axis_of(series.columns[year]);
  years.integer = true;
  years.grouping = false;
  years.precision = 0;

  auto make = [&](std::optional<std::size_t> column, std::optional<std::size_t> dashed_column, std::string title, ChartAxis y_axis) {
    Chart c;
    c.kind = ChartKind::line;
    c.title = std::move(title);
    c.x = years;
    c.y = std::move(y_axis);
    int colour = 0;
    for (const Line& l : lines) {
      for (std::optional<std::size_t> col : {column, dashed_column}) {
        if (!col) continue;
        ChartSeries s;
        const bool dashed = col == dashed_column;
        s.name = dashed ? l.name + ", " + fold_first(series.columns[*col].label) : l.name;
        s.role = !l.unit ? SeriesRole::reference : crowd ? SeriesRole::context : SeriesRole::unit;
        s.dashed = dashed;
        if (s.role == SeriesRole::unit) s.colour = colour;
        for (std::size_t r : l.rows) {
          ChartPoint p;
          p.label = l.name;
          p.x = number_of(series.rows[r], year);
          p.y = number_of(series.rows[r], col);
          s.points.push_back(std::move(p));
        }
        c.series.push_back(std::move(s));
      }
      if (l.unit && !crowd) ++colour;
    }
    if (crowd) c.notes.push_back(textf(lang, "chart_context_units", unit_lines));
    return c;
  };

  std::string span = std::isfinite(first) ? fmt::format(" {:.0f}–{:.0f}", first, last) : std::string();
  std::vector<Chart> charts;
  Chart values = make(value, real, value_col.label + span, axis_of(value_col));
  values.id = series.id + "_values";
  values.legend = true;
  charts.push_back(std::move(values));

  ChartAxis index_axis = axis_of(series.columns[index]);
  Chart indexed = make(index, std::nullopt, value_col.label + ": " + fold_first(series.columns[index].label), index_axis);
  indexed.id = series.id + "_index";
  indexed.lines.push_back(ReferenceLine{false, 100.0, "", false});
  indexed.legend = true;
  charts.push_back(std::move(indexed));
  return charts;
}

Chart quadrant_chart(const Table& quadrant, const ChartRequest& request) {
  const std::size_t result = require_column(quadrant, "result"), input = require_column(quadrant, "input");
  const std::optional<std::size_t> name = quadrant.column_index("name"), code = quadrant.column_index("code"),
                                   kind = quadrant.column_index("kind"), which = quadrant.column_index("quadrant"),
                                   text = quadrant.column_index("quadrant_text");
  Chart chart;
  chart.kind = ChartKind::scatter;
  chart.id = quadrant.id;
  chart.title = quadrant.title;
  chart.x = axis_of(quadrant.columns[input]);
  chart.y = axis_of(quadrant.columns[result]);

  double rref = kNaN, iref = kNaN;
  ChartSeries points;
  points.name = quadrant.title;
  // Which side is "good": read off the units, as the table says where each one lies.
  std::optional<bool> good_above;
  std::vector<std::pair<std::string, std::string>> names;  // quadrant id → its text
  std::vector<std::pair<std::size_t, std::string>> pending;
  for (const std::vector<Cell>& row : quadrant.rows) {
    if (!is_unit_row(row, kind)) {
      if (!std::isfinite(rref)) {
        rref = number_of(row, result);
        iref = number_of(row, input);
        chart.lines.push_back(ReferenceLine{true, iref, text_of(row, name)});
        chart.lines.push_back(ReferenceLine{false, rref, text_of(row, name)});
      }
      continue;
    }
    ChartPoint p;
    p.label = text_of(row, name);
    p.x = number_of(row, input);
    p.y = number_of(row, result);
    p.highlight = is_highlighted(request.highlight, text_of(row, code), p.label);
    std::string q = text_of(row, which);
    if (!q.empty() && std::none_of(names.begin(), names.end(), [&](const auto& n) { return n.first == q; }))
      names.emplace_back(q, text_of(row, text));
    if (!q.empty()) pending.emplace_back(points.points.size(), q);
    points.points.push_back(std::move(p));
  }
  for (const auto& [at, q] : pending) {
    if (good_above || !std::isfinite(rref)) break;
    double y = points.points[at].y;
    if (y == rref) continue;
    bool good = q == "efficient" || q == "generous";
    good_above = good == (y > rref);
  }
  chart.series.push_back(std::move(points));
  const bool above = good_above.value_or(true);
  for (const auto& [q, label] : names) {
    if (label.empty()) continue;
    bool good = q == "efficient" || q == "generous";
    bool small = q == "efficient" || q == "frugal";
    bool top = good == above;
    Corner c = top ? (small ? Corner::top_left : Corner::top_right) : (small ? Corner::bottom_left : Corner::bottom_right);
    chart.corners.push_back(CornerLabel{c, label, q == "efficient"});
  }
  std::stable_sort(chart.corners.begin(), chart.corners.end(),
                   [](const CornerLabel& a, const CornerLabel& b) { return a.corner < b.corner; });
  return chart;
}

Chart profile_chart(const Table& profile, const ChartRequest& request) {
  const std::string& lang = request.lang;
  const std::size_t deviation = require_column(profile, "deviation_pct");
  const std::optional<std::size_t> label = profile.column_index("label"), verdict = profile.column_index("verdict"),
                                   reference = profile.column_index("reference"), kind = profile.column_index("kind");
  Chart chart;
  chart.kind = ChartKind::bar;
  chart.id = profile.id;
  chart.title = profile.title;
  chart.x = axis_of(profile.columns[deviation]);
  chart.x.signed_values = true;
  if (reference) chart.lines.push_back(ReferenceLine{true, 0.0, profile.columns[*reference].label, false});
  ChartSeries s;
  s.name = chart.x.label;
  std::size_t without = 0;
  for (const std::vector<Cell>& row : profile.rows) {
    if (!is_unit_row(row, kind)) continue;
    const Cell& d = cell_at(row, deviation);
    ChartPoint p;
    p.label = text_of(row, label);
    p.y = number_of(row, deviation);
    if (!std::isfinite(p.y)) {
      ++without;
      continue;
    }
    p.verdict = d.tone == Tone::good ? Verdict::better : d.tone == Tone::bad ? Verdict::worse : Verdict::none;
    if (p.verdict == Verdict::better && chart.better_label.empty()) chart.better_label = text_of(row, verdict);
    if (p.verdict == Verdict::worse && chart.worse_label.empty()) chart.worse_label = text_of(row, verdict);
    s.points.push_back(std::move(p));
  }
  chart.series.push_back(std::move(s));
  if (without > 0) chart.notes.push_back(textf(lang, "chart_without_value", without));
  return chart;
}

Chart peer_chart(const Table& table, const std::vector<std::string>& value_columns, const ChartRequest& request) {
  const std::string& lang = request.lang;
  std::vector<std::size_t> cols;
  for (const std::string& id : value_columns) cols.push_back(require_column(table, id));
  const std::optional<std::size_t> name = table.column_index("name"), code = table.column_index("code"),
                                   kind = table.column_index("kind");
  Chart chart;
  chart.kind = ChartKind::bar;
  chart.id = table.id + "_peers";
  chart.title = table.title;
  chart.legend = true;

  std::vector<std::size_t> rows;
  std::optional<std::size_t> own;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<Cell>& row = table.rows[r];
    if (!is_unit_row(row, kind)) continue;
    if (!own && is_highlighted(request.highlight, text_of(row, code), text_of(row, name))) {
      own = r;
      rows.insert(rows.begin(), r);
    } else {
      rows.push_back(r);
    }
  }
  if (rows.size() > kMaxColouredUnits) rows.resize(kMaxColouredUnits);
  if (own) {
    std::string who = text_of(table.rows[*own], name);
    chart.x.label = textf(lang, "chart_of_unit", who);
    chart.x.precision = 0;
    chart.lines.push_back(ReferenceLine{true, 100.0, who, false});
  } else if (!cols.empty()) {
    chart.x = axis_of(table.columns[cols.front()]);
    chart.x.label.clear();
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const std::vector<Cell>& row = table.rows[rows[k]];
    ChartSeries s;
    s.name = text_of(row, name);
    s.colour = static_cast<int>(k);
    for (std::size_t c : cols) {
      ChartPoint p;
      p.label = table.columns[c].label;
      if (!table.columns[c].unit.empty()) p.label += " [" + table.columns[c].unit + "]";
      double v = number_of(row, c);
      if (own) {
        double base = number_of(table.rows[*own], c);
        v = std::isfinite(v) && std::isfinite(base) && base != 0 ? 100.0 * v / base : kNaN;
      }
      p.y = v;
      p.highlight = own && rows[k] == *own;
      s.points.push_back(std::move(p));
    }
    chart.series.push_back(std::move(s));
  }
  return chart;
}

}  // namespace nytta
