// CI servers read their own formats, not nytta's table. GitHub Actions turns lines like
// `::error file=data.csv,line=12::message` on a step's stdout into annotations on the
// file (docs.github.com, "Workflow commands for GitHub Actions"; the escapes are those of
// actions/toolkit's command.ts: %, CR and LF in data, and also ':' and ',' in property
// values, since they separate the properties). GitLab reads a code-quality artifact, a
// JSON array in a subset of the Code Climate format (docs.gitlab.com, "Code Quality",
// "Code Quality report format"), and compares fingerprints between the merge request and
// its target to tell new findings from old ones.

#include "nytta/report/ci_annotations.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "nytta/util/sha256.hpp"

namespace nytta {

std::string github_escape_data(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_escape_property(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : github_escape_data(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_annotations(const std::vector<CiFinding>& findings, std::string_view summary) {
  std::string out;
  for (const CiFinding& f : findings) {
    std::vector<std::string> props;
    if (!f.file.empty()) props.push_back("file=" + github_escape_property(f.file));
    if (!f.file.empty() && f.line > 0) props.push_back(fmt::format("line={}", f.line));
    if (!f.title.empty()) props.push_back("title=" + github_escape_property(f.title));
    out += fmt::format("::{}{}{}::{}\n", f.error ? "error" : "warning", props.empty() ? "" : " ", fmt::join(props, ","),
                       github_escape_data(f.message));
  }
  if (!summary.empty()) out += fmt::format("::notice title=nytta check::{}\n", github_escape_data(summary));
  return out;
}

std::string gitlab_code_quality(const std::vector<CiFinding>& findings) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const CiFinding& f : findings) {
    nlohmann::ordered_json issue;
    issue["description"] = f.message;
    issue["check_name"] = f.check;
    issue["fingerprint"] = sha256_hex(f.identity + '\n' + f.file);
    issue["severity"] = f.error ? "major" : "minor";
    issue["location"]["path"] = f.file;
    issue["location"]["lines"]["begin"] = f.line > 0 ? f.line : std::size_t{1};
    issues.push_back(std::move(issue));
  }
  // Invalid UTF-8 in a name from a Windows-1252 file must not end the run: replace it.
  return issues.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string ci_path(const std::string& path, const std::string& cwd) {
  namespace fs = std::filesystem;
  fs::path p = fs::path(path).lexically_normal();
  if (p.is_absolute() && !cwd.empty()) {
    fs::path r = p.lexically_relative(fs::path(cwd).lexically_normal());
    if (!r.empty() && *r.begin() != "..") p = r;
  }
  std::string s = p.string();
  while (s.rfind("./", 0) == 0) s.erase(0, 2);
  return s;
}

}  // namespace nytta
