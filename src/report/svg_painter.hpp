#pragma once
// The painter of svg_chart.cpp: the chart's frame, title, notes, legend, axes and markers
// here; its three kinds of marks in their own files (svg_bars.cpp, svg_lines.cpp). Private
// to the report layer; see svg_chart.cpp for what the SVG promises.

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "report/chart_scale.hpp"
#include "report/svg_chart.hpp"
#include "nytta/report/markup.hpp"
#include "nytta/util/text.hpp"

namespace nytta::svg {


constexpr int kWidth = 760;
constexpr int kMargin = 12;
constexpr double kFont = 12;
constexpr double kSmall = 11;
constexpr double kTitleFont = 15;
constexpr std::size_t kMaxLabelChars = 44;
constexpr const char* kFontFamily = "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";
constexpr const char* kInk = "#222222";
constexpr const char* kMuted = "#595959";
constexpr const char* kGrid = "#E3E3E3";
constexpr const char* kAxis = "#444444";

// Neighbours differ in lightness as well as hue (vermillion dark, sky blue light, …);
// yellow comes last, being too light for a thin line on white.
constexpr std::string_view kUnitColours[] = {"#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"};

// A coordinate: one decimal, never "-0.0".
inline std::string num(double v) {
  double r = std::round(v * 10) / 10;
  if (r == 0) r = 0;
  return fmt::format("{:.1f}", r);
}

inline double text_width(std::string_view s, double size, bool bold = false) {
  return static_cast<double>(utf8_length(s)) * size * (bold ? 0.6 : 0.55);
}

// Words onto lines of at most max_chars; at most max_lines, the last cut with "…".
inline std::vector<std::string> wrap(std::string_view text, std::size_t max_chars, std::size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string word(text.substr(start, end - start));
    start = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && utf8_length(line) + 1 + utf8_length(word) > max_chars) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  for (std::string& l : lines) l = truncate_utf8(l, max_chars);
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    std::string& last = lines.back();
    bool cut = last.size() >= 3 && last.compare(last.size() - 3, 3, "…") == 0;
    if (!cut) last = truncate_utf8(last + "…", max_chars);
  }
  return lines;
}

inline std::string axis_title(const ChartAxis& a) {
  if (a.unit.empty()) return a.label;
  return a.label + " [" + a.unit + "]";
}

class Painter {
 public:
  Painter(const Chart& chart, const SvgOptions& options) : chart_(chart), o_(options) {
    prefix_ = fmt::format("nytta-c{}", options.index);
  }

