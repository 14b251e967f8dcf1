#pragma once
// Reading rules files (TOML) for `nytta check`.

#include <string>
#include <string_view>

#include "nytta/model/rules.hpp"

namespace nytta {

RuleSet read_rules(const std::string& path);
RuleSet parse_rules(std::string_view toml_text, const std::string& name);

}  // namespace nytta
