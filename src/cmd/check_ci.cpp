// An annotation is worth most on the line it is about: GitHub shows it beside that line of
// the pull request's diff, GitLab beside the changed line in the merge request. The loader
// does not keep the line of each row (rows may come from several files, a mapping, a
// spreadsheet), so the line is found again here, in the raw text, only for the rows that
// failed: the one line whose year column holds the year and whose code or name column
// the unit (by the header, read with the loader's aliases), or, without a header nytta
// knows, the one line with both among its fields. Anything ambiguous (the same unit and
// year on two lines, a spreadsheet) leaves the line unknown rather than guessing.

#include "cmd/check_ci.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <unordered_map>

#include "nytta/model/header_aliases.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

constexpr std::size_t kMaxScannedBytes = 512u << 20;

// The fields of one line, split at delimiter outside double quotes, unquoted ("" is ").
std::vector<std::string> fields_of(std::string_view line, char delimiter) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == delimiter && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  for (std::string& f : fields) f = std::string(trim(f));
  return fields;
}

// The separator of a header line: the one of , ; tab | that occurs most outside quotes.
char delimiter_of(std::string_view line) {
  const char candidates[] = {',', ';', '\t', '|'};
  char best = ',';
  std::size_t best_count = 0;
  for (char d : candidates) {
    std::size_t n = 0;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == d && !quoted) ++n;
    }
    if (n > best_count) {
      best = d;
      best_count = n;
    }
  }
  return best;
}

std::vector<std::string_view> physical_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

// The text of a data file worth scanning, or "" for a spreadsheet, JSON, or a file that
// cannot be read (the check itself already read it).
std::string scannable_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size <= 0 || static_cast<std::size_t>(size) > kMaxScannedBytes) return {};
  in.seekg(0);
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), size);
  if (text.rfind("PK\x03\x04", 0) == 0) return {};
  std::string_view head = trim(std::string_view(text).substr(0, 64));
  if (!head.empty() && head.front() == '{') return {};
  return text;
}

std::string case_label(const CheckCase& c) {
  if (!c.name.empty() && !c.code.empty()) return fmt::format("{} {}", c.code, c.name);
  return c.name.empty() ? c.code : c.name;
}

}  // namespace

std::vector<std::size_t> find_row_lines(std::string_view text, const std::vector<RowKey>& keys) {
  std::vector<std::size_t> lines(keys.size(), 0);
  std::vector<std::size_t> hits(keys.size(), 0);
  std::vector<std::string_view> all = physical_lines(text);
  std::size_t first = 0;
  while (first < all.size() && trim(all[first]).empty()) ++first;
  if (first == all.size()) return lines;
  char delimiter = delimiter_of(all[first]);

  // The header (after any title lines) names the year, code and name columns; without
  // one, a line matches when any field is the unit and any field the year.
  std::optional<std::size_t> year_col, code_col, name_col;
  std::size_t body = first;
  for (std::size_t i = first; i < all.size() && i < first + 50 && !year_col; ++i) {
    const char d = delimiter_of(all[i]);
    std::vector<std::string> header = fields_of(all[i], d);
    code_col.reset();
    name_col.reset();
    for (std::size_t c = 0; c < header.size(); ++c) {
      std::optional<std::string> canonical = canonical_column(header[c]);
      if (!canonical) continue;
      if (*canonical == "year" && !year_col) year_col = c;
      if (*canonical == "code" && !code_col) code_col = c;
      if (*canonical == "name" && !name_col) name_col = c;
    }
    if (year_col && (code_col || name_col)) {
      body = i + 1;
      delimiter = d;
    } else {
      year_col.reset();
    }
  }
  auto field = [](const std::vector<std::string>& f, std::optional<std::size_t> c) {
    return c && *c < f.size() ? std::string_view(f[*c]) : std::string_view();
  };

  std::unordered_map<std::string, std::vector<std::size_t>> by_key;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (!keys[k].code.empty()) by_key[keys[k].code].push_back(k);
    if (!keys[k].name.empty() && keys[k].name != keys[k].code) by_key[keys[k].name].push_back(k);
  }
  for (std::size_t i = body; i < all.size(); ++i) {
    std::vector<std::string> fields = fields_of(all[i], delimiter);
    std::vector<std::size_t> matched;
    auto match = [&](std::size_t k) {
      if (std::find(matched.begin(), matched.end(), k) == matched.end()) matched.push_back(k);
    };
    if (year_col) {
      std::string_view year = field(fields, year_col);
      for (std::string_view key : {field(fields, code_col), field(fields, name_col)}) {
        auto it = key.empty() ? by_key.end() : by_key.find(std::string(key));
        if (it == by_key.end()) continue;
        for (std::size_t k : it->second) {
          if (year == std::to_string(keys[k].year)) match(k);
        }
      }
    } else {
      for (const std::string& f : fields) {
        auto it = by_key.find(f);
        if (it == by_key.end()) continue;
        for (std::size_t k : it->second) {
          std::string year = std::to_string(keys[k].year);
          if (std::find(fields.begin(), fields.end(), year) != fields.end()) match(k);
        }
      }
    }
    for (std::size_t k : matched) {
      ++hits[k];
      lines[k] = i + 1;
    }
  }
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (hits[k] != 1) lines[k] = 0;
  }
  return lines;
}

std::vector<CiFinding> check_findings(const std::vector<RuleResult>& results, const Dataset& data, const std::string& rules_path,
                                      const std::string& cwd) {
  std::vector<CiFinding> findings;
  std::vector<RowKey> keys;
  std::vector<std::size_t> rule_lines;
  for (const RuleResult& r : results) {
    const Rule& rule = *r.rule;
    for (const CheckCase& c : r.cases) {
      if (c.status != CheckCase::Status::failed) continue;
      CiFinding f;
      f.check = rule.id;
      f.title = rule.description.empty() ? rule.id : fmt::format("{}: {}", rule.id, rule.description);
      f.error = rule.severity == Rule::Severity::error;
      std::string who = case_label(c);
      f.message = who.empty() ? c.message : fmt::format("{} {}: {}", who, c.year, c.message);
      f.identity = fmt::format("{}\n{}\n{}\n{}", rule.id, c.code, c.name, c.year);
      findings.push_back(std::move(f));
      keys.push_back(RowKey{c.code, c.name, c.year});
      rule_lines.push_back(rule.where.line);
    }
  }
  if (findings.empty()) return findings;

  // Every input is scanned; a row found on exactly one line of all of them is placed there.
  std::vector<std::size_t> total_hits(keys.size(), 0);
  for (const std::string& source : data.sources) {
    std::string text = scannable_text(source);
    if (text.empty()) continue;
    std::vector<std::size_t> lines = find_row_lines(text, keys);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (lines[k] == 0) continue;
      ++total_hits[k];
      findings[k].file = ci_path(source, cwd);
      findings[k].line = lines[k];
    }
  }
  for (std::size_t k = 0; k < findings.size(); ++k) {
    if (total_hits[k] == 1) continue;
    findings[k].line = 0;
    findings[k].file.clear();
    if (data.sources.size() == 1) {
      findings[k].file = ci_path(data.sources.front(), cwd);
    } else {
      findings[k].file = ci_path(rules_path, cwd);
      findings[k].line = rule_lines[k];
    }
  }
  return findings;
}

}  // namespace nytta
