// An annotation is worth most on the line it is about: GitHub shows it beside that line of
// the pull request's diff, GitLab beside the changed line in the merge request. The loader
// does not keep the line of each row (rows may come from several files, a mapping, a
// spreadsheet), so the line is found again here, in the raw text, only for the rows that
// failed: the one line that has the unit's code or name and the year as fields. Anything
// ambiguous (the same unit and year on two lines, a year spelled differently, a
// spreadsheet) leaves the line unknown rather than guessing.

#include "cmd/check_ci.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include "util/text.hpp"

namespace nytta {

namespace {

constexpr std::size_t kMaxScannedBytes = 512u << 20;

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != ',' && line[i] != ';' && line[i] != '\t' && line[i] != '|') continue;
    std::string_view f = trim(line.substr(start, i - start));
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
    fields.push_back(f);
    start = i + 1;
  }
  return fields;
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
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!keys[i].code.empty()) by_key[keys[i].code].push_back(i);
    if (!keys[i].name.empty() && keys[i].name != keys[i].code) by_key[keys[i].name].push_back(i);
  }
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::vector<std::string_view> fields = fields_of(line);
    std::vector<std::size_t> matched;
    for (std::string_view f : fields) {
      auto it = by_key.find(f);
      if (it == by_key.end()) continue;
      for (std::size_t k : it->second) {
        std::string year = std::to_string(keys[k].year);
        bool has_year = false;
        for (std::string_view y : fields) has_year = has_year || y == year;
        if (has_year && std::find(matched.begin(), matched.end(), k) == matched.end()) matched.push_back(k);
      }
    }
    for (std::size_t k : matched) {
      ++hits[k];
      lines[k] = line_no;
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
