// The one renderer of charts. The HTML page and `-f svg` share it, so a chart pasted into a
// slide looks like the one in the report. It formats and places; it computes no statistic:
// every value, reference line and note comes from the Chart (only tick positions, from
// chart_scale, are decided here). SVG is written by hand because the marks are few and
// simple, and because a hand-written writer can promise what a library would not: no
// script, no external resource, presentation attributes only (slide programs ignore CSS),
// ids derived from the chart's index (no random ids, no timestamps: the same input gives
// the same bytes), and every text from the data escaped, in <text>, in <title> tooltips and
// in attributes. Text widths are estimated from the number of characters, as no font
// metrics are at hand; long names are cut with "…" and stay whole in their tooltip.
// Colours are Okabe and Ito's colour-blind-safe set; pairs that must be told apart (better
// and worse, a highlighted bar and the others) also differ in lightness, and "worse" is
// hatched, so that neither a greyscale print nor red-green blindness loses the meaning.

#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <iterator>
#include <string>

#include "report/svg_painter.hpp"
#include "nytta/report/markup.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::string_view unit_colour(std::size_t i) { return svg::kUnitColours[i % std::size(svg::kUnitColours)]; }

double relative_luminance(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return 0;
  auto channel = [&](std::size_t at) {
    double c = std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

SvgPicture render_svg(const Chart& chart, const SvgOptions& options) { return svg::Painter(chart, options).paint(); }

}  // namespace nytta
