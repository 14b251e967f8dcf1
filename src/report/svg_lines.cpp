// The lines of a trend chart (one per unit and the reference, markers at the years) and
// the points of a scatter (quadrant charts: results against input factors, with the
// reference lines that make the four quadrants).

#include "report/svg_painter.hpp"

namespace nytta::svg {

void Painter::lines() {
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

void Painter::scatter() {
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

}  // namespace nytta::svg
