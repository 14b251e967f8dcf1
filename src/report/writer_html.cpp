// HTML: one self-contained page (inline CSS, no scripts) with every section as a table,
// numbers right-aligned, quartile colours as classes, notes as a list. Every data string is
// escaped; links are relative file names, escaped too.

#include <optional>
#include <ostream>

#include "report/labels.hpp"
#include "report/writers.hpp"

namespace nytta {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

const char* kStyle =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin:1em 0}th,td{padding:.25em .6em;border-bottom:1px solid #ddd}"
    "th{text-align:left;vertical-align:bottom}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".good{background:#d8f0d8}.middle{background:#fbf3cf}.bad{background:#f6d5d5}.notes{color:#555}";

const char* tone_class(Tone t) {
  switch (t) {
    case Tone::good: return "good";
    case Tone::middle: return "middle";
    case Tone::bad: return "bad";
    case Tone::none: return "";
  }
  return "";
}

class HtmlWriter : public Writer {
 public:
  explicit HtmlWriter(const WriteOptions& o) : options_(o) {}

  void write(const Report& report, std::ostream& out) override {
    std::string title = report.tables.empty() ? report.command : report.tables.front().title;
    out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(options_.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<title>" << html_escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    for (const Table& full : report.tables) {
      if (full.audience == Audience::machines) continue;
      const Table t = without_empty_columns(full);
      if (!t.title.empty()) out << "<h2>" << html_escape(t.title) << "</h2>\n";
      out << "<table>\n<thead><tr>";
      for (const Column& c : t.columns) {
        out << (c.type == CellType::number ? "<th class=\"num\">" : "<th>") << html_escape(human_header(c)) << "</th>";
      }
      out << "</tr></thead>\n<tbody>\n";
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::vector<Cell>& row = t.rows[r];
        const std::vector<Cell>& full_row = full.rows[r];
        out << "<tr>";
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
            out << "<a href=\"" << html_escape(*href) << "\">" << html_escape(text) << "</a>";
          } else {
            out << html_escape(text);
          }
          out << "</td>";
        }
        out << "</tr>\n";
      }
      out << "</tbody>\n</table>\n";
    }
    if (!report.notes.empty()) {
      out << "<ul class=\"notes\">\n";
      for (const std::string& n : report.notes) out << "<li>" << html_escape(n) << "</li>\n";
      out << "</ul>\n";
    }
    std::string provenance = provenance_line(report, options_.lang);
    if (!provenance.empty()) out << "<p class=\"notes\">" << html_escape(provenance) << "</p>\n";
    out << "</body>\n</html>\n";
  }

 private:
  WriteOptions options_;
};

}  // namespace

std::unique_ptr<Writer> make_html_writer(const WriteOptions& options) { return std::make_unique<HtmlWriter>(options); }

}  // namespace nytta
