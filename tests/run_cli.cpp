#include "run_cli.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "cmd/cli.hpp"

namespace nytta::test {

CliRun run_cli(const std::vector<std::string>& args, const Env& env) {
  static const std::map<std::string, Runner (*)(CLI::App&)> setups = {
      {"report", setup_report},     {"rank", setup_rank},         {"trend", setup_trend},
      {"compare", setup_compare},   {"quadrant", setup_quadrant}, {"goal", setup_goal},
      {"target", setup_target},     {"explain", setup_explain},   {"similar", setup_similar},
      {"frontier", setup_frontier}, {"malmquist", setup_malmquist}, {"kpis", setup_kpis},
      {"check", setup_check},       {"batch", setup_batch},       {"validate", setup_validate},
      {"convert", setup_convert}};
  auto it = setups.find(args.at(0));
  if (it == setups.end()) FAIL("no such verb: " << args[0]);
  CLI::App app;
  CLI::App* sub = app.add_subcommand(args[0]);
  Runner runner = it->second(*sub);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
  app.parse(reversed);
  std::ostringstream out, err;
  Io io{out, err, false, env, false, args};
  runner(io);
  return {out.str(), err.str()};
}

}  // namespace nytta::test
