// HTML: one self-contained page that works from a mail attachment with no network: inline
// CSS, the charts as inline SVG, no external font, image or script (one small inline script
// makes columns sortable; the page is complete without it). A header says where the numbers
// come from (data, year, catalogue) with the notes; then the charts, then every section as a
// table, numbers right-aligned, quartile colours as classes, reference rows marked. Every
// data string is escaped; links are relative file names, escaped too. Print CSS fits A4.

#include <optional>
#include <ostream>

#include "nytta/report/markup.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"
#include "report/svg_chart.hpp"
#include "report/writers.hpp"

namespace nytta {

namespace {

const char* kStyle =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;margin:0 auto;"
    "padding:1.5em;max-width:72em;color:#222;line-height:1.4;background:#fff}"
    "h1{font-size:1.4em;margin:.2em 0 .5em}h2{font-size:1.15em;margin:1.6em 0 .4em}"
    "header{border-bottom:1px solid #ccc;padding-bottom:.6em}"
    ".facts{color:#444;margin:.2em 0}.facts span+span::before{content:' \u00B7 '}"
    ".notes{color:#555;font-size:.92em;margin:.4em 0}.notes ul{margin:.2em 0;padding-left:1.3em}"
    "figure.chart{margin:1.2em 0}svg.nytta-chart{display:block;max-width:100%;height:auto}"
    ".scroll{overflow-x:auto}"
    "table{border-collapse:collapse;margin:.5em 0 1em}th,td{padding:.25em .6em;border-bottom:1px solid #ddd}"
    "th{text-align:left;vertical-align:bottom}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}"
    "tr.ref td{font-weight:600;background:#f2f2f2}"
    "table.sortable th{cursor:pointer}th[aria-sort=ascending]::after{content:' \u25B2'}"
    "th[aria-sort=descending]::after{content:' \u25BC'}"
    ".good{background:#d8f0d8}.middle{background:#fbf3cf}.bad{background:#f6d5d5}"
    "@media (max-width:600px){body{padding:.6em}th,td{padding:.2em .35em}h1{font-size:1.2em}"
    "figure.chart{overflow-x:auto;margin:1em -.6em;padding:0 .6em}svg.nytta-chart{min-width:600px}}"
    "@media print{@page{size:A4;margin:14mm}body{padding:0;max-width:none;font-size:9pt}"
    "figure.chart{break-inside:avoid}svg.nytta-chart{max-height:255mm;width:auto}h2{break-after:avoid}"
    "tr{break-inside:avoid}thead{display:table-header-group}.scroll{overflow:visible}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

// Sorting by a click on a column header. The page is complete without it (a mail client
// that drops scripts shows the same tables); reference rows (the nation) stay on top and
// missing values at the bottom, either way.
const char* kScript =
    "(function(){var nordic=/^(sv|nb)/.test(document.documentElement.lang);"
    "function key(r,i,num){var c=r.cells[i],s=c?c.textContent.trim():'';if(!num)return s===''?null:s;"
    "s=s.replace(/[\\s\\u00a0\\u202f%]/g,'');s=nordic?s.replace(',','.'):s.replace(/,/g,'');"
    "var v=parseFloat(s.replace('\\u2212','-'));return isNaN(v)?null:v;}"
    "document.querySelectorAll('table.sortable').forEach(function(t){"
    "var heads=t.tHead?t.tHead.rows[0].cells:[];"
    "Array.prototype.forEach.call(heads,function(th,i){th.tabIndex=0;"
    "function go(){var b=t.tBodies[0],num=th.classList.contains('num');"
    "var asc=th.getAttribute('aria-sort')!=='ascending';"
    "Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');"
    "var rows=Array.prototype.filter.call(b.rows,function(r){return !r.classList.contains('ref');});"
    "rows.sort(function(x,y){var a=key(x,i,num),c=key(y,i,num);if(a===c)return 0;if(a===null)return 1;if(c===null)return -1;"
    "var d=num?(a<c?-1:1):a.localeCompare(c,document.documentElement.lang);return asc?d:-d;});"
    "rows.forEach(function(r){b.appendChild(r);});}"
    "th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter')go();});});});})();";

const char* tone_class(Tone t) {
  switch (t) {
    case Tone::good: return "good";
    case Tone::middle: return "middle";
    case Tone::bad: return "bad";
    case Tone::none: return "";
  }
  return "";
}

std::string meta_text(const Report& report, std::string_view key, const std::string& lang) {
  for (const auto& [k, v] : report.meta) {
    if (k != key) continue;
    if (const std::string* s = v.text()) return *s;
    if (const double* d = v.number_value()) return format_human(*d, 0, lang, false);
  }
  return {};
}

class HtmlWriter : public Writer {
 public:
  explicit HtmlWriter(const WriteOptions& o) : options_(o) {}

