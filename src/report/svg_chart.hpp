#pragma once
// Draws a Chart as one SVG element, for the HTML page (inline) and for -f svg (alone).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nytta/report/chart.hpp"

namespace nytta {

struct SvgOptions {
  std::string lang = "en";        // number style: en, sv, nb
  std::size_t index = 0;          // the chart's place in its report: ids are "nytta-c<index>-…"
  std::vector<std::string> footer;  // lines under the notes (a file on its own: source, catalogue)
};

struct SvgPicture {
  std::string markup;  // one <svg> element, with xmlns, so that it also stands alone
  int width = 0;
  int height = 0;
};

/// The chart drawn: presentation attributes only (no CSS, no script, no external font),
/// deterministic for the same chart and options.
SvgPicture render_svg(const Chart& chart, const SvgOptions& options);


/// Colour i of the palette for units (Okabe and Ito's colour-blind-safe set, ordered so that
/// neighbours also differ in lightness), as "#rrggbb".
std::string_view unit_colour(std::size_t i);

/// Colours of the other marks, by role.
struct ChartColours {
  static constexpr std::string_view bar = "#56B4E9";        // sky blue
  static constexpr std::string_view highlight = "#D55E00";  // vermillion
  static constexpr std::string_view better = "#0072B2";     // blue
  static constexpr std::string_view worse = "#E69F00";      // orange, hatched
  static constexpr std::string_view reference = "#000000";
  static constexpr std::string_view context = "#C8C8C8";
};

/// Relative luminance (WCAG 2) of "#rrggbb": 0 black … 1 white; what a greyscale print keeps.
double relative_luminance(std::string_view hex);

}  // namespace nytta
