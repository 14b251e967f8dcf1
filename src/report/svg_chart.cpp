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

#include "report/chart_scale.hpp"
#include "nytta/report/markup.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

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
std::string num(double v) {
  double r = std::round(v * 10) / 10;
  if (r == 0) r = 0;
  return fmt::format("{:.1f}", r);
}

double text_width(std::string_view s, double size, bool bold = false) {
  return static_cast<double>(utf8_length(s)) * size * (bold ? 0.6 : 0.55);
}

// Words onto lines of at most max_chars; at most max_lines, the last cut with "…".
std::vector<std::string> wrap(std::string_view text, std::size_t max_chars, std::size_t max_lines) {
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

std::string axis_title(const ChartAxis& a) {
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

  void bars() {
    const std::vector<ChartPoint> none;
    const std::vector<ChartPoint>& cats = chart_.series.empty() ? none : chart_.series.front().points;
    const std::size_t ns = std::max<std::size_t>(1, chart_.series.size());
    bool any_verdict = false;
    double tag_w = 0, label_w = 0, value_w = 0;
    std::vector<double> values;
    bool negative = false;
    for (std::size_t i = 0; i < cats.size(); ++i) {
      tag_w = std::max(tag_w, text_width(cats[i].tag, kSmall));
      label_w = std::max(label_w, text_width(truncate_utf8(cats[i].label, kMaxLabelChars), kFont, cats[i].highlight));
      for (const ChartSeries& s : chart_.series) {
        if (i >= s.points.size()) continue;
        const ChartPoint& p = s.points[i];
        values.push_back(p.y);
        if (p.y < 0) negative = true;
        if (p.verdict != Verdict::none) any_verdict = true;
        value_w = std::max(value_w, text_width(value_text(p.y, chart_.x, true), kSmall));
      }
    }
    for (const ReferenceLine& l : chart_.lines) values.push_back(l.value);
    if (any_verdict) define_hatch();

    const double left = kMargin + (tag_w > 0 ? tag_w + 14 : 0) + label_w + 10;
    const double plot_w = std::max(300.0, kWidth - left - kMargin);
    width_ = static_cast<int>(std::ceil(left + plot_w + kMargin));
    title();

    ScaleOptions so;
    so.include_zero = true;
    Scale s = make_scale(values, so);
    const double pad_r = value_w + 8, pad_l = negative ? value_w + 8 : 0;
    const double x0 = left + pad_l, x1 = left + plot_w - pad_r;
    auto X = [&](double v) { return x0 + s.fraction(v) * (x1 - x0); };

    const double row_h = ns == 1 ? 18 : static_cast<double>(ns) * 11 + 8;
    const double bar_h = ns == 1 ? 12 : 10;
    const bool ticks_on_top = cats.size() > 25;
    bool labelled_lines = false;
    for (const ReferenceLine& l : chart_.lines) labelled_lines = labelled_lines || !l.label.empty();
    if (labelled_lines) y_ += 16;
    const double ref_label_y = y_ - 4;
    if (ticks_on_top) y_ += 16;
    const double top_ticks_y = y_ - 5;
    const double plot_top = y_;

    std::string grid, values_layer;
    double y = plot_top + 2;
    std::vector<std::pair<double, std::string>> gaps;
    for (std::size_t i = 0; i < cats.size(); ++i) {
      const ChartPoint& c = cats[i];
      if (c.gap_before) {
        put("<text class=\"gap\" x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">…</text>\n", num(left - 10), num(y + 10), kMuted);
        put("<line class=\"gap\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-dasharray=\"2 3\"/>\n", num(left),
            num(left + plot_w), num(y + 7), num(y + 7), kMuted);
        y += 14;
      }
      const double mid = y + row_h / 2;
      std::string label = truncate_utf8(c.label, kMaxLabelChars);
      put("<g class=\"row{}\">", c.highlight ? " highlight" : "");
      if (label != c.label) put("<title>{}</title>", markup_escape(c.label));
      put("\n");
      if (!c.tag.empty()) text(kMargin + tag_w, mid + 4, c.tag, "end", kSmall, kMuted, false, "tag");
      text(left - 10, mid + 4, label, "end", kFont, nullptr, c.highlight, "label");
      put("</g>\n");
      for (std::size_t k = 0; k < chart_.series.size(); ++k) {
        const ChartSeries& ser = chart_.series[k];
        if (i >= ser.points.size()) continue;
        const ChartPoint& p = ser.points[i];
        const double by = ns == 1 ? mid - bar_h / 2 : y + 4 + static_cast<double>(k) * 11;
        std::string tooltip = (ns > 1 ? ser.name + ", " : std::string()) + c.label + ": " + value_text(p.y, chart_.x, true);
        if (std::isfinite(p.y)) {
          double a = X(0), b = X(p.y);
          put("<rect class=\"bar{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}><title>{}</title></rect>\n",
              p.highlight ? " highlight" : "", num(std::min(a, b)), num(by), num(std::abs(b - a)), num(bar_h),
              bar_fill(p, ser, k, chart_.series.size()), p.highlight && ns == 1 ? " stroke=\"#000000\" stroke-width=\"1\"" : "",
              markup_escape(tooltip));
        }
        double vx = std::isfinite(p.y) ? X(p.y) : X(0);
        bool neg = std::isfinite(p.y) && p.y < 0;
        sink_ = &values_layer;  // over the reference line, drawn later
        text(neg ? vx - 4 : vx + 4, by + bar_h / 2 + 4, value_text(p.y, chart_.x, chart_.x.unit == "%"), neg ? "end" : "start",
             kSmall, p.highlight ? nullptr : kMuted, p.highlight, "value");
        sink_ = &body_;
      }
      y += row_h;
    }
    const double plot_bottom = y + 2;

    for (double t : s.ticks) {
      fmt::format_to(std::back_inserter(grid), "<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\"/>\n",
                     num(X(t)), num(plot_top), num(plot_bottom), kGrid);
    }
    body_ = grid + body_;
    put("<line class=\"zero\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\"/>\n", num(X(0)), num(plot_top), num(plot_bottom), kAxis);
    put("<g class=\"axis\">\n");
    for (double t : s.ticks) {
      std::string label = tick_text(t, s, chart_.x);
      text(X(t), plot_bottom + 14, label, "middle", kSmall, kMuted);
      if (ticks_on_top) text(X(t), top_ticks_y, label, "middle", kSmall, kMuted);
    }
    put("</g>\n");
    for (const ReferenceLine& l : chart_.lines) {
      if (!std::isfinite(l.value)) continue;
      double lx = X(l.value);
      put("<line class=\"reference\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1.5\" "
          "stroke-dasharray=\"5 3\"><title>{4}</title></line>\n",
          num(lx), num(plot_top - 2), num(plot_bottom), ChartColours::reference, markup_escape(reference_text(l, chart_.x)));
      if (!l.label.empty()) {
        std::string t = reference_text(l, chart_.x);
        double half = text_width(t, kSmall, true) / 2;
        double cx = std::clamp(lx, kMargin + half, width_ - kMargin - half);
        text(cx, ref_label_y, t, "middle", kSmall, nullptr, true, "reference-label");
      }
    }
    body_ += values_layer;
    y_ = plot_bottom + 34;
    text((x0 + x1) / 2, y_, axis_title(chart_.x), "middle", kFont, nullptr, false, "axis-title");

    std::vector<LegendEntry> entries;
    if (chart_.series.size() > 1) {
      for (std::size_t k = 0; k < chart_.series.size(); ++k) {
        const ChartSeries& ser = chart_.series[k];
        std::string fill(unit_colour(ser.colour >= 0 ? static_cast<std::size_t>(ser.colour) : k));
        entries.push_back({fmt::format("<rect x=\"0\" y=\"-6\" width=\"14\" height=\"10\" fill=\"{}\"/>", fill), ser.name});
      }
    }
    if (any_verdict) {
      if (!chart_.better_label.empty())
        entries.push_back({fmt::format("<rect x=\"0\" y=\"-6\" width=\"14\" height=\"10\" fill=\"{}\"/>", ChartColours::better), chart_.better_label});
      if (!chart_.worse_label.empty())
        entries.push_back({fmt::format("<rect x=\"0\" y=\"-6\" width=\"14\" height=\"10\" fill=\"url(#{})\"/>", hatch_id()), chart_.worse_label});
    }
    legend(entries);
    notes();
  }

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

  void lines() {
    title();
    std::vector<double> xs, ys;
    for (const ChartSeries& s : chart_.series) {
      for (const ChartPoint& p : s.points) {
        if (!std::isfinite(p.y)) continue;
        xs.push_back(p.x);
        ys.push_back(p.y);
      }
    }
    for (const ReferenceLine& l : chart_.lines) (l.vertical ? xs : ys).push_back(l.value);
    ScaleOptions xo;
    xo.integer = chart_.x.integer;
    xo.tight = true;
    xo.target_ticks = 8;
    Scale sx = make_scale(xs, xo);
    Scale sy = make_scale(ys, ScaleOptions{});
    double tick_w = 0;
    for (double t : sy.ticks) tick_w = std::max(tick_w, text_width(tick_text(t, sy, chart_.y), kSmall));

    // The y axis title above the plot, where it reads without turning the head.
    y_ += 4;
    text(kMargin, y_ + 10, axis_title(chart_.y), "start", kFont, nullptr, true, "axis-title");
    y_ += 22;
    const double plot_top = y_, plot_bottom = y_ + 280;
    const double x0 = kMargin + tick_w + 10, x1 = width_ - kMargin - 8;
    // The first and last year a little inside the plot, so that their markers stay whole.
    auto X = [&](double v) { return x0 + 10 + sx.fraction(v) * (x1 - x0 - 20); };
    auto Y = [&](double v) { return plot_bottom - sy.fraction(v) * (plot_bottom - plot_top); };

    put("<g class=\"axis\">\n");
    for (double t : sy.ticks) {
      put("<line class=\"grid\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\"/>\n", num(x0), num(x1), num(Y(t)), kGrid);
      text(x0 - 6, Y(t) + 4, tick_text(t, sy, chart_.y), "end", kSmall, kMuted);
    }
    put("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\"/>\n", num(x0), num(x1), num(plot_bottom), kAxis);
    for (double t : sx.ticks) {
      put("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\"/>\n", num(X(t)), num(plot_bottom), num(plot_bottom + 4), kAxis);
      text(X(t), plot_bottom + 16, tick_text(t, sx, chart_.x), "middle", kSmall, kMuted);
    }
    put("</g>\n");
    for (const ReferenceLine& l : chart_.lines) {
      if (!std::isfinite(l.value) || l.vertical) continue;
      put("<line class=\"reference\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\" stroke-dasharray=\"5 3\"/>\n", num(x0),
          num(x1), num(Y(l.value)), kAxis);
      std::string t = reference_text(l, chart_.y);
      if (!t.empty()) text(x1, Y(l.value) - 5, t, "end", kSmall, kMuted, false, "reference-label");
    }

    std::vector<SeriesLook> look = looks();
    // Grey context first, then the reference, then the units on top.
    for (SeriesRole pass : {SeriesRole::context, SeriesRole::reference, SeriesRole::unit}) {
      for (std::size_t k = 0; k < chart_.series.size(); ++k) {
        const ChartSeries& s = chart_.series[k];
        if (s.role != pass) continue;
        std::string d;
        bool pen_down = false;
        for (const ChartPoint& p : s.points) {
          if (!std::isfinite(p.y) || !std::isfinite(p.x)) {
            pen_down = false;  // a gap year stays a gap
            continue;
          }
          d += fmt::format("{}{} {}", pen_down ? "L" : "M", num(X(p.x)), num(Y(p.y)));
          pen_down = true;
        }
        const char* cls = pass == SeriesRole::context ? "series context" : pass == SeriesRole::reference ? "series reference" : "series unit";
        put("<g class=\"{}\">\n<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"{}><title>{}</title></path>\n",
            cls, d, look[k].colour, look[k].width, s.dashed ? " stroke-dasharray=\"6 4\"" : "", markup_escape(s.name));
        if (look[k].markers) {
          for (const ChartPoint& p : s.points) {
            if (!std::isfinite(p.y) || !std::isfinite(p.x)) continue;
            std::string tip = s.name + " " + chart_number(p.x, 0, o_.lang, chart_.x.grouping) + ": " + value_text(p.y, chart_.y, true);
            put("{} class=\"point\"><title>{}</title>{}\n", marker(look[k].shape, X(p.x), Y(p.y), look[k].colour, s.dashed),
                markup_escape(tip), marker_end(look[k].shape));
          }
        }
        put("</g>\n");
      }
    }
    y_ = plot_bottom + 36;
    if (!chart_.x.label.empty()) text((x0 + x1) / 2, y_, axis_title(chart_.x), "middle", kFont, nullptr, false, "axis-title");

    std::vector<LegendEntry> entries;
    for (std::size_t k = 0; k < chart_.series.size(); ++k) {
      const ChartSeries& s = chart_.series[k];
      if (s.role == SeriesRole::context) continue;
      std::string sw = fmt::format("<line x1=\"0\" x2=\"24\" y1=\"0\" y2=\"0\" stroke=\"{}\" stroke-width=\"{}\"{}/>", look[k].colour,
                                   look[k].width, s.dashed ? " stroke-dasharray=\"6 4\"" : "");
      sw += marker(look[k].shape, 12, 0, look[k].colour, s.dashed) + "/>";
      entries.push_back({sw, s.name, 24});
    }
    if (chart_.legend || entries.size() > 1) legend(entries);
    notes();
  }

  static const char* marker_end(std::size_t shape) {
    switch (shape % 5) {
      case 0: return "</circle>";
      case 1: return "</rect>";
      default: return "</path>";
    }
  }

  // ----- scatter -------------------------------------------------------------------------

  void scatter() {
    title();
    std::vector<double> xs, ys;
    for (const ChartSeries& s : chart_.series) {
      for (const ChartPoint& p : s.points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        xs.push_back(p.x);
        ys.push_back(p.y);
      }
    }
    const ReferenceLine* vref = nullptr;
    const ReferenceLine* href = nullptr;
    for (const ReferenceLine& l : chart_.lines) {
      if (!std::isfinite(l.value)) continue;
      (l.vertical ? xs : ys).push_back(l.value);
      (l.vertical ? vref : href) = &l;
    }
    Scale sx = make_scale(xs), sy = make_scale(ys);
    double tick_w = 0;
    for (double t : sy.ticks) tick_w = std::max(tick_w, text_width(tick_text(t, sy, chart_.y), kSmall));
    y_ += 4;
    text(kMargin, y_ + 10, axis_title(chart_.y), "start", kFont, nullptr, true, "axis-title");
    y_ += 22;
    const double vref_label_y = y_ + 6;
    if (vref) y_ += 16;  // a line for the label of the vertical reference, above the plot
    const double plot_top = y_, plot_bottom = y_ + 420;
    const double x0 = kMargin + tick_w + 10, x1 = width_ - kMargin - 8;
    auto X = [&](double v) { return x0 + sx.fraction(v) * (x1 - x0); };
    auto Y = [&](double v) { return plot_bottom - sy.fraction(v) * (plot_bottom - plot_top); };

    // The corner to stress, shaded between the reference lines and the plot's edge.
    for (const CornerLabel& c : chart_.corners) {
      if (!c.shaded || !vref || !href) continue;
      bool left = c.corner == Corner::top_left || c.corner == Corner::bottom_left;
      bool top = c.corner == Corner::top_left || c.corner == Corner::top_right;
      double ax = left ? x0 : X(vref->value), bx = left ? X(vref->value) : x1;
      double ay = top ? plot_top : Y(href->value), by = top ? Y(href->value) : plot_bottom;
      put("<rect class=\"shade\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" fill-opacity=\"0.08\"/>\n", num(ax), num(ay),
          num(bx - ax), num(by - ay), ChartColours::better);
    }
    put("<g class=\"axis\">\n");
    for (double t : sy.ticks) {
      put("<line class=\"grid\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\"/>\n", num(x0), num(x1), num(Y(t)), kGrid);
      text(x0 - 6, Y(t) + 4, tick_text(t, sy, chart_.y), "end", kSmall, kMuted);
    }
    for (double t : sx.ticks) {
      put("<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\"/>\n", num(X(t)), num(plot_top), num(plot_bottom), kGrid);
      text(X(t), plot_bottom + 16, tick_text(t, sx, chart_.x), "middle", kSmall, kMuted);
    }
    put("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\"/>\n", num(x0), num(plot_top), num(x1 - x0),
        num(plot_bottom - plot_top), kAxis);
    put("</g>\n");
    for (const CornerLabel& c : chart_.corners) {
      bool left = c.corner == Corner::top_left || c.corner == Corner::bottom_left;
      bool top = c.corner == Corner::top_left || c.corner == Corner::top_right;
      text(left ? x0 + 6 : x1 - 6, top ? plot_top + 15 : plot_bottom - 7, c.text, left ? "start" : "end", kSmall, kMuted, c.shaded,
           "corner");
    }
    for (const ReferenceLine& l : chart_.lines) {
      if (!std::isfinite(l.value)) continue;
      std::string t = reference_text(l, l.vertical ? chart_.x : chart_.y);
      if (l.vertical) {
        double lx = X(l.value);
        put("<line class=\"reference\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1.5\" "
            "stroke-dasharray=\"5 3\"><title>{4}</title></line>\n",
            num(lx), num(plot_top), num(plot_bottom), ChartColours::reference, markup_escape(t));
        double half = text_width(t, kSmall, true) / 2;
        text(std::clamp(lx, x0 + half, x1 - half), vref_label_y, t, "middle", kSmall, nullptr, true, "reference-label");
      } else {
        double ly = Y(l.value);
        put("<line class=\"reference\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1.5\" "
            "stroke-dasharray=\"5 3\"><title>{4}</title></line>\n",
            num(x0), num(x1), num(ly), ChartColours::reference, markup_escape(t));
        text(x1 - 4, ly - 5, t, "end", kSmall, nullptr, true, "reference-label");
      }
    }
    // Ordinary points first, the highlighted ones and their names on top.
    for (bool high : {false, true}) {
      for (const ChartSeries& s : chart_.series) {
        for (const ChartPoint& p : s.points) {
          if (p.highlight != high || !std::isfinite(p.x) || !std::isfinite(p.y)) continue;
          std::string tip = p.label + "\n" + axis_title_plain(chart_.y) + ": " + value_text(p.y, chart_.y, true) + "\n" +
                            axis_title_plain(chart_.x) + ": " + value_text(p.x, chart_.x, true);
          if (high) {
            put("<circle class=\"point highlight\" cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"{}\" stroke=\"#000000\" stroke-width=\"1.2\"><title>{}</title></circle>\n",
                num(X(p.x)), num(Y(p.y)), ChartColours::highlight, markup_escape(tip));
          } else {
            put("<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\" fill-opacity=\"0.75\" stroke=\"#1F5F84\" stroke-width=\"0.8\"><title>{}</title></circle>\n",
                num(X(p.x)), num(Y(p.y)), ChartColours::bar, markup_escape(tip));
          }
        }
      }
    }
    for (const ChartSeries& s : chart_.series) {
      for (const ChartPoint& p : s.points) {
        if (!p.highlight || !std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        std::string label = truncate_utf8(p.label, kMaxLabelChars);
        double px = X(p.x), py = Y(p.y);
        bool right = px + 8 + text_width(label, kFont, true) < x1;
        put("<text class=\"point-label\" x=\"{}\" y=\"{}\"{} font-weight=\"bold\" stroke=\"#FFFFFF\" stroke-width=\"3\" "
            "paint-order=\"stroke\">{}</text>\n",
            num(right ? px + 8 : px - 8), num(py - 7), right ? "" : " text-anchor=\"end\"", markup_escape(label));
      }
    }
    y_ = plot_bottom + 36;
    text((x0 + x1) / 2, y_, axis_title(chart_.x), "middle", kFont, nullptr, false, "axis-title");
    notes();
  }

  static std::string axis_title_plain(const ChartAxis& a) { return a.label; }
};

}  // namespace

std::string_view unit_colour(std::size_t i) { return kUnitColours[i % std::size(kUnitColours)]; }

double relative_luminance(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return 0;
  auto channel = [&](std::size_t at) {
    double c = std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

SvgPicture render_svg(const Chart& chart, const SvgOptions& options) { return Painter(chart, options).paint(); }

}  // namespace nytta
