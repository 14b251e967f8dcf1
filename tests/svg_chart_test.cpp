#include <catch2/catch.hpp>
#include <limits>
#include <regex>
#include <sstream>

#include "nytta/report/markup.hpp"
#include "nytta/report/writer.hpp"
#include "report/svg_chart.hpp"

using namespace nytta;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

double kNaNx() { return std::numeric_limits<double>::quiet_NaN(); }

ChartPoint bar(std::string label, double y, std::string tag = "", Verdict v = Verdict::none, bool high = false, bool gap = false) {
  ChartPoint p;
  p.label = std::move(label);
  p.y = y;
  p.tag = std::move(tag);
  p.verdict = v;
  p.highlight = high;
  p.gap_before = gap;
  return p;
}

ChartPoint xy(std::string label, double x, double y, bool high = false) {
  ChartPoint p;
  p.label = std::move(label);
  p.x = x;
  p.y = y;
  p.highlight = high;
  return p;
}

ChartSeries line(std::string name, SeriesRole role, bool dashed, int colour) {
  ChartSeries s;
  s.name = std::move(name);
  s.role = role;
  s.dashed = dashed;
  s.colour = colour;
  return s;
}

const std::string kHostile = "\"><img src=x onerror=alert(1)><script>alert(1)</script>";

Chart bars() {
  Chart c;
  c.kind = ChartKind::bar;
  c.id = "ranking";
  c.title = "Benefit index 2013";
  c.x.label = "Benefit index";
  c.x.unit = "index";
  c.x.precision = 1;
  ChartSeries s;
  s.name = "Benefit index";
  s.points = {bar("Alavieska", 836.0, "1"), bar(kHostile, 120.5, "2", Verdict::none, true),
              bar("Pyhäranta", 13.3, "286", Verdict::none, false, true)};
  c.series.push_back(s);
  c.lines.push_back(ReferenceLine{true, 100.0, "Koko maa"});
  c.notes.push_back("the top 20 and the bottom 20 of 286 units are shown");
  return c;
}

}  // namespace

