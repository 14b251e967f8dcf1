// -f svg: the command's chart alone, as a standalone SVG file to put on a slide or into a
// document. A command with several charts (trend: values and index) gets them stacked in
// one picture. The data file and the catalogue version go under the last chart, because a
// picture that travels without its report must still say where its numbers come from.

#include <ostream>

#include "nytta/report/labels.hpp"
#include "report/svg_chart.hpp"
#include "report/writers.hpp"

namespace nytta {

std::string source_names(const Report& report) {
  std::string out;
  for (const std::string& s : report.sources) {
    std::size_t slash = s.find_last_of('/');
    if (!out.empty()) out += ", ";
    out += slash == std::string::npos ? s : s.substr(slash + 1);
  }
  return out;
}

namespace {

class SvgWriter : public Writer {
 public:
  explicit SvgWriter(const WriteOptions& o) : options_(o) {}

  void write(const Report& report, std::ostream& out) override {
    std::vector<std::string> footer;
    std::string sources = source_names(report);
    if (!sources.empty()) footer.push_back(tr(options_.lang, "page_data") + ": " + sources);
    std::string provenance = provenance_line(report, options_.lang);
    if (!provenance.empty()) footer.push_back(provenance);

    std::vector<SvgPicture> pictures;
    for (std::size_t i = 0; i < report.charts.size(); ++i) {
      SvgOptions so;
      so.lang = options_.lang;
      so.index = i;
      if (i + 1 == report.charts.size()) so.footer = footer;
      pictures.push_back(render_svg(report.charts[i], so));
    }
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (pictures.size() == 1) {
      out << pictures.front().markup;
      return;
    }
    int width = 0, height = 0;
    for (const SvgPicture& p : pictures) {
      width = std::max(width, p.width);
      height += p.height;
    }
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nytta-charts\" width=\"" << width << "\" height=\"" << height
        << "\" viewBox=\"0 0 " << width << ' ' << height << "\">\n";
    out << "<rect width=\"" << width << "\" height=\"" << height << "\" fill=\"#FFFFFF\"/>\n";
    int y = 0;
    for (const SvgPicture& p : pictures) {
      // The picture's own <svg> placed below the one before it.
      out << "<svg x=\"0\" y=\"" << y << '"' << p.markup.substr(4);
      y += p.height;
    }
    out << "</svg>\n";
  }

 private:
  WriteOptions options_;
};

}  // namespace

std::unique_ptr<Writer> make_svg_writer(const WriteOptions& options) { return std::make_unique<SvgWriter>(options); }

}  // namespace nytta
