#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "nytta/util/missing.hpp"
#include "nytta/metrics/dea.hpp"

// Published DEA cases, each cited where its numbers come from. Where a publication gives
// no number, the expected values were computed independently with scipy's linprog (HiGHS)
// or by brute-force enumeration: tests/fixtures/dea/reference.py prints every such number
// (see tests/fixtures/dea/README.md). Tolerance 1e-6 unless the source prints fewer digits.

using namespace nytta;
using Catch::Matchers::WithinAbs;

namespace {

dea::Technology technology(std::vector<std::vector<double>> x, std::vector<std::vector<double>> y) {
  return dea::Technology{std::move(x), std::move(y)};
}

dea::Technology one_input_one_output(const std::vector<double>& x, const std::vector<double>& y) {
  dea::Technology t;
  for (std::size_t j = 0; j < x.size(); ++j) {
    t.x.push_back({x[j]});
    t.y.push_back({y[j]});
  }
  return t;
}

dea::Options options(dea::Rts rts, dea::Orientation orientation) {
  dea::Options o;
  o.rts = rts;
  o.orientation = orientation;
  return o;
}

std::vector<double> efficiencies(const dea::Result& r) {
  std::vector<double> e;
  for (const dea::UnitResult& u : r.units) e.push_back(u.efficiency);
  return e;
}

std::vector<double> super_efficiencies(const dea::Result& r) {
  std::vector<double> e;
  for (const dea::UnitResult& u : r.units) e.push_back(u.super_feasible ? u.super_efficiency : kMissing);
  return e;
}

// Element by element; a NaN expected value expects NaN.
void check_values(const std::vector<double>& got, const std::vector<double>& expected, double tolerance) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t j = 0; j < got.size(); ++j) {
    INFO("unit index " << j);
    if (std::isnan(expected[j]))
      CHECK(std::isnan(got[j]));
    else
      CHECK_THAT(got[j], WithinAbs(expected[j], tolerance));
  }
}

double lambda_of(const dea::UnitResult& u, std::size_t unit) {
  for (const dea::Peer& p : u.peers)
    if (p.unit == unit) return p.lambda;
  return 0.0;
}

// Coelli, Rao & Battese (1998), An Introduction to Efficiency and Productivity Analysis,
// the 5-firm example: inputs x1, x2, output y (also DEAP's eg1, Coelli 1996).
dea::Technology coelli() {
  return technology({{2, 5}, {2, 4}, {6, 6}, {3, 2}, {6, 2}}, {{1}, {2}, {3}, {1}, {2}});
}

// The "FLS book data" of DataEnvelopmentAnalysis.jl, test/dea.jl: 11 DMUs, 2 inputs, 1 output.
dea::Technology fls() {
  return technology({{5, 13}, {16, 12}, {16, 26}, {17, 15}, {18, 14}, {23, 6}, {25, 10}, {27, 22}, {37, 14},
                     {42, 25}, {5, 17}},
                    {{12}, {14}, {25}, {26}, {8}, {9}, {27}, {30}, {31}, {26}, {12}});
}

// pyDEA, tests/DEA_example2_data.csv: 11 DMUs A..K, inputs I1..I3, outputs O1, O2.
dea::Technology pydea_example2() {
  return technology({{5, 13, 1}, {16, 12, 2}, {16, 26, 2}, {17, 15, 3}, {18, 14, 1}, {23, 6, 2}, {25, 10, 2},
                     {27, 22, 3}, {37, 14, 1}, {42, 25, 2}, {5, 17, 3}},
                    {{12, 34}, {14, 13}, {25, 56}, {26, 23}, {8, 18}, {9, 39}, {27, 21}, {30, 10}, {31, 25},
                     {26.5, 17}, {12, 37}});
}

// DEAP's one-input one-output example (Coelli 1996, "A Guide to DEAP Version 2.1", CEPA
// Working Paper 96/08, eg2; year 1 of eg4); also DataEnvelopmentAnalysis.jl test/deartstest.jl.
dea::Technology deap_one_by_one() { return one_input_one_output({2, 4, 3, 5, 6}, {1, 2, 3, 4, 5}); }

// A random technology: outputs from a concave function of the inputs times an
// inefficiency in (0.4, 1], a few exact duplicates and dominated copies.
dea::Technology random_technology(std::size_t n, std::size_t m, std::size_t s, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> input(1.0, 100.0), mix(0.2, 1.0), inefficiency(0.4, 1.0);
  dea::Technology t;
  for (std::size_t j = 0; j < n; ++j) {
    std::vector<double> x(m), y(s);
    double size = 0;
    for (double& v : x) {
      v = input(gen);
      size += v;
    }
    double e = j % 7 == 0 ? 1.0 : inefficiency(gen);
    for (double& v : y) v = std::pow(size, 0.8) * mix(gen) * e;
    if (j % 50 == 10 && j > 0) {  // an exact duplicate of an earlier unit
      x = t.x[j - 3];
      y = t.y[j - 3];
    }
    if (j % 50 == 20) y[0] = 0.0;  // an output a unit does not produce
    t.x.push_back(x);
    t.y.push_back(y);
  }
  return t;
}

double slack_sum(const dea::UnitResult& u) {
  double s = 0;
  for (double v : u.input_slack) s += v;
  for (double v : u.output_slack) s += v;
  return s;
}

}  // namespace

