#pragma once
// JUnit XML for CI servers (GitLab, Jenkins, GitHub): one <testsuite> per rule, one
// <testcase> per unit. An error-severity failure is a <failure>; a warning is a passing
// test case with the warning in <system-err>, so that it shows without failing a build;
// a unit without a value is <skipped>.

#include <string>
#include <vector>

#include "nytta/metrics/check.hpp"

namespace nytta {

std::string junit_xml(const std::vector<RuleResult>& results, const std::string& rules_path);


}  // namespace nytta
