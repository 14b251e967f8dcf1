#pragma once
// What `nytta check` tells a CI server besides JUnit: GitHub Actions workflow commands
// (annotations on the data file in a pull request) and a GitLab code-quality report (the
// merge-request widget). Both are formatted from findings; nothing here reads a file.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nytta {

/// One failed rule for one unit, as CI servers show it.
struct CiFinding {
  std::string check;    // the rule id
  std::string title;    // a short heading: the rule id and its description
  std::string message;  // what failed, with the unit, year and values
  bool error = true;    // an error-severity rule (fails the check), else a warning
  std::string file;     // the data file, relative to the working directory when under it; "" when unknown
  std::size_t line = 0;  // 1-based line of the unit's row in file; 0 when unknown
  std::string identity;  // what makes it the same finding in the next run: rule, unit, year
};

/// Workflow-command data (the message after "::"): % CR LF as %25 %0D %0A.
std::string github_escape_data(std::string_view s);

/// Workflow-command property values (file=, title=): also ':' and ',' as %3A and %2C.
std::string github_escape_property(std::string_view s);

/// One `::error file=…,line=…,title=…::message` (or ::warning) line per finding, then a
/// `::notice` with the summary line.
std::string github_annotations(const std::vector<CiFinding>& findings, std::string_view summary);

/// The GitLab code-quality report: a JSON array of {description, check_name, fingerprint,
/// severity, location: {path, lines: {begin}}}. Errors are "major", warnings "minor"; a
/// finding without a known line points at line 1; the fingerprint is the SHA-256 of the
/// identity and the path, so it stays the same while the finding does.
std::string gitlab_code_quality(const std::vector<CiFinding>& findings);

/// path as CI servers want it: relative to cwd when under it, without a leading "./".
std::string ci_path(const std::string& path, const std::string& cwd);

}  // namespace nytta