TEST_CASE("dea: coelli, rao and battese's five firms: crs scores, slack, peers, targets, peer counts", "[dea]") {
  // Expected CRS scores computed independently with scipy (tests/fixtures/dea/reference.py,
  // "coelli crs input"); DEAP's eg1-out.txt prints the same (0.500 1.000 0.833 0.714 1.000),
  // as does pyDEA tests/test_CRS_env_input_oriented_model.py.
  const std::vector<double> crs = {0.5, 1.0, 0.833333333333, 0.714285714286, 1.0};
  dea::Result in = dea::solve(coelli(), options(dea::Rts::crs, dea::Orientation::input));
  check_values(efficiencies(in), crs, 1e-6);
  // DEAP eg1-out.txt: input slack 0.5 of x2 for firm 1, no other slack; peers and peer
  // weights 1: 2 (0.5); 3: 5, 2 (0.5, 1.0); 4: 5, 2 (0.286, 0.214); peer counts 0 3 0 0 2;
  // input targets of firm 4: 2.143, 1.429.
  CHECK_THAT(in.units[0].input_slack[1], WithinAbs(0.5, 1e-9));
  CHECK(in.units[0].input_slack[0] == 0.0);
  CHECK(in.units[3].input_slack == std::vector<double>{0.0, 0.0});
  CHECK_THAT(lambda_of(in.units[0], 1), WithinAbs(0.5, 1e-9));
  CHECK_THAT(lambda_of(in.units[2], 4), WithinAbs(0.5, 1e-9));
  CHECK_THAT(lambda_of(in.units[2], 1), WithinAbs(1.0, 1e-9));
  CHECK_THAT(lambda_of(in.units[3], 4), WithinAbs(2.0 / 7.0, 1e-9));
  CHECK_THAT(lambda_of(in.units[3], 1), WithinAbs(3.0 / 14.0, 1e-9));
  CHECK(in.peer_count == std::vector<std::size_t>{0, 3, 0, 0, 2});
  CHECK_THAT(in.units[3].target_x[0], WithinAbs(15.0 / 7.0, 1e-9));
  CHECK_THAT(in.units[3].target_x[1], WithinAbs(10.0 / 7.0, 1e-9));
  CHECK_THAT(in.units[3].target_y[0], WithinAbs(1.0, 1e-9));
  CHECK_THAT(in.units[0].target_x[1], WithinAbs(2.0, 1e-9));  // 0.5 × 5 - 0.5
  std::vector<bool> fully;
  for (const auto& u : in.units) fully.push_back(u.fully_efficient);
  CHECK(fully == std::vector<bool>{false, true, false, false, true});
  CHECK(std::isnan(in.units[0].phi));

  // Under CRS the output orientation gives the same scores, φ = 1/θ.
  dea::Result out = dea::solve(coelli(), options(dea::Rts::crs, dea::Orientation::output));
  check_values(efficiencies(out), crs, 1e-6);
  CHECK_THAT(out.units[3].phi, WithinAbs(1.4, 1e-9));
  CHECK_THAT(out.units[3].target_y[0], WithinAbs(1.4, 1e-9));

  // VRS: all firms efficient in the input orientation (the brief; pyDEA
  // test_VRS_env_input_oriented_model.py); pyDEA test_VRS_env_output_oriented_model.py
  // gives 0.5, 1, 1, 1, 1 for the output orientation.
  check_values(efficiencies(dea::solve(coelli(), options(dea::Rts::vrs, dea::Orientation::input))),
               {1, 1, 1, 1, 1}, 1e-6);
  check_values(efficiencies(dea::solve(coelli(), options(dea::Rts::vrs, dea::Orientation::output))),
               {0.5, 1, 1, 1, 1}, 1e-6);
}

