// The table format, for people at a terminal: every section with its title, headers
// wrapped to the column width with the unit in brackets, numbers right-aligned with fixed
// decimals and grouping, text truncated with "…" when the table would not fit the
// terminal, quartile colours when colour is on, then notes.

#include <algorithm>
#include <ostream>
#include <sstream>

#include "nytta/report/labels.hpp"
#include "report/writers.hpp"
#include "nytta/util/terminal_text.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

constexpr std::size_t kGap = 2;
constexpr std::size_t kMinTextWidth = 12;
constexpr std::size_t kMaxHeaderLines = 3;

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// Greedy wrap of words into lines of at most width code points.
std::vector<std::string> wrap(const std::string& s, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& w : words_of(s)) {
    if (!line.empty() && display_width(line) + 1 + display_width(w) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + w;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string pad(const std::string& s, std::size_t width, bool right) {
  std::size_t len = display_width(s);
  if (len >= width) return s;
  std::string fill(width - len, ' ');
  return right ? fill + s : s + fill;
}

const char* tone_code(Tone t) {
  switch (t) {
    case Tone::good: return "\x1b[32m";
    case Tone::middle: return "\x1b[33m";
    case Tone::bad: return "\x1b[31m";
    case Tone::none: return "";
  }
  return "";
}

class TableWriter : public Writer {
 public:
  explicit TableWriter(const WriteOptions& o) : options_(o) {}

  void write(const Report& report, std::ostream& out) override {
    bool first = true;
    for (const Table& t : report.tables) {
      if (t.audience == Audience::machines) continue;
      if (!first) out << '\n';
      first = false;
      write_table(without_empty_columns(t), out);
    }
    if (!report.notes.empty()) {
      out << '\n';
      for (const std::string& n : report.notes) out << text(options_.lang, "note") << ": " << terminal_safe(n) << '\n';
    }
    std::string provenance = provenance_line(report, options_.lang);
    if (!provenance.empty()) out << (report.notes.empty() ? "\n" : "") << provenance << '\n';
  }

 private:
  void write_table(const Table& t, std::ostream& out) {
    if (!t.title.empty()) out << (options_.color ? "\x1b[1m" : "") << terminal_safe(t.title) << (options_.color ? "\x1b[0m" : "") << "\n\n";
    const std::size_t n = t.columns.size();
    std::vector<std::vector<std::string>> text(t.rows.size(), std::vector<std::string>(n));
    std::vector<std::size_t> width(n, 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      for (std::size_t c = 0; c < n && c < t.rows[r].size(); ++c) {
        // Data texts are shown, never obeyed: no escape sequence, no second line, no bidi.
        text[r][c] = terminal_safe(human_text(t.rows[r][c], t.columns[c], options_.lang));
        width[c] = std::max(width[c], display_width(text[r][c]));
      }
    }
    for (std::size_t c = 0; c < n; ++c) {
      const std::string h = terminal_safe(human_header(t.columns[c]));
      for (const std::string& w : words_of(h)) width[c] = std::max(width[c], display_width(w));
      width[c] = std::max<std::size_t>(width[c], 1);
      while (wrap(h, width[c]).size() > kMaxHeaderLines) ++width[c];
    }
    fit(t, text, width);

    std::vector<std::vector<std::string>> header(n);
    std::size_t header_lines = 1;
    for (std::size_t c = 0; c < n; ++c) {
      header[c] = wrap(terminal_safe(human_header(t.columns[c])), width[c]);
      header_lines = std::max(header_lines, header[c].size());
    }
    // Headers sit on the bottom lines, like numbers sit on the right.
    for (std::size_t line = 0; line < header_lines; ++line) {
      std::string s;
      for (std::size_t c = 0; c < n; ++c) {
        std::size_t offset = header_lines - header[c].size();
        std::string h = line >= offset ? header[c][line - offset] : "";
        if (c) s += std::string(kGap, ' ');
        s += pad(h, width[c], t.columns[c].type == CellType::number);
      }
      out << rstrip(s) << '\n';
    }
    std::string rule;
    for (std::size_t c = 0; c < n; ++c) {
      if (c) rule += std::string(kGap, ' ');
      rule += std::string(width[c], '-');
    }
    out << rule << '\n';
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      std::string s;
      for (std::size_t c = 0; c < n; ++c) {
        if (c) s += std::string(kGap, ' ');
        std::string cell = truncate_to_width(text[r][c], width[c]);
        std::string padded = pad(cell, width[c], t.columns[c].type == CellType::number);
        Tone tone = c < t.rows[r].size() ? t.rows[r][c].tone : Tone::none;
        if (options_.color && tone != Tone::none) padded = tone_code(tone) + padded + "\x1b[0m";
        s += padded;
      }
      out << rstrip(s) << '\n';
    }
  }

  // Caps the widest text columns at a common width (no less than kMinTextWidth) so that
  // the table fits; narrow columns keep their width. A text column at the end of the line
  // is not cut: it may run on, as the terminal wraps it whole.
  void fit(const Table& t, const std::vector<std::vector<std::string>>&, std::vector<std::size_t>& width) {
    if (width.empty()) return;
    const std::size_t last = width.size() - 1;
    auto cappable = [&](std::size_t c) { return t.columns[c].type == CellType::text && c != last; };
    std::size_t fixed = kGap * last;
    std::size_t widest = 0;
    for (std::size_t c = 0; c < width.size(); ++c) {
      if (cappable(c)) widest = std::max(widest, width[c]);
      else fixed += (c == last && t.columns[c].type == CellType::text) ? std::min<std::size_t>(width[c], kMinTextWidth) : width[c];
    }
    auto total_at = [&](std::size_t cap) {
      std::size_t sum = fixed;
      for (std::size_t c = 0; c < width.size(); ++c) {
        if (cappable(c)) sum += std::min(width[c], cap);
      }
      return sum;
    };
    std::size_t cap = widest;
    while (cap > kMinTextWidth && total_at(cap) > options_.width) --cap;
    for (std::size_t c = 0; c < width.size(); ++c) {
      if (cappable(c)) width[c] = std::min(width[c], cap);
    }
  }

  static std::string rstrip(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  }

  WriteOptions options_;
};

}  // namespace

std::unique_ptr<Writer> make_table_writer(const WriteOptions& options) {
  return std::make_unique<TableWriter>(options);
}

}  // namespace nytta