TEST_CASE("a bar chart has one bar per point, the reference line, round ticks and its notes", "[chart]") {
  SvgPicture p = render_svg(bars(), SvgOptions{});
  const std::string& s = p.markup;
  CHECK(s.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(count(s, "<rect class=\"bar") == 3);
  CHECK(count(s, "<rect class=\"bar highlight\"") == 1);
  CHECK(count(s, "<line class=\"reference\"") == 1);
  CHECK(s.find(">Koko maa 100.0</text>") != std::string::npos);
  for (const char* tick : {">0</text>", ">200</text>", ">400</text>", ">600</text>", ">800</text>", ">1,000</text>"})
    CHECK(s.find(tick) != std::string::npos);
  CHECK(s.find(">836.0</text>") != std::string::npos);
  CHECK(s.find("<title>Alavieska: 836.0 index</title>") != std::string::npos);
  CHECK(s.find(">Benefit index [index]</text>") != std::string::npos);
  CHECK(s.find(">the top 20 and the bottom 20 of 286 units are shown</text>") != std::string::npos);
  CHECK(count(s, "class=\"gap\"") == 2);  // the "…" and its dotted line before the last row
  CHECK(p.width >= 700);
  CHECK(p.height > 100);
  CHECK(s.find("width=\"" + std::to_string(p.width) + "\" height=\"" + std::to_string(p.height) + "\"") != std::string::npos);
}

TEST_CASE("every data text is escaped in labels, tooltips and attributes", "[chart]") {
  Chart c = bars();
  c.title = kHostile;
  std::string s = render_svg(c, SvgOptions{}).markup;
  CHECK(s.find("<img") == std::string::npos);
  CHECK(s.find("<script") == std::string::npos);
  const std::string escaped = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
  CHECK(s.find("aria-label=\"" + escaped + "\"") != std::string::npos);            // attribute
  CHECK(s.find("<title>" + escaped + ": 120.5 index</title>") != std::string::npos);  // tooltip
  CHECK(s.find(">&quot;&gt;&lt;img src=x") != std::string::npos);                  // label, cut at 44 characters
}

TEST_CASE("control characters that XML forbids become U+FFFD, so the file stays well-formed", "[chart]") {
  CHECK(markup_escape(std::string("a\x01" "b\x7f" "c\td")) == "a\uFFFDb\uFFFDc\td");
  CHECK(markup_escape("Åre & <Malmö>") == "Åre &amp; &lt;Malmö&gt;");
  CHECK(markup_escape("\xff\xfe") == "\uFFFD\uFFFD");  // not UTF-8
}

TEST_CASE("the same chart gives the same bytes, with ids from its index", "[chart]") {
  Chart c = bars();
  c.series[0].points[0].verdict = Verdict::worse;  // uses the hatch pattern, which has an id
  SvgOptions o;
  o.index = 3;
  std::string a = render_svg(c, o).markup, b = render_svg(c, o).markup;
  CHECK(a == b);
  CHECK(a.find("id=\"nytta-c3\"") != std::string::npos);
  CHECK(a.find("<pattern id=\"nytta-c3-worse\"") != std::string::npos);
  CHECK(a.find("fill=\"url(#nytta-c3-worse)\"") != std::string::npos);
  o.index = 4;
  CHECK(render_svg(c, o).markup.find("nytta-c3") == std::string::npos);
  // Only the chart's own ids: nothing random, nothing from the clock.
  std::regex id_attr("id=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(a.begin(), a.end(), id_attr); it != std::sregex_iterator(); ++it) {
    CHECK((*it)[1].str().rfind("nytta-c3", 0) == 0);
  }
}

TEST_CASE("better and worse bars differ by colour, lightness and a hatch, with a legend", "[chart]") {
  Chart c;
  c.kind = ChartKind::bar;
  c.x.label = "Deviation";
  c.x.unit = "%";
  c.x.precision = 1;
  c.x.signed_values = true;
  c.better_label = "better";
  c.worse_label = "worse";
  ChartSeries s;
  s.points = {bar("Visits", 13.7, "", Verdict::better), bar("Cost per loan", 24.7, "", Verdict::worse),
              bar("Loans", -14.0, "", Verdict::worse)};
  c.series.push_back(s);
  std::string svg = render_svg(c, SvgOptions{}).markup;
  CHECK(count(svg, std::string("fill=\"") + std::string(ChartColours::better) + "\"") == 2);  // bar and legend
  CHECK(count(svg, "fill=\"url(#nytta-c0-worse)\"") == 3);
  CHECK(svg.find(">+13.7 %</text>") != std::string::npos);
  CHECK(svg.find(">-14.0 %</text>") != std::string::npos);
  CHECK(svg.find(">better</text>") != std::string::npos);
  CHECK(svg.find(">worse</text>") != std::string::npos);
  // What survives greyscale printing: WCAG contrast between the two fills.
  double lb = relative_luminance(ChartColours::better), lw = relative_luminance(ChartColours::worse);
  CHECK((std::max(lb, lw) + 0.05) / (std::min(lb, lw) + 0.05) > 2.0);
  double lh = relative_luminance(ChartColours::highlight), ln = relative_luminance(ChartColours::bar);
  CHECK((std::max(lh, ln) + 0.05) / (std::min(lh, ln) + 0.05) > 1.5);
  CHECK(relative_luminance("#FFFFFF") == Approx(1.0));
  CHECK(relative_luminance("#000000") == Approx(0.0));
}

TEST_CASE("a line chart breaks at gaps, marks each value with a tooltip and dashes real terms", "[chart]") {
  Chart c;
  c.kind = ChartKind::line;
  c.title = "Cost per loan";
  c.x.label = "Year";
  c.x.integer = true;
  c.x.grouping = false;
  c.y.label = "Cost per loan";
  c.y.unit = "EUR";
  ChartSeries nation = line("Koko maa", SeriesRole::reference, false, -1);
  ChartSeries unit = line("Helsinki", SeriesRole::unit, false, 0);
  ChartSeries real = line("Helsinki, real", SeriesRole::unit, true, 0);
  ChartSeries grey = line("Espoo", SeriesRole::context, false, -1);
  for (int y = 2010; y <= 2013; ++y) {
    double yd = static_cast<double>(y);
    nation.points.push_back(xy("", yd, 3.0 + (yd - 2010) * 0.1));
    unit.points.push_back(xy("", yd, y == 2011 ? kNaNx() : 4.0 + (yd - 2010) * 0.1));
    real.points.push_back(xy("", yd, 3.9));
    grey.points.push_back(xy("", yd, 3.5));
  }
  c.series = {nation, unit, real, grey};
  SvgOptions o;
  o.lang = "sv";
  std::string s = render_svg(c, o).markup;
  std::smatch m;
  REQUIRE(std::regex_search(s, m, std::regex("<g class=\"series unit\">\n<path d=\"([^\"]*)\"")));
  CHECK(count(m[1].str(), "M") == 2);  // 2010 alone, then 2012–2013
  CHECK(count(s, "class=\"point\"") == 4 + 3 + 4);  // no markers on grey context lines
  CHECK(s.find("<title>Helsinki 2012: 4,20 EUR</title>") != std::string::npos);
  CHECK(s.find("stroke-dasharray=\"6 4\"") != std::string::npos);
  CHECK(s.find("<title>Espoo</title>") != std::string::npos);
  CHECK(s.find(">2010</text>") != std::string::npos);  // years without grouping
  CHECK(s.find(">Koko maa</text>") != std::string::npos);  // legend
  CHECK(s.find(">Espoo</text>") == std::string::npos);     // context lines have no legend entry
  CHECK(s.find(">4,0</text>") != std::string::npos);       // a tick with a decimal comma
}

TEST_CASE("a scatter labels the highlighted unit, names the corners and shades the efficient one", "[chart]") {
  Chart c;
  c.kind = ChartKind::scatter;
  c.title = "Visits against cost";
  c.x.label = "Input: Cost per inhabitant";
  c.x.unit = "EUR";
  c.y.label = "Result: Visits per inhabitant";
  c.y.unit = "visits/inh";
  ChartSeries s;
  s.points = {xy("Veteli", 52.3, 18.2), xy(kHostile, 59.0, 10.8, true), xy("Missing", kNaNx(), 3.0)};
  c.series.push_back(s);
  c.lines = {ReferenceLine{true, 59.1, "National"}, ReferenceLine{false, 9.5, "National"}};
  c.corners = {CornerLabel{Corner::top_left, "efficient: good result, small input", true},
               CornerLabel{Corner::bottom_right, "inefficient: weak result, large input", false}};
  std::string svg = render_svg(c, SvgOptions{}).markup;
  CHECK(count(svg, "<circle class=\"point") == 2);  // the unit without an input is not drawn
  CHECK(count(svg, "<circle class=\"point highlight\"") == 1);
  CHECK(count(svg, "class=\"point-label\"") == 1);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("class=\"shade\"") != std::string::npos);
  CHECK(svg.find(">efficient: good result, small input</text>") != std::string::npos);
  CHECK(svg.find(">National 59.10</text>") != std::string::npos);
  CHECK(svg.find("<title>Veteli\nResult: Visits per inhabitant: 18.20 visits/inh\nInput: Cost per inhabitant: 52.30 EUR</title>") !=
        std::string::npos);
  CHECK(count(svg, "<line class=\"reference\"") == 2);
}