  void write(const Report& report, std::ostream& out) override {
    const std::string& lang = options_.lang;
    std::string title = report.tables.empty() ? report.command : report.tables.front().title;
    if (title.empty()) title = report.command;
    out << "<!DOCTYPE html>\n<html lang=\"" << markup_escape(lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << markup_escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    write_header(report, title, out);
    out << "<main>\n";
    for (std::size_t i = 0; i < report.charts.size(); ++i) {
      SvgOptions so;
      so.lang = lang;
      so.index = i;
      out << "<figure class=\"chart\">\n" << render_svg(report.charts[i], so).markup << "</figure>\n";
    }
    bool sortable = false;
    for (const Table& full : report.tables) {
      if (full.audience == Audience::machines) continue;
      sortable = write_table(full, title, out) || sortable;
    }
    out << "</main>\n";
    if (sortable) out << "<script>" << kScript << "</script>\n";
    out << "</body>\n</html>\n";
  }

 private:
  WriteOptions options_;

  // Title, where the numbers come from (data, year, catalogue) and the notes, first: a
  // reader should know what the page stands on before reading it.
  void write_header(const Report& report, const std::string& title, std::ostream& out) {
    const std::string& lang = options_.lang;
    out << "<header>\n<h1>" << markup_escape(title) << "</h1>\n";
    std::vector<std::string> facts;
    std::string sources = source_names(report);
    if (!sources.empty()) facts.push_back(tr(lang, "page_data") + ": " + sources);
    std::string year = meta_text(report, "year", lang);
    std::string from = meta_text(report, "from_year", lang), to = meta_text(report, "to_year", lang);
    if (!year.empty()) {
      facts.push_back(tr(lang, "year") + ": " + year);
    } else if (!from.empty() && !to.empty()) {
      facts.push_back(tr(lang, "page_years") + ": " + from + "\u2013" + to);
    }
    std::string provenance = provenance_line(report, lang);
    if (!provenance.empty()) facts.push_back(provenance);
    if (!facts.empty()) {
      out << "<p class=\"facts\">";
      for (const std::string& f : facts) out << "<span>" << markup_escape(f) << "</span>";
      out << "</p>\n";
    }
    if (!report.notes.empty()) {
      out << "<div class=\"notes\">" << markup_escape(tr(lang, "page_notes")) << ":\n<ul>\n";
      for (const std::string& n : report.notes) out << "<li>" << markup_escape(n) << "</li>\n";
      out << "</ul>\n</div>\n";
    }
    out << "</header>\n";
  }

  // One section; true when its columns can be sorted (more than two rows).
  bool write_table(const Table& full, const std::string& page_title, std::ostream& out) {
    const Table t = without_empty_columns(full);
    const bool sortable = t.rows.size() > 2;
    const std::optional<std::size_t> kind = full.column_index("kind");
    out << "<section>\n";
    if (!t.title.empty() && t.title != page_title) out << "<h2>" << markup_escape(t.title) << "</h2>\n";
    out << "<div class=\"scroll\">\n<table" << (sortable ? " class=\"sortable\"" : "") << ">\n<thead><tr>";
    for (const Column& c : t.columns) {
      out << (c.type == CellType::number ? "<th class=\"num\">" : "<th>") << markup_escape(human_header(c)) << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const std::vector<Cell>& row = t.rows[r];
      const std::vector<Cell>& full_row = full.rows[r];
      const std::string* k = kind && *kind < full_row.size() ? full_row[*kind].text() : nullptr;
      out << (k && !k->empty() && *k != "unit" ? "<tr class=\"ref\">" : "<tr>");
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const Cell empty;
        const Cell& cell = i < row.size() ? row[i] : empty;
        std::string cls = t.columns[i].type == CellType::number ? "num" : "";
        if (cell.tone != Tone::none) cls += std::string(cls.empty() ? "" : " ") + tone_class(cell.tone);
        out << (cls.empty() ? "<td>" : "<td class=\"" + cls + "\">");
        std::string text = human_text(cell, t.columns[i], options_.lang);
        std::optional<std::size_t> target = t.columns[i].link_from.empty() ? std::nullopt : full.column_index(t.columns[i].link_from);
        const std::string* href = target && *target < full_row.size() ? full_row[*target].text() : nullptr;
        if (href && !href->empty() && !text.empty()) {
          out << "<a href=\"" << markup_escape(*href) << "\">" << markup_escape(text) << "</a>";
        } else {
          out << markup_escape(text);
        }
        out << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n</div>\n</section>\n";
    return sortable;
  }
};

}  // namespace

std::unique_ptr<Writer> make_html_writer(const WriteOptions& options) { return std::make_unique<HtmlWriter>(options); }

}  // namespace nytta
