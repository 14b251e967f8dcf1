// The DEA engine's side of the frontier benchmark (bench/dea_job.sh): reads the same CSV
// as the scipy peer (bench/peers/dea_scipy.py), solves every unit with nytta::dea::solve and
// writes code,efficiency so the two can be compared line by line. Timing goes to stderr.
// Not part of `nytta`: the real command is `nytta frontier`; this only times the engine.
//
//   nytta_dea_bench FILE --inputs cost --outputs loans,visits --rts crs --orientation input
//                   [--plain] [--no-slacks] [--super] [-o OUT]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "nytta/metrics/dea.hpp"

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "nytta_dea_bench: " << why << "\n"
            << "usage: nytta_dea_bench FILE --inputs A[,B] --outputs C[,D] [--rts crs|vrs|drs|irs|fdh]\n"
            << "       [--orientation input|output] [--plain] [--no-slacks] [--super] [-o OUT]\n";
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string file, out_file;
  std::vector<std::string> inputs, outputs;
  nytta::dea::Options opt;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    auto value = [&]() -> std::string {
      if (a + 1 >= argc) usage("missing value for " + arg);
      return argv[++a];
    };
    if (arg == "--inputs") {
      inputs = split(value(), ',');
    } else if (arg == "--outputs") {
      outputs = split(value(), ',');
    } else if (arg == "--rts") {
      auto r = nytta::dea::parse_rts(value());
      if (!r) usage("bad --rts");
      opt.rts = *r;
    } else if (arg == "--orientation") {
      auto o = nytta::dea::parse_orientation(value());
      if (!o) usage("bad --orientation");
      opt.orientation = *o;
    } else if (arg == "--plain") {
      opt.accelerate = false;
    } else if (arg == "--no-slacks") {
      opt.slacks = false;
    } else if (arg == "--super") {
      opt.super = true;
    } else if (arg == "-o") {
      out_file = value();
    } else if (!arg.empty() && arg[0] == '-') {
      usage("unknown flag " + arg);
    } else {
      file = arg;
    }
  }
  if (file.empty() || inputs.empty() || outputs.empty()) usage("FILE, --inputs and --outputs are required");

  std::ifstream in(file);
  if (!in) usage("cannot read " + file);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header = split(line, ',');
  auto column = [&](const std::string& name) {
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == name) return c;
    usage("no column " + name);
  };
  std::vector<std::size_t> xc, yc;
  for (const std::string& n : inputs) xc.push_back(column(n));
  for (const std::string& n : outputs) yc.push_back(column(n));
  std::vector<std::string> codes;
  nytta::dea::Technology t;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f = split(line, ',');
    codes.push_back(f[0]);
    std::vector<double> x, y;
    for (std::size_t c : xc) x.push_back(std::stod(f[c]));
    for (std::size_t c : yc) y.push_back(std::stod(f[c]));
    t.x.push_back(std::move(x));
    t.y.push_back(std::move(y));
  }

  auto start = std::chrono::steady_clock::now();
  nytta::dea::Result r = nytta::dea::solve(t, opt);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::size_t efficient = 0, fully = 0;
  for (const auto& u : r.units) {
    if (u.efficiency >= 1 - nytta::dea::kTolerance) ++efficient;
    if (u.fully_efficient) ++fully;
  }
  std::fprintf(stderr,
               "nytta dea: %zu units, rts %s, %s, %s: %.3f s (%.1f us/unit), %zu LPs, %zu pivots, %zu columns, "
               "%zu feasibility runs, %zu slack-stage failures, %zu efficient (%zu fully)\n",
               t.x.size(), std::string(nytta::dea::to_string(opt.rts)).c_str(),
               std::string(nytta::dea::to_string(opt.orientation)).c_str(), opt.accelerate ? "accelerated" : "plain",
               seconds, 1e6 * seconds / static_cast<double>(t.x.size()), r.stats.lps, r.stats.iterations,
               r.stats.columns, r.stats.feasibility_runs, r.stats.slack_failures, efficient, fully);

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!out_file.empty()) {
    file_out.open(out_file);
    out = &file_out;
  }
  *out << "code,efficiency" << (opt.super ? ",super_efficiency" : "") << "\n";
  char buf[64];
  for (std::size_t j = 0; j < codes.size(); ++j) {
    std::snprintf(buf, sizeof buf, "%.12g", r.units[j].efficiency);
    *out << codes[j] << ',' << buf;
    if (opt.super) {
      std::snprintf(buf, sizeof buf, "%.12g", r.units[j].super_efficiency);
      *out << ',' << (r.units[j].super_feasible ? buf : "");
    }
    *out << "\n";
  }
  return 0;
}