TEST_CASE("dea: the FLS data of DataEnvelopmentAnalysis.jl: scores, peers and slacks in both orientations", "[dea]") {
  // All numbers from DataEnvelopmentAnalysis.jl test/dea.jl (checked there against R); its
  // output orientation reports the Farrell φ, our phi.
  SECTION("crs input") {
    dea::Result r = dea::solve(fls(), options(dea::Rts::crs, dea::Orientation::input));
    check_values(efficiencies(r),
                 {1.0, 0.6222896791, 0.8198562444, 1.0, 0.3103709311, 0.5555555556, 1.0, 0.7576690896,
                  0.8201058201, 0.4905660377, 1.0},
                 1e-9);
    CHECK_THAT(lambda_of(r.units[1], 3), WithinAbs(0.4249783174, 1e-9));
    CHECK_THAT(lambda_of(r.units[1], 6), WithinAbs(0.10928013877, 1e-9));
    CHECK_THAT(lambda_of(r.units[9], 3), WithinAbs(0.4905660377, 1e-9));
    CHECK_THAT(lambda_of(r.units[9], 6), WithinAbs(0.49056603774, 1e-9));
    CHECK_THAT(r.units[5].input_slack[0], WithinAbs(4.444444444, 1e-8));
    CHECK_THAT(r.units[8].input_slack[0], WithinAbs(1.640211640, 1e-8));
    CHECK_THAT(r.units[10].input_slack[1], WithinAbs(4.0, 1e-9));
    // DMU 11 has efficiency 1 but uses 4 more of x2 than DMU 1 for the same output: weakly
    // efficient.
    CHECK(r.units[10].efficiency == 1.0);
    CHECK_FALSE(r.units[10].fully_efficient);
    CHECK(r.units[0].fully_efficient);
  }
  SECTION("crs output") {
    dea::Result r = dea::solve(fls(), options(dea::Rts::crs, dea::Orientation::output));
    std::vector<double> phi;
    for (const auto& u : r.units) phi.push_back(u.phi);
    check_values(phi,
                 {1.0, 1.606968641, 1.219726027, 1.0, 3.221951220, 1.8, 1.0, 1.319837398, 1.219354839,
                  2.038461538, 1.0},
                 1e-8);
    CHECK_THAT(r.units[1].efficiency, WithinAbs(1.0 / 1.606968641, 1e-8));
    CHECK_THAT(lambda_of(r.units[1], 3), WithinAbs(0.6829268293, 1e-9));
    CHECK_THAT(lambda_of(r.units[1], 6), WithinAbs(0.1756097561, 1e-9));
    CHECK_THAT(r.units[5].input_slack[0], WithinAbs(8.0, 1e-9));
    CHECK_THAT(r.units[8].input_slack[0], WithinAbs(2.0, 1e-9));
    CHECK_THAT(r.units[10].input_slack[1], WithinAbs(4.0, 1e-9));
  }
  SECTION("vrs input") {
    dea::Result r = dea::solve(fls(), options(dea::Rts::vrs, dea::Orientation::input));
    check_values(efficiencies(r),
                 {1.0, 0.8699861687, 1.0, 1.0, 0.7116402116, 1.0, 1.0, 1.0, 1.0, 0.4931209269, 1.0}, 1e-9);
    CHECK_THAT(lambda_of(r.units[1], 0), WithinAbs(0.52558782849, 1e-9));
    CHECK_THAT(lambda_of(r.units[1], 5), WithinAbs(0.2842323651, 1e-9));
    CHECK_THAT(lambda_of(r.units[1], 6), WithinAbs(0.1901798064, 1e-9));
    CHECK_THAT(lambda_of(r.units[9], 0), WithinAbs(0.03711078928, 1e-9));
    CHECK_THAT(lambda_of(r.units[9], 3), WithinAbs(0.4433381608, 1e-9));
    CHECK_THAT(lambda_of(r.units[9], 6), WithinAbs(0.5195510500, 1e-9));
    CHECK_THAT(r.units[4].output_slack[0], WithinAbs(2.698412698, 1e-8));
    CHECK_THAT(r.units[10].input_slack[1], WithinAbs(4.0, 1e-9));
    CHECK_THAT(r.units[4].target_y[0], WithinAbs(8 + 2.698412698, 1e-8));
  }
  SECTION("vrs output") {
    dea::Result r = dea::solve(fls(), options(dea::Rts::vrs, dea::Orientation::output));
    std::vector<double> phi;
    for (const auto& u : r.units) phi.push_back(u.phi);
    check_values(phi, {1.0, 1.507518797, 1.0, 1.0, 3.203947368, 1.0, 1.0, 1.0, 1.0, 1.192307692, 1.0}, 1e-8);
    CHECK_THAT(lambda_of(r.units[1], 0), WithinAbs(0.38157894737, 1e-9));
    CHECK_THAT(lambda_of(r.units[1], 3), WithinAbs(0.1710526316, 1e-9));
    CHECK_THAT(lambda_of(r.units[1], 6), WithinAbs(0.4473684211, 1e-9));
    CHECK_THAT(r.units[9].input_slack[0], WithinAbs(5.0, 1e-9));
    CHECK_THAT(r.units[9].input_slack[1], WithinAbs(11.0, 1e-9));
    CHECK_THAT(r.units[10].input_slack[1], WithinAbs(4.0, 1e-9));
    CHECK_THAT(r.units[9].target_x[1], WithinAbs(14.0, 1e-9));
  }
}

TEST_CASE("dea: results do not depend on the order of the units, weakly efficient ones included", "[dea]") {
  // The FLS data backwards: DMU 11, weakly efficient (slack 4 in x2 against DMU 1,
  // DataEnvelopmentAnalysis.jl test/dea.jl), is now solved first, before the unit that
  // reveals its slack has entered the model: the slack stage must price it in itself.
  dea::Technology forward = fls();
  dea::Technology backward = forward;
  std::reverse(backward.x.begin(), backward.x.end());
  std::reverse(backward.y.begin(), backward.y.end());
  for (dea::Rts rts : {dea::Rts::crs, dea::Rts::vrs, dea::Rts::fdh}) {
    for (dea::Orientation o : {dea::Orientation::input, dea::Orientation::output}) {
      INFO(dea::to_string(rts) << " " << dea::to_string(o));
      dea::Result f = dea::solve(forward, options(rts, o));
      dea::Result b = dea::solve(backward, options(rts, o));
      const std::size_t n = f.units.size();
      for (std::size_t j = 0; j < n; ++j) {
        INFO("unit index " << j);
        const dea::UnitResult& u = b.units[n - 1 - j];
        CHECK_THAT(u.efficiency, WithinAbs(f.units[j].efficiency, 1e-9));
        CHECK(u.fully_efficient == f.units[j].fully_efficient);
        CHECK_THAT(slack_sum(u), WithinAbs(slack_sum(f.units[j]), 1e-9));
      }
      CHECK_FALSE(b.units[0].fully_efficient);
      CHECK_THAT(b.units[0].input_slack[1], WithinAbs(4.0, 1e-9));
    }
  }
}