  SvgPicture paint() {
    switch (chart_.kind) {
      case ChartKind::bar: bars(); break;
      case ChartKind::line: lines(); break;
      case ChartKind::scatter: scatter(); break;
    }
    SvgPicture p;
    p.width = width_;
    p.height = static_cast<int>(std::ceil(y_ + kMargin));
    std::string& m = p.markup;
    m += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nytta-chart\" id=\"{}\" data-chart=\"{}\" data-kind=\"{}\" "
        "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" font-family=\"{}\" "
        "font-size=\"{}\" fill=\"{}\">\n",
        prefix_, markup_escape(chart_.id), kind_name(), p.width, p.height, p.width, p.height, markup_escape(chart_.title),
        kFontFamily, kFont, kInk);
    if (!defs_.empty()) m += "<defs>" + defs_ + "</defs>\n";
    m += fmt::format("<rect class=\"background\" width=\"{}\" height=\"{}\" fill=\"#FFFFFF\"/>\n", p.width, p.height);
    m += head_;
    m += body_;
    m += "</svg>\n";
    return p;
  }

 private:
  const Chart& chart_;
  const SvgOptions& o_;
  std::string prefix_;
  std::string defs_, head_, body_;
  int width_ = kWidth;
  double y_ = kMargin;  // the next free line from the top

  const char* kind_name() const {
    switch (chart_.kind) {
      case ChartKind::bar: return "bar";
      case ChartKind::line: return "line";
      case ChartKind::scatter: return "scatter";
    }
    return "bar";
  }

  std::string* sink_ = &body_;  // where put() writes: the body, or a layer drawn later

  template <typename... Args>
  void put(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(*sink_), f, std::forward<Args>(args)...);
  }

  std::string value_text(double v, const ChartAxis& a, bool with_unit) const {
    if (!std::isfinite(v)) return "–";
    std::string s = chart_number(v, a.precision, o_.lang, a.grouping);
    if (a.signed_values && v > 0 && s.find_first_not_of("0.,") != std::string::npos) s = "+" + s;
    if (with_unit && !a.unit.empty()) s += " " + a.unit;
    return s;
  }

  std::string tick_text(double v, const Scale& s, const ChartAxis& a) const {
    return chart_number(v, s.decimals, o_.lang, a.grouping);
  }

  // A text element; the content is escaped here and nowhere else.
  void text(double x, double y, std::string_view content, const char* anchor = "start", double size = kFont,
            const char* fill = nullptr, bool bold = false, const char* cls = nullptr) {
    put("<text x=\"{}\" y=\"{}\"", num(x), num(y));
    if (cls) put(" class=\"{}\"", cls);
    if (std::string_view(anchor) != "start") put(" text-anchor=\"{}\"", anchor);
    if (size != kFont) put(" font-size=\"{}\"", size);
    if (fill) put(" fill=\"{}\"", fill);
    if (bold) put(" font-weight=\"bold\"");
    // Texts that may lie on lines or marks get a white halo, so they stay readable.
    std::string_view c = cls ? cls : "";
    if (c == "value" || c == "corner" || c == "reference-label")
      put(" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
    put(">{}</text>\n", markup_escape(content));
  }

  // The title at the top, wrapped onto at most three lines.
  void title() {
    std::size_t max_chars = static_cast<std::size_t>((width_ - 2 * kMargin) / (kTitleFont * 0.6));
    y_ = kMargin;
    for (const std::string& line : wrap(chart_.title, max_chars, 3)) {
      y_ += kTitleFont * 1.3;
      fmt::format_to(std::back_inserter(head_), "<text class=\"title\" x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\">{}</text>\n",
                     kMargin, num(y_ - 4), kTitleFont, markup_escape(line));
    }
    y_ += 6;
  }

  // Notes and footer lines under everything else.
  void notes() {
    std::size_t max_chars = static_cast<std::size_t>((width_ - 2 * kMargin) / (kSmall * 0.55));
    std::vector<std::string> all = chart_.notes;
    all.insert(all.end(), o_.footer.begin(), o_.footer.end());
    if (!all.empty()) y_ += 4;
    for (const std::string& n : all) {
      for (const std::string& line : wrap(n, max_chars, 4)) {
        y_ += kSmall * 1.4;
        text(kMargin, y_, line, "start", kSmall, kMuted, false, "note");
      }
    }
  }

  // Swatch, text: one entry of a legend laid out in rows across the width.
  struct LegendEntry {
    std::string swatch;  // markup drawn with its left middle at (0, 0)
    std::string text;
    double swatch_width = 14;
  };

  void legend(const std::vector<LegendEntry>& entries) {
    if (entries.empty()) return;
    double x = kMargin;
    y_ += 18;
    put("<g class=\"legend\">\n");
    for (const LegendEntry& e : entries) {
      std::string label = truncate_utf8(e.text, 60);
      double w = e.swatch_width + 6 + text_width(label, kSmall) + 18;
      if (x > kMargin && x + w > width_ - kMargin) {
        x = kMargin;
        y_ += 18;
      }
      put("<g transform=\"translate({},{})\">{}</g>\n", num(x), num(y_ - 4), e.swatch);
      if (label != e.text) put("<g><title>{}</title>", markup_escape(e.text));
      text(x + e.swatch_width + 6, y_, label, "start", kSmall);
      if (label != e.text) put("</g>");
      x += w;
    }
    put("</g>\n");
  }

  std::string hatch_id() const { return prefix_ + "-worse"; }

  void define_hatch() {
    defs_ = fmt::format(
        "<pattern id=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
        "<rect width=\"6\" height=\"6\" fill=\"{}\"/><rect width=\"2\" height=\"6\" fill=\"#8F5F00\"/></pattern>",
        hatch_id(), ChartColours::worse);
  }

  std::string bar_fill(const ChartPoint& p, const ChartSeries& s, std::size_t series_index, std::size_t unit_series) const {
    if (p.verdict == Verdict::better) return std::string(ChartColours::better);
    if (p.verdict == Verdict::worse) return "url(#" + hatch_id() + ")";
    if (unit_series > 1) return std::string(unit_colour(s.colour >= 0 ? static_cast<std::size_t>(s.colour) : series_index));
    return std::string(p.highlight ? ChartColours::highlight : ChartColours::bar);
  }

  // ----- horizontal bars -------------------------------------------------------------

  void bars();

  std::string reference_text(const ReferenceLine& l, const ChartAxis& a) const {
    if (!l.show_value) return l.label;
    std::string v = value_text(l.value, a, false);
    return l.label.empty() ? v : l.label + " " + v;
  }

  // ----- lines over years --------------------------------------------------------------

  // A marker of shape k centred on (x, y).
  std::string marker(std::size_t shape, double x, double y, std::string_view colour, bool hollow) const {
    std::string fill = hollow ? "#FFFFFF" : std::string(colour);
    std::string common = fmt::format("fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"", fill, colour);
    switch (shape % 5) {
      case 0: return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" {}", num(x), num(y), common);
      case 1: return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" {}", num(x - 3.5), num(y - 3.5), common);
      case 2:
        return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" {}", num(x), num(y - 4.5), num(x + 4.5), num(y + 3.5), num(x - 4.5),
                           num(y + 3.5), common);
      case 3:
        return fmt::format("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" {}", num(x), num(y - 5), num(x + 5), num(y), num(x), num(y + 5),
                           num(x - 5), num(y), common);
      default:
        return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" {}", num(x), num(y + 4.5), num(x + 4.5), num(y - 3.5), num(x - 4.5),
                           num(y - 3.5), common);
    }
  }

  struct SeriesLook {
    std::string colour;
    double width = 2;
    std::size_t shape = 0;
    bool markers = true;
  };

  std::vector<SeriesLook> looks() const {
    std::vector<SeriesLook> out;
    std::size_t next = 0;
    for (const ChartSeries& s : chart_.series) {
      SeriesLook l;
      if (s.role == SeriesRole::reference) {
        l.colour = std::string(ChartColours::reference);
        l.width = 2.5;
        l.shape = 0;
      } else if (s.role == SeriesRole::context) {
        l.colour = std::string(ChartColours::context);
        l.width = 1;
        l.markers = false;
      } else {
        std::size_t k = next;
        if (s.colour >= 0) {
          k = static_cast<std::size_t>(s.colour);
        } else {
          ++next;
        }
        l.colour = std::string(unit_colour(k));
        l.shape = k + 1;
      }
      out.push_back(l);
    }
    return out;
  }

  void lines();

  static const char* marker_end(std::size_t shape) {
    switch (shape % 5) {
      case 0: return "</circle>";
      case 1: return "</rect>";
      default: return "</path>";
    }
  }

  // ----- scatter -------------------------------------------------------------------------

  void scatter();

  static std::string axis_title_plain(const ChartAxis& a) { return a.label; }
};

}  // namespace nytta::svg
