// The bars of a ranked chart: one bar per unit (grouped by series when there are several),
// the reference lines across them, the worse side hatched, values at the bars' ends.

#include "report/svg_painter.hpp"

namespace nytta::svg {

void Painter::bars() {
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

}  // namespace nytta::svg