TEST_CASE("dea: the strong-disposal example of DataEnvelopmentAnalysis.jl: slacks of inefficient units", "[dea]") {
  // DataEnvelopmentAnalysis.jl test/dea.jl, "Weak Disposability Tests", the strong-disposal
  // models: X = 1 2 3 2 4, Y = 2 3 4 1 3.
  dea::Technology t = one_input_one_output({1, 2, 3, 2, 4}, {2, 3, 4, 1, 3});
  dea::Result in = dea::solve(t, options(dea::Rts::vrs, dea::Orientation::input));
  check_values(efficiencies(in), {1, 1, 1, 0.5, 0.5}, 1e-9);
  CHECK_THAT(in.units[3].output_slack[0], WithinAbs(1.0, 1e-9));
  CHECK(in.units[4].output_slack[0] == 0.0);
  dea::Result out = dea::solve(t, options(dea::Rts::vrs, dea::Orientation::output));
  check_values(efficiencies(out), {1, 1, 1, 1.0 / 3.0, 0.75}, 1e-9);
  CHECK_THAT(out.units[3].phi, WithinAbs(3.0, 1e-9));
  CHECK_THAT(out.units[4].input_slack[0], WithinAbs(1.0, 1e-9));
  CHECK_THAT(out.units[4].target_x[0], WithinAbs(3.0, 1e-9));
}

TEST_CASE("dea: returns to scale on DEAP's one-input example: crs, vrs, drs, irs and fdh", "[dea]") {
  dea::Technology t = deap_one_by_one();
  auto scores = [&](dea::Rts rts, dea::Orientation o) { return efficiencies(dea::solve(t, options(rts, o))); };
  using dea::Orientation;
  using dea::Rts;
  // DEAP eg4-out.txt (Coelli 1996), year 1: "crs te" 0.500 0.500 1.000 0.800 0.833 and the
  // output-oriented "vrs te" 1.000 0.545 1.000 0.923 1.000 (exactly 6/11 and 12/13).
  check_values(scores(Rts::crs, Orientation::input), {0.5, 0.5, 1.0, 0.8, 5.0 / 6.0}, 1e-9);
  check_values(scores(Rts::crs, Orientation::output), {0.5, 0.5, 1.0, 0.8, 5.0 / 6.0}, 1e-9);
  std::vector<double> vrs_out = scores(Rts::vrs, Orientation::output);
  check_values(vrs_out, {1.0, 6.0 / 11.0, 1.0, 12.0 / 13.0, 1.0}, 1e-9);
  // DataEnvelopmentAnalysis.jl test/deartstest.jl: S = Σ E_crs / Σ E_vrs = 0.802947 (input)
  // and 0.813093 (output orientation), 6 digits.
  std::vector<double> crs = scores(Rts::crs, Orientation::input);
  std::vector<double> vrs_in = scores(Rts::vrs, Orientation::input);
  double sum_crs = 0, sum_vrs_in = 0, sum_vrs_out = 0;
  for (std::size_t j = 0; j < crs.size(); ++j) {
    sum_crs += crs[j];
    sum_vrs_in += vrs_in[j];
    sum_vrs_out += vrs_out[j];
  }
  CHECK_THAT(sum_crs / sum_vrs_in, WithinAbs(0.802947, 1e-6));
  CHECK_THAT(sum_crs / sum_vrs_out, WithinAbs(0.813093, 1e-6));
  // DRS, IRS and FDH: reference.py ("deap drs input", ...), scipy and enumeration.
  std::vector<double> drs_in = scores(Rts::drs, Orientation::input);
  std::vector<double> irs_in = scores(Rts::irs, Orientation::input);
  check_values(vrs_in, {1, 0.625, 1, 0.9, 1}, 1e-9);
  check_values(drs_in, {0.5, 0.5, 1, 0.9, 1}, 1e-9);
  check_values(irs_in, {1, 0.625, 1, 0.8, 0.833333333333}, 1e-9);
  check_values(scores(Rts::drs, Orientation::output), {0.5, 0.545454545455, 1, 0.923076923077, 1}, 1e-9);
  check_values(scores(Rts::irs, Orientation::output), {1, 0.5, 1, 0.8, 0.833333333333}, 1e-9);
  check_values(scores(Rts::fdh, Orientation::input), {1, 0.75, 1, 1, 1}, 1e-12);
  check_values(scores(Rts::fdh, Orientation::output), {1, 2.0 / 3.0, 1, 1, 1}, 1e-12);
  // The VRS technology is the intersection of the DRS and IRS ones, so E_vrs = max(E_drs, E_irs).
  for (std::size_t j = 0; j < vrs_in.size(); ++j)
    CHECK_THAT(vrs_in[j], WithinAbs(std::max(drs_in[j], irs_in[j]), 1e-9));
}

TEST_CASE("dea: drs, irs and fdh on pyDEA's example agree with an independent solver", "[dea]") {
  using dea::Orientation;
  using dea::Rts;
  dea::Technology t = pydea_example2();
  auto scores = [&](Rts rts, Orientation o) { return efficiencies(dea::solve(t, options(rts, o))); };
  // pyDEA tests/test_CRS_env_input_oriented_model.py, test_CRS_env_input_oriented_large (8 digits).
  check_values(scores(Rts::crs, Orientation::input),
               {1, 0.64858757, 0.90924776, 1, 0.54907162, 1, 1, 0.8241206, 1, 0.62673338, 1}, 1e-8);
  // reference.py, "example2 drs input" etc.
  check_values(scores(Rts::drs, Orientation::input),
               {1, 0.648587570621, 1, 1, 0.549071618037, 1, 1, 1, 1, 0.638657395572, 1}, 1e-9);
  check_values(scores(Rts::irs, Orientation::input),
               {1, 0.869986168741, 0.909247757074, 1, 1, 1, 1, 0.824120603015, 1, 0.626733384194, 1}, 1e-9);
  check_values(scores(Rts::drs, Orientation::output),
               {1, 0.648587570621, 1, 1, 0.549071618037, 1, 1, 1, 1, 0.854838709677, 1}, 1e-9);
  check_values(scores(Rts::irs, Orientation::output),
               {1, 0.663341645885, 0.909247757074, 1, 0.549071618037, 1, 1, 0.824120603015, 1, 0.626733384194, 1},
               1e-9);
  check_values(scores(Rts::fdh, Orientation::input), {1, 1, 1, 1, 1, 1, 1, 1, 1, 0.880952380952, 1}, 1e-9);
  check_values(scores(Rts::fdh, Orientation::output), {1, 1, 1, 1, 0.666666666667, 1, 1, 1, 1, 0.854838709677, 1},
               1e-9);
}

