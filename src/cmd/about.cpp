// `nytta --version` answers the question a bug report needs first: which nytta, built on
// which libraries. Shared libraries report their own version at run time (the .deb may
// meet a newer libsqlite3 than the one it was built against); header-only ones can only
// say what they were compiled as. The examples under each --help are the first thing a
// new user copies, so they name files where this nytta finds them: in the source tree
// for a development build, under share/nytta for an installed one.

#include "cmd/about.hpp"

#include <CLI/Version.hpp>
#include <fmt/format.h>
#include <muParser.h>
#include <nettle/version.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <toml++/impl/version.h>

#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "cmd/common.hpp"
#include "nytta/load/load.hpp"
#include "nytta/metrics/dea.hpp"
#include "nytta/report/xlsx_writer.hpp"
#include "nytta/util/install_paths.hpp"
#include "nytta/util/version.hpp"

namespace nytta {

namespace {

// "3.40.1", or "3.40.1 (built with 3.40.0)" when the library loaded is not the one
// nytta was compiled against.
std::string runtime_version(const std::string& running, const std::string& compiled) {
  if (compiled.empty() || running == compiled) return running;
  return fmt::format("{} (built with {})", running, compiled);
}

std::vector<std::pair<std::string, std::string>> library_versions() {
  std::vector<std::pair<std::string, std::string>> v;
  v.emplace_back("fmt", fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100));
  v.emplace_back("CLI11", CLI11_VERSION);
  v.emplace_back("toml++", fmt::format("{}.{}.{}", TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH));
  std::string muparser = mu::Parser().GetVersion(mu::pviBRIEF);  // "2.3.3 (Release)"
  v.emplace_back("muparser", muparser.substr(0, muparser.find(' ')));
  v.emplace_back("nlohmann-json", fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                                              NLOHMANN_JSON_VERSION_PATCH));
  // The three below live in modules (nytta/util/module.hpp): asking loads them, which also
  // shows that an installed nytta finds them.
  auto [clp, clp_compiled] = dea::lp_library_version();
  v.emplace_back("CLP", runtime_version(clp, clp_compiled));
  v.emplace_back("liborcus", sheet_library_version());
  auto [xlsx, xlsx_compiled] = xlsx_library_version();
  v.emplace_back("libxlsxwriter", runtime_version(xlsx, xlsx_compiled));
  v.emplace_back("SQLite", runtime_version(sqlite3_libversion(), SQLITE_VERSION));
  v.emplace_back("nettle", runtime_version(fmt::format("{}.{}", nettle_version_major(), nettle_version_minor()),
                                           fmt::format("{}.{}", NETTLE_VERSION_MAJOR, NETTLE_VERSION_MINOR)));
  return v;
}

// A path as a user can type it: relative when under the working directory, quoted when
// it holds a character the shell would take apart.
std::string shell_path(const std::string& share, const std::string& relative) {
  namespace fs = std::filesystem;
  fs::path p = (fs::path(share) / relative).lexically_normal();
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec && p.is_absolute()) {
    fs::path r = p.lexically_relative(cwd);
    if (!r.empty() && *r.begin() != "..") p = r;
  }
  std::string s = p.string();
  bool plain = true;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '_' ||
              c == '-' || c == '+' || c == ',' || c == ':';
    plain = plain && ok;
  }
  if (plain) return s;
  std::string quoted = "'";
  for (char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

std::string version_text() {
  std::string text = fmt::format("nytta {}\nbuilt with:", version());
  for (const auto& [name, version] : library_versions()) text += fmt::format("\n  {:<14} {}", name, version);
  return text;
}

std::string command_example(std::string_view command, const Env& env) {
  std::string data = bundled_data_path(env);
  std::string share = share_dir_of(std::filesystem::path(data).parent_path().string());
  auto file = [&](const char* relative) { return shell_path(share, relative); };
  std::vector<std::string> lines;
  if (command == "report") {
    lines = {"nytta report                     # the bundled data: the latest year ranked",
             "nytta report --year 2010 --unit Helsinki -o report.html"};
  } else if (command == "rank") {
    lines = {"nytta rank --kpi cost_per_loan --year 2013 --top 10"};
  } else if (command == "trend") {
    lines = {"nytta trend --kpi cost_per_loan --unit Helsinki --unit Espoo"};
  } else if (command == "compare") {
    lines = {"nytta compare --unit Raasepori --lang sv -f md -o raasepori.md"};
  } else if (command == "quadrant") {
    lines = {"nytta quadrant --result visits_per_inhabitant --input cost_per_inhabitant"};
  } else if (command == "goal") {
    lines = {fmt::format("nytta goal --kpis {} --kpi kindergarten_coverage_1_2 --target 0.95 --by 2027 {}",
                         file("kpis/kindergarten.toml"), file("data/no_kindergarten_2020_2023.csv"))};
  } else if (command == "target") {
    lines = {"nytta target --unit Raasepori --option A --percent 10"};
  } else if (command == "explain") {
    lines = {"nytta explain --unit Helsinki --kpi benefit_index --year 2013"};
  } else if (command == "similar") {
    lines = {"nytta similar --unit Helsinki -k 10 --by population:log,cost_per_inhabitant"};
  } else if (command == "frontier") {
    lines = {"nytta frontier --inputs cost --outputs loans,visits --rts vrs --unit Raasepori"};
  } else if (command == "malmquist") {
    lines = {"nytta malmquist --rts vrs --from 2012 --to 2013"};
  } else if (command == "kpis") {
    lines = {"nytta kpis --lang sv", fmt::format("nytta kpis --kpis {}", file("kpis/kindergarten.toml"))};
  } else if (command == "check") {
    lines = {fmt::format("nytta check --rules {} --junit report.xml", file("data/rules/example.toml")),
             fmt::format("nytta check --rules {} --annotations github   # in a GitHub Actions step", file("data/rules/example.toml"))};
  } else if (command == "batch") {
    lines = {"nytta batch --out reports/ --units Helsinki,Espoo --format html"};
  } else if (command == "validate") {
    lines = {fmt::format("nytta validate {} -f md", file("data/se_libraries_2012.csv"))};
  } else if (command == "convert") {
    lines = {fmt::format("nytta convert --map {} export/*.csv -o canonical.csv", file("data/mappings/fi_kirjastot.toml"))};
  } else if (command == "completion") {
    lines = {"nytta completion bash > ~/.local/share/bash-completion/completions/nytta",
             "nytta completion zsh > ~/.zfunc/_nytta    # with fpath+=(~/.zfunc) before compinit"};
  } else {
    return {};
  }
  std::string text = lines.size() == 1 ? "Example:" : "Examples:";
  for (const std::string& l : lines) text += "\n  " + l;
  return text;
}

std::string main_help_footer() {
  return "Run 'nytta COMMAND --help' for the options of a command and an example; 'man nytta' for the manual.\n"
         "Exit status: 0 ok, 1 a check failed, 2 usage error, 65 data error, 66 file error, 70 internal error.";
}

}  // namespace nytta