TEST_CASE("an svg file from -f svg holds the charts as one standalone SVG document with the source under it", "[chart]") {
  Report r;
  r.command = "trend";
  r.sources = {"/home/someone/data/fi_libraries_1999_2013.csv"};
  r.meta = {{"catalogue", Cell("library")}, {"catalogue_version", Cell("1")}, {"definitions", Cell("abc")}};
  r.charts = {bars(), bars()};
  std::ostringstream out;
  make_writer(Format::svg, WriteOptions{})->write(r, out);
  std::string s = out.str();
  CHECK(s.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nytta-charts\"", 0) == 0);
  CHECK(count(s, "<svg ") == 3);
  CHECK(s.find("<svg x=\"0\" y=\"0\" xmlns") != std::string::npos);
  CHECK(count(s, ">Data: fi_libraries_1999_2013.csv</text>") == 1);  // no directories: they are nobody's business
  CHECK(count(s, ">key figures: catalogue library, version 1, definitions abc</text>") == 1);
  CHECK(s.find("/home/someone") == std::string::npos);
  CHECK(s.find("<script") == std::string::npos);
  CHECK(s.find("href") == std::string::npos);  // nothing to fetch
  CHECK(parse_format("svg") == Format::svg);
  CHECK(format_from_extension("out/trend.SVG") == Format::svg);
}

TEST_CASE("the html page draws the charts inline after a header with data, year, catalogue and notes", "[chart]") {
  Report r;
  r.command = "report";
  Table t;
  t.id = "ranking";
  t.title = "Ranked";
  t.columns = {Column{"name", "Name", "", CellType::text, 0}, Column{"v", "Value", "", CellType::number, 1},
               Column{"kind", "Kind", "", CellType::text, 0}};
  t.rows = {{Cell("Koko maa"), Cell(100.0), Cell("national")}, {Cell(kHostile), Cell(1.0), Cell("unit")},
            {Cell("B"), Cell(2.0), Cell("unit")}};
  r.tables.push_back(t);
  r.sources = {"data/fi.csv"};
  r.notes = {"a <note>"};
  r.meta = {{"year", Cell(2013.0)}, {"catalogue", Cell("library")}, {"catalogue_version", Cell("1")}, {"definitions", Cell("abc")}};
  r.charts = {bars()};
  std::ostringstream out;
  WriteOptions o;
  o.lang = "sv";
  make_writer(Format::html, o)->write(r, out);
  std::string s = out.str();
  CHECK(s.find("<h1>Ranked</h1>") != std::string::npos);
  CHECK(s.find("<span>Data: fi.csv</span><span>År: 2013</span><span>nyckeltal: katalog library, version 1, definitioner abc</span>") !=
        std::string::npos);
  CHECK(s.find("<li>a &lt;note&gt;</li>") != std::string::npos);
  CHECK(s.find("<h2>Ranked</h2>") == std::string::npos);  // the page title is not repeated
  CHECK(count(s, "<svg xmlns") == 1);
  CHECK(s.find("<figure class=\"chart\">\n<svg") < s.find("<table"));
  CHECK(s.find("<tr class=\"ref\"><td>Koko maa</td>") != std::string::npos);
  CHECK(s.find("<table class=\"sortable\">") != std::string::npos);
  CHECK(count(s, "<script>") == 1);  // the sorting script, and no script from the data
  CHECK(s.find("<img") == std::string::npos);
  CHECK(s.find(">836,0</text>") != std::string::npos);  // chart numbers in the page's language
  CHECK(s.find("http://") == s.find("http://www.w3.org/2000/svg"));  // no other address
  CHECK(s.find("https://") == std::string::npos);
}