TEST_CASE("dea: super-efficiency ranks the efficient units and reports infeasible ones as such", "[dea]") {
  using dea::Orientation;
  using dea::Rts;
  dea::Technology t = pydea_example2();
  auto super = [&](Rts rts, Orientation o) {
    dea::Options opt = options(rts, o);
    opt.super = true;
    return dea::solve(t, opt);
  };
  // pyDEA tests/test_super_efficiency.py, test_super_efficiency_medium (tolerance 1e-6 there).
  dea::Result crs = super(Rts::crs, Orientation::input);
  check_values(super_efficiencies(crs),
               {1.652173892, 0.6485875732, 0.909247759, 1.116838534, 0.5490716156, 2.485294106, 1.244945494,
                0.824120607, 2.299898658, 0.6267333816, 1.088235274},
               1e-6);
  // Inefficient units keep their efficiency; all feasible under CRS.
  CHECK(crs.units[1].super_efficiency == crs.units[1].efficiency);
  for (const auto& u : crs.units) CHECK(u.super_feasible);
  // VRS and FDH: reference.py ("example2 super vrs input" ...). C and I (input) and A and F
  // (output) have no VRS super-efficiency: infeasible, NaN, never a number.
  dea::Result vrs_in = super(Rts::vrs, Orientation::input);
  check_values(super_efficiencies(vrs_in),
               {2.19433198381, 0.869986168741, kMissing, 1.20458891013, 1, 2.65909090909, 1.29104761905, 1.22222222222,
                kMissing, 0.638657395572, 1.3},
               1e-9);
  CHECK_FALSE(vrs_in.units[2].super_feasible);
  CHECK(std::isnan(vrs_in.units[2].super_efficiency));
  CHECK(vrs_in.units[2].efficiency == 1.0);
  check_values(super_efficiencies(super(Rts::vrs, Orientation::output)),
               {kMissing, 0.663341645885, 1.62820745661, 1.16948111759, 0.549071618037, kMissing, 1.48201892744,
                1.05263157895, 2.58333333333, 0.854838709677, 1.08823529412},
               1e-9);
  check_values(super_efficiencies(super(Rts::fdh, Orientation::input)),
               {3, 1.5, kMissing, 2.17647058824, 1, 4.33333333333, 1.48, 1.37037037037, kMissing, 0.880952380952, 3.2}, 1e-9);
  check_values(super_efficiencies(super(Rts::fdh, Orientation::output)),
               {kMissing, kMissing, 2.08333333333, 1.85714285714, 0.666666666667, kMissing, 3, 1.11111111111, 2.58333333333,
                0.854838709677, 1.08823529412},
               1e-9);
}

TEST_CASE("dea: non-discretionary inputs are not scaled and keep their value as target", "[dea]") {
  // Banker–Morey: x2 of the Coelli firms treated as fixed; reference.py,
  // "coelli crs input, x2 non-discretionary".
  dea::Options opt = options(dea::Rts::crs, dea::Orientation::input);
  opt.non_discretionary = {false, true};
  dea::Result r = dea::solve(coelli(), opt);
  check_values(efficiencies(r), {0.5, 1, 0.5, 1.0 / 3.0, 1}, 1e-9);
  for (std::size_t j = 0; j < r.units.size(); ++j) {
    INFO("unit index " << j);
    CHECK(r.units[j].input_slack[1] == 0.0);
    CHECK(r.units[j].target_x[1] == coelli().x[j][1]);
  }
  CHECK_THAT(r.units[3].target_x[0], WithinAbs(1.0, 1e-9));
  opt.non_discretionary = {true, true};
  CHECK_THROWS_WITH(dea::solve(coelli(), opt), Catch::Contains("at least one discretionary input"));
  opt.non_discretionary = {true};
  CHECK_THROWS_WITH(dea::solve(coelli(), opt), Catch::Contains("one flag per input"));
}

