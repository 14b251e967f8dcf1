#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "nytta/formula/formula.hpp"
#include "nytta/model/dataset.hpp"
#include "nytta/load/catalogue_file.hpp"
#include "nytta/model/kpi.hpp"

using namespace nytta;

TEST_CASE("the column programs give exactly what muparser gives", "[formula]") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-1000.0, 100000.0);
  const std::size_t n = 1500;  // several blocks and a partial one
  std::vector<std::vector<double>> columns(12, std::vector<double>(n));
  for (auto& c : columns) {
    for (double& v : c) v = u(rng);
    c[3] = 0.0;
    c[5] = kMissing;
  }
  std::vector<std::string> formulas;
  for (const KpiDef& k : builtin_catalogue().kpis) formulas.push_back(k.formula);
  for (const char* extra : {"a * 2 / 52", "2 * a + 1", "a ^ 2", "-a + b", "(a - b) / (a + b) * 100", "a > b", "a == a",
                            "a / b / c * 1000", "min(a, b)", "if(a > b, a, b)", "round(a / 3)"})
    formulas.emplace_back(extra);
  for (const std::string& text : formulas) {
    INFO(text);
    const CompiledFormula& f = compile_formula(text, Location{"t"});
    std::vector<const double*> inputs;
    for (std::size_t i = 0; i < f.variables.size(); ++i) inputs.push_back(columns[i].data());
    std::vector<double> fast = evaluate_formula(f, inputs, n);
    std::vector<double> reference = evaluate_with_muparser(f, inputs, n);
    for (std::size_t r = 0; r < n; ++r) {
      INFO("row " << r);
      if (std::isnan(reference[r])) CHECK(std::isnan(fast[r]));
      else CHECK(fast[r] == reference[r]);
    }
  }
  CHECK_FALSE(compile_formula("loans / population", Location{"t"}).program.empty());
  CHECK(compile_formula("min(a, b)", Location{"t"}).program.empty());
}

TEST_CASE("the same formula in two files keeps each file's place", "[formula]") {
  const CompiledFormula& a = compile_formula("loans / population", Location{"a.toml", 3, 11});
  const CompiledFormula& b = compile_formula("loans / population", Location{"b.toml", 7, 11});
  CHECK(a.where.file == "a.toml");
  CHECK(b.where.file == "b.toml");
  CHECK(b.where.line == 7);
}
