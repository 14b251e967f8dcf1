#pragma once
// The subcommands: each command's options and its run_<verb>, which loads, computes and
// writes. Their flags are declared in cli.hpp.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cmd/common.hpp"
#include "cmd/frontier_flags.hpp"

namespace nytta {

// The options of each command, as its flags set them (setup_x) and tests fill them in.

struct BatchOptions {
  CommonOptions common;
  std::string out;
  std::string format = "md";
  std::vector<std::string> units;
  std::optional<int> year;
  std::string against = "national";
  bool quiet = false;
  bool force = false;
  std::optional<int> jobs;  // 0 = every core
  std::string db;  // --db FILE: every unit's analysis into a SQLite database too
};

struct CheckOptions {
  CommonOptions common;
  std::string rules;
  std::string junit;
  std::string annotations;    // "github": workflow commands on stdout instead of the table
  std::string gitlab_report;  // a GitLab code-quality JSON file
};

struct CompareOptions {
  CommonOptions common;
  std::string unit;
  std::optional<int> year;
  std::string against = "national";
  std::size_t strengths = 3;
};

struct ConvertOptions {
  CommonOptions common;
};

struct ExplainOptions {
  CommonOptions common;
  std::string unit;
  std::string kpi;
  std::optional<int> year;
};

struct GoalOptions {
  CommonOptions common;
  std::string kpi;
  double target = 0.0;
  int by = 0;
  std::vector<std::string> units;
  std::size_t last = 5;
};

struct KpisOptions {
  CommonOptions common;
};

struct QuadrantOptions {
  CommonOptions common;
  std::string result, input;
  std::optional<int> year;
  std::string against = "national";
  std::vector<std::string> units;  // labelled in the chart
};

struct RankOptions {
  CommonOptions common;
  std::string kpi;
  std::optional<int> year;
  std::optional<std::size_t> top;
  std::vector<std::string> units;
  std::string against = "national";
};

struct ReportOptions {
  CommonOptions common;
  std::optional<int> year;
  std::size_t movers = 5;
  std::vector<std::string> units;  // highlighted in the chart
};

struct SimilarOptions {
  CommonOptions common;
  std::string unit;
  std::size_t k = 10;
  std::vector<std::string> by = {"population:log"};
  std::optional<int> year;
};

struct TargetOptions {
  CommonOptions common;
  std::string unit;
  std::optional<int> year;
  std::string option;
  double percent = 10.0;
  std::string method = "ratio";  // frontier: the frontier's targets beside the ratio ones
  std::string rts = "crs";       // the frontier's returns to scale
};

struct FrontierOptions {
  CommonOptions common;
  FrontierFlags flags;
  std::optional<int> year;
  bool super = false;
  std::vector<std::string> units;  // --unit: highlighted, with its peers
};

struct MalmquistOptions {
  CommonOptions common;
  FrontierFlags flags;
  std::optional<int> from, to;
  bool chain = false;
};

struct TrendOptions {
  CommonOptions common;
  std::string kpi;
  std::vector<std::string> units;
  std::optional<int> from, to, base_year;
  std::string against = "national";
  std::string cpi_file;
};

struct ValidateOptions {
  CommonOptions common;
  double jump_factor = 3.0;
};

// Each command run in process: main() through its Runner, tests with string streams.
Outcome run_batch(const BatchOptions& o, Io& io);
Outcome run_check(const CheckOptions& o, Io& io);
Outcome run_compare(const CompareOptions& o, Io& io);
Outcome run_convert(const ConvertOptions& o, Io& io);
Outcome run_explain(const ExplainOptions& o, Io& io);
Outcome run_frontier(const FrontierOptions& o, Io& io);
Outcome run_goal(const GoalOptions& o, Io& io);
Outcome run_kpis(const KpisOptions& o, Io& io);
Outcome run_malmquist(const MalmquistOptions& o, Io& io);
Outcome run_quadrant(const QuadrantOptions& o, Io& io);
Outcome run_rank(const RankOptions& o, Io& io);
Outcome run_report(const ReportOptions& o, Io& io);
Outcome run_similar(const SimilarOptions& o, Io& io);
Outcome run_target(const TargetOptions& o, Io& io);
Outcome run_trend(const TrendOptions& o, Io& io);
Outcome run_validate(const ValidateOptions& o, Io& io);

}  // namespace nytta