TEST_CASE("dea: malmquist index of DataEnvelopmentAnalysis.jl's panel, chained over three periods", "[dea]") {
  // DataEnvelopmentAnalysis.jl test/malmquist.jl: 5 units, 1 input, 1 output, CRS; the
  // index, EC and TC, the same in the output orientation, and the third period.
  dea::Technology p1 = one_input_one_output({2, 3, 5, 4, 4}, {1, 4, 6, 3, 5});
  dea::Technology p2 = one_input_one_output({1, 2, 4, 3, 4}, {1, 4, 6, 3, 3});
  dea::Technology p3 = one_input_one_output({0.5, 1.5, 3, 2, 4}, {2, 4, 6, 3, 1});
  for (dea::Orientation o : {dea::Orientation::input, dea::Orientation::output}) {
    INFO(dea::to_string(o));
    std::vector<dea::MalmquistUnit> a = dea::malmquist(p1, p2, dea::Rts::crs, o);
    std::vector<dea::MalmquistUnit> b = dea::malmquist(p2, p3, dea::Rts::crs, o);
    const std::vector<double> m1 = {2.0, 1.5, 1.25, 1.3333333333, 0.6}, ec1 = {1.3333333333, 1, 0.8333333333,
                                                                               0.8888888889, 0.4};
    const std::vector<double> m2 = {4.0, 1.3333333, 1.3333333, 1.5, 0.3333333}, ec2 = {2.0, 0.6666667, 0.6666667,
                                                                                      0.75, 0.1666667};
    for (std::size_t j = 0; j < 5; ++j) {
      INFO("unit index " << j);
      CHECK_THAT(a[j].m, WithinAbs(m1[j], 1e-9));
      CHECK_THAT(a[j].ec, WithinAbs(ec1[j], 1e-9));
      CHECK_THAT(a[j].tc, WithinAbs(1.5, 1e-9));
      CHECK_THAT(a[j].ec * a[j].tc, WithinAbs(a[j].m, 1e-12));
      CHECK_THAT(b[j].m, WithinAbs(m2[j], 1e-7));
      CHECK_THAT(b[j].ec, WithinAbs(ec2[j], 1e-7));
      CHECK_THAT(b[j].tc, WithinAbs(2.0, 1e-9));
      // Chained index, period 1 → 3: the product of the year-on-year indices.
      CHECK_THAT(a[j].m * b[j].m, WithinAbs(m1[j] * m2[j], 1e-6));
    }
    // Geometric means, DEAP's "mean" row: (2 · 1.5 · 1.25 · 4/3 · 0.6)^(1/5).
    dea::MalmquistUnit mean = dea::malmquist_mean(a);
    CHECK_THAT(mean.m, WithinAbs(std::pow(2.0 * 1.5 * 1.25 * (4.0 / 3.0) * 0.6, 0.2), 1e-9));
    CHECK_THAT(mean.tc, WithinAbs(1.5, 1e-9));
    CHECK(std::isnan(mean.e00));
  }
}

TEST_CASE("dea: malmquist under vrs is missing where a cross-period LP is infeasible", "[dea]") {
  // reference.py, "malmquist vrs output e10": unit 1 of period 2 (x = 1, y = 1) lies below
  // every period-1 unit's input, so no period-1 VRS technology point uses as little input.
  dea::Technology p1 = one_input_one_output({2, 3, 5, 4, 4}, {1, 4, 6, 3, 5});
  dea::Technology p2 = one_input_one_output({1, 2, 4, 3, 4}, {1, 4, 6, 3, 3});
  std::vector<dea::MalmquistUnit> r = dea::malmquist(p1, p2, dea::Rts::vrs, dea::Orientation::output);
  std::vector<double> e00, e11, e01, e10;
  for (const auto& u : r) {
    e00.push_back(u.e00);
    e11.push_back(u.e11);
    e01.push_back(u.e01);
    e10.push_back(u.e10);
  }
  check_values(e00, {1, 1, 1, 0.6, 1}, 1e-9);
  check_values(e11, {1, 1, 1, 0.6, 0.5}, 1e-9);
  check_values(e01, {0.25, 0.8, 1, 0.5, 0.833333333333}, 1e-9);
  check_values(e10, {kMissing, 4, 1.2, 0.75, 0.6}, 1e-9);
  CHECK(std::isnan(r[0].m));
  CHECK(std::isnan(r[0].tc));
  CHECK_THAT(r[0].ec, WithinAbs(1.0, 1e-9));
  CHECK_THAT(r[1].m, WithinAbs(std::sqrt(4.0 / 1.0 * 1.0 / 0.8), 1e-9));
  std::vector<dea::MalmquistUnit> in = dea::malmquist(p1, p2, dea::Rts::vrs, dea::Orientation::input);
  std::vector<double> in_e10;
  for (const auto& u : in) in_e10.push_back(u.e10);
  check_values(in_e10, {2, 1.5, 1.25, 0.888888888889, 0.666666666667}, 1e-9);
}

TEST_CASE("dea: the accelerated method gives the plain method's scores on random data", "[dea]") {
  // Column generation over the non-dominated units against every unit in every LP: the same
  // optimum, so the same scores (1e-9), super-efficiencies, efficient flags and slack sums.
  dea::Technology t = random_technology(300, 2, 3, 20240611u);
  for (dea::Rts rts : {dea::Rts::crs, dea::Rts::vrs, dea::Rts::drs, dea::Rts::irs}) {
    for (dea::Orientation o : {dea::Orientation::input, dea::Orientation::output}) {
      INFO(dea::to_string(rts) << " " << dea::to_string(o));
      dea::Options fast = options(rts, o);
      fast.super = true;
      dea::Options plain = fast;
      plain.accelerate = false;
      dea::Result a = dea::solve(t, fast);
      dea::Result p = dea::solve(t, plain);
      double worst = 0, worst_super = 0;
      std::size_t efficient = 0;
      for (std::size_t j = 0; j < t.x.size(); ++j) {
        INFO("unit index " << j);
        REQUIRE(a.units[j].status == dea::Status::optimal);
        REQUIRE(p.units[j].status == dea::Status::optimal);
        worst = std::max(worst, std::abs(a.units[j].efficiency - p.units[j].efficiency));
        CHECK(a.units[j].fully_efficient == p.units[j].fully_efficient);
        CHECK(a.units[j].super_feasible == p.units[j].super_feasible);
        if (a.units[j].super_feasible && p.units[j].super_feasible)
          worst_super = std::max(worst_super, std::abs(a.units[j].super_efficiency - p.units[j].super_efficiency) /
                                                  std::max(1.0, p.units[j].super_efficiency));
        CHECK_THAT(slack_sum(a.units[j]), WithinAbs(slack_sum(p.units[j]), 1e-6 * (1 + slack_sum(p.units[j]))));
        if (a.units[j].efficiency >= 1 - dea::kTolerance) ++efficient;
      }
      CHECK(worst <= 1e-9);
      CHECK(worst_super <= 1e-9);
      // The model holds far fewer than all units.
      CHECK(a.stats.columns < t.x.size() / 2);
      CHECK(p.stats.columns == t.x.size());
      CHECK(efficient > 0);
    }
  }
}

