// Markdown: GitHub tables, one per section under a "##" title, '|' escaped, numeric
// columns right-aligned ("---:"), then the notes as a list.

#include <fmt/format.h>
#include <optional>
#include <ostream>

#include "report/writers.hpp"

namespace nytta {

namespace {

// Data strings can hold anything: Markdown syntax is backslash-escaped and HTML is turned
// into entities, so that a name never becomes markup in a renderer.
std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': case '|': case '*': case '_': case '`': case '[': case ']': case '#':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_link_text(const std::string& s) { return escape(s); }

// A link target: percent-encode what Markdown would read as syntax.
std::string escape_link(const std::string& s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '(' || c == ')' || c == '|' || c == '<' || c == '>' || c == '\\' || u >= 0x7F) {
      out += fmt::format("%{:02X}", u);
    } else {
      out += c;
    }
  }
  return out;
}

class MarkdownWriter : public Writer {
 public:
  explicit MarkdownWriter(const WriteOptions& o) : options_(o) {}

  void write(const Report& report, std::ostream& out) override {
    bool first = true;
    for (const Table& full : report.tables) {
      if (full.audience == Audience::machines) continue;
      const Table t = without_empty_columns(full);
      if (!first) out << '\n';
      first = false;
      if (!t.title.empty()) out << "## " << escape(t.title) << "\n\n";
      out << '|';
      for (const Column& c : t.columns) out << ' ' << escape(human_header(c)) << " |";
      out << "\n|";
      for (const Column& c : t.columns) out << (c.type == CellType::number ? " ---: |" : " --- |");
      out << '\n';
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::vector<Cell>& row = t.rows[r];
        const std::vector<Cell>& full_row = full.rows[r];
        out << '|';
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
          std::string s = i < row.size() ? human_text(row[i], t.columns[i], options_.lang) : "";
          std::optional<std::size_t> target = t.columns[i].link_from.empty() ? std::nullopt : full.column_index(t.columns[i].link_from);
          const std::string* href = target && *target < full_row.size() ? full_row[*target].text() : nullptr;
          if (href && !href->empty() && !s.empty()) {
            out << " [" << escape_link_text(s) << "](" << escape_link(*href) << ") |";
          } else {
            out << ' ' << escape(s) << " |";
          }
        }
        out << '\n';
      }
    }
    if (!report.notes.empty()) {
      out << '\n';
      for (const std::string& n : report.notes) out << "- " << escape(n) << '\n';
    }
    std::string provenance = provenance_line(report, options_.lang);
    if (!provenance.empty()) out << "\n" << escape(provenance) << '\n';
  }

 private:
  WriteOptions options_;
};

}  // namespace

std::unique_ptr<Writer> make_markdown_writer(const WriteOptions& options) {
  return std::make_unique<MarkdownWriter>(options);
}

}  // namespace nytta