TEST_CASE("dea: the accelerated method matches the plain one on small integer data full of ties", "[dea]") {
  // Ties and degenerate LPs are where a column that only the slack stage needs, or only a
  // super-efficiency LP needs, shows up: 100 small data sets with values 1..4.
  for (unsigned seed = 1; seed <= 100; ++seed) {
    std::mt19937 gen(seed);
    std::uniform_int_distribution<int> value(1, 4);
    dea::Technology t;
    const std::size_t n = 4 + seed % 8;
    for (std::size_t j = 0; j < n; ++j) {
      t.x.push_back({double(value(gen)), double(value(gen))});
      t.y.push_back({double(value(gen)), double(value(gen))});
    }
    for (dea::Rts rts : {dea::Rts::crs, dea::Rts::vrs, dea::Rts::drs, dea::Rts::irs}) {
      for (dea::Orientation o : {dea::Orientation::input, dea::Orientation::output}) {
        dea::Options fast = options(rts, o);
        fast.super = true;
        dea::Options plain = fast;
        plain.accelerate = false;
        dea::Result a = dea::solve(t, fast);
        dea::Result p = dea::solve(t, plain);
        for (std::size_t j = 0; j < n; ++j) {
          INFO("seed " << seed << " " << dea::to_string(rts) << " " << dea::to_string(o) << " unit " << j);
          CHECK_THAT(a.units[j].efficiency, WithinAbs(p.units[j].efficiency, 1e-9));
          CHECK(a.units[j].fully_efficient == p.units[j].fully_efficient);
          CHECK_THAT(slack_sum(a.units[j]), WithinAbs(slack_sum(p.units[j]), 1e-9));
          CHECK(a.units[j].super_feasible == p.units[j].super_feasible);
          if (p.units[j].super_feasible)
            CHECK_THAT(a.units[j].super_efficiency, WithinAbs(p.units[j].super_efficiency, 1e-9));
        }
      }
    }
  }
}

TEST_CASE("dea: units spanning six orders of magnitude get exact scores and feasible peers", "[dea]") {
  // Libraries' costs run from a few hundred to hundreds of millions. CLP's tolerances are
  // absolute, so without the engine's own scaling a small library's LP accepted a large
  // library's λ of -5e-10 and the score moved by 1e-5 (US data, FY2014). Here: the reported
  // peers and score must be a point of the technology to a relative 1e-8, and the scores
  // must not depend on the order of the units or on the method (1e-9).
  std::mt19937 gen(99u);
  std::uniform_real_distribution<double> magnitude(0.0, 6.0), mix(0.3, 1.0), inefficiency(0.5, 1.0);
  dea::Technology t;
  for (std::size_t j = 0; j < 400; ++j) {
    double size = std::pow(10.0, magnitude(gen));
    double e = j % 5 == 0 ? 1.0 : inefficiency(gen);
    t.x.push_back({size * mix(gen)});
    t.y.push_back({std::pow(size, 0.9) * mix(gen) * e, std::pow(size, 0.9) * mix(gen) * e,
                   std::pow(size, 1.1) * mix(gen) * e});
  }
  dea::Technology backward = t;
  std::reverse(backward.x.begin(), backward.x.end());
  std::reverse(backward.y.begin(), backward.y.end());
  for (dea::Rts rts : {dea::Rts::crs, dea::Rts::vrs}) {
    for (dea::Orientation o : {dea::Orientation::input, dea::Orientation::output}) {
      INFO(dea::to_string(rts) << " " << dea::to_string(o));
      dea::Options plain = options(rts, o);
      plain.accelerate = false;
      dea::Result a = dea::solve(t, options(rts, o));
      dea::Result b = dea::solve(backward, options(rts, o));
      dea::Result p = dea::solve(t, plain);
      const std::size_t n = t.x.size();
      double worst_feasibility = 0, worst_order = 0, worst_method = 0;
      for (std::size_t j = 0; j < n; ++j) {
        const dea::UnitResult& u = a.units[j];
        worst_order = std::max(worst_order, std::abs(u.efficiency - b.units[n - 1 - j].efficiency));
        worst_method = std::max(worst_method, std::abs(u.efficiency - p.units[j].efficiency));
        double sx = 0, sl = 0;
        std::vector<double> sy(3, 0.0);
        for (const dea::Peer& peer : u.peers) {
          sx += peer.lambda * t.x[peer.unit][0];
          sl += peer.lambda;
          for (std::size_t r = 0; r < 3; ++r) sy[r] += peer.lambda * t.y[peer.unit][r];
        }
        double scale_x = o == dea::Orientation::input ? u.efficiency : 1.0;
        double scale_y = o == dea::Orientation::input ? 1.0 : u.phi;
        worst_feasibility = std::max(worst_feasibility, sx / (scale_x * t.x[j][0]) - 1.0);
        for (std::size_t r = 0; r < 3; ++r)
          worst_feasibility = std::max(worst_feasibility, 1.0 - sy[r] / (scale_y * t.y[j][r]));
        if (rts == dea::Rts::vrs) worst_feasibility = std::max(worst_feasibility, std::abs(sl - 1.0));
      }
      CHECK(worst_feasibility <= 1e-8);  // the slack stage may give the score 1e-9
      CHECK(worst_order <= 1e-9);
      CHECK(worst_method <= 1e-9);
    }
  }
}

TEST_CASE("dea: efficiency against the units' own frontier equals their efficiency", "[dea]") {
  // Without a unit's own column the restricted LP starts infeasible: this exercises the
  // phase one of the column generation against solve()'s results.
  dea::Technology t = random_technology(200, 1, 4, 7u);
  for (dea::Rts rts : {dea::Rts::crs, dea::Rts::vrs, dea::Rts::fdh}) {
    for (dea::Orientation o : {dea::Orientation::input, dea::Orientation::output}) {
      INFO(dea::to_string(rts) << " " << dea::to_string(o));
      dea::Options opt = options(rts, o);
      opt.slacks = false;
      std::vector<double> own = efficiencies(dea::solve(t, opt));
      std::vector<double> against = dea::efficiency_against(t, t, rts, o);
      check_values(against, own, 1e-9);
    }
  }
  // A point outside the technology scores above 1; one that needs more output than any
  // unit has, under VRS, is infeasible.
  dea::Technology ref = deap_one_by_one();
  dea::Technology points = one_input_one_output({1.5, 10}, {3, 100});
  std::vector<double> e = dea::efficiency_against(ref, points, dea::Rts::crs, dea::Orientation::input);
  check_values(e, {2.0, 10.0}, 1e-9);
  e = dea::efficiency_against(ref, points, dea::Rts::vrs, dea::Orientation::input);
  check_values(e, {2.0, kMissing}, 1e-9);
}

TEST_CASE("dea: unclean data are a bug in the caller and named in the exception", "[dea]") {
  dea::Options opt;
  CHECK_THROWS_AS(dea::solve(dea::Technology{}, opt), std::invalid_argument);
  CHECK_THROWS_WITH(dea::solve(one_input_one_output({1, 0}, {1, 1}), opt),
                    Catch::Contains("input is missing or not positive (unit 1)"));
  CHECK_THROWS_WITH(dea::solve(one_input_one_output({1, kMissing}, {1, 1}), opt),
                    Catch::Contains("input is missing or not positive (unit 1)"));
  CHECK_THROWS_WITH(dea::solve(one_input_one_output({1, 2}, {1, -1}), opt),
                    Catch::Contains("output is missing or negative (unit 1)"));
  CHECK_THROWS_WITH(dea::solve(technology({{1}, {1, 2}}, {{1}, {1}}), opt),
                    Catch::Contains("different numbers of inputs or outputs"));
  CHECK_THROWS_WITH(dea::efficiency_against(one_input_one_output({1}, {1}), coelli(), dea::Rts::crs,
                                            dea::Orientation::input),
                    Catch::Contains("different variables"));
  CHECK_THROWS_WITH(dea::malmquist(one_input_one_output({1}, {1}), one_input_one_output({1, 2}, {1, 2}),
                                   dea::Rts::crs),
                    Catch::Contains("different numbers of units"));
}

TEST_CASE("dea: a unit without output: efficiency 0 for the input, unbounded for the output orientation", "[dea]") {
  dea::Technology t = one_input_one_output({2, 4, 3}, {1, 0, 3});
  dea::Result in = dea::solve(t, options(dea::Rts::crs, dea::Orientation::input));
  CHECK(in.units[1].status == dea::Status::optimal);
  CHECK_THAT(in.units[1].efficiency, WithinAbs(0.0, 1e-12));
  for (dea::Rts rts : {dea::Rts::crs, dea::Rts::vrs, dea::Rts::fdh}) {
    INFO(dea::to_string(rts));
    dea::Result out = dea::solve(t, options(rts, dea::Orientation::output));
    CHECK(out.units[1].status == dea::Status::unbounded);
    CHECK(std::isnan(out.units[1].efficiency));
    CHECK(std::isnan(out.units[1].phi));
    REQUIRE(out.units[1].target_y.size() == 1);
    CHECK(std::isnan(out.units[1].target_y[0]));
    CHECK(out.units[1].peers.empty());
    CHECK_THAT(out.units[0].efficiency, WithinAbs(rts == dea::Rts::crs ? 0.5 : 1.0, 1e-9));
  }
}

TEST_CASE("dea: progress is reported after every unit, twice as often with super-efficiency", "[dea]") {
  for (dea::Rts rts : {dea::Rts::vrs, dea::Rts::fdh}) {
    dea::Options opt = options(rts, dea::Orientation::input);
    std::vector<std::size_t> done;
    std::size_t total = 0;
    opt.progress = [&](std::size_t d, std::size_t t) {
      done.push_back(d);
      total = t;
    };
    dea::solve(coelli(), opt);
    CHECK(done == std::vector<std::size_t>{1, 2, 3, 4, 5});
    CHECK(total == 5);
    opt.super = true;
    done.clear();
    dea::solve(coelli(), opt);
    CHECK(done.size() == 10);
    CHECK(total == 10);
  }
}

TEST_CASE("dea: names of returns to scale and orientations round-trip", "[dea]") {
  for (dea::Rts r : {dea::Rts::crs, dea::Rts::vrs, dea::Rts::drs, dea::Rts::irs, dea::Rts::fdh})
    CHECK(dea::parse_rts(dea::to_string(r)) == r);
  CHECK(dea::parse_orientation("output") == dea::Orientation::output);
  CHECK_FALSE(dea::parse_rts("CRS").has_value());
  CHECK_FALSE(dea::parse_orientation("in").has_value());
  CHECK(dea::to_string(dea::Status::infeasible) == "infeasible");
}
