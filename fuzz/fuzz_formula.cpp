// libFuzzer target: the formula compiler and both evaluators. Every text must compile or
// fail with a DataError; a formula that compiles must evaluate without a crash, and the
// column program must agree with muparser on every row, bit for bit (NaN for NaN).

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "nytta/formula/formula.hpp"
#include "nytta/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  nytta::CompiledFormula f;
  try {
    f = nytta::compile_formula_uncached(text, nytta::Location{"fuzz.toml", 1, 11});
  } catch (const nytta::DataError&) {
    return 0;
  }
  // Columns with the awkward values: zero, negative zero, missing, huge, tiny, negative.
  const std::vector<double> samples = {0.0, -0.0, NAN, 1e308, 1e-308, -3.5, 2.0, 1e6, 7.0, -1.0};
  std::vector<std::vector<double>> columns(f.variables.size());
  for (std::size_t v = 0; v < columns.size(); ++v) {
    for (std::size_t r = 0; r < samples.size(); ++r) columns[v].push_back(samples[(r + 3 * v) % samples.size()]);
  }
  std::vector<const double*> inputs;
  for (const std::vector<double>& c : columns) inputs.push_back(c.data());
  std::vector<double> a;
  try {
    a = nytta::evaluate_formula(f, inputs, samples.size());
  } catch (const nytta::DataError&) {
    return 0;  // muparser found an error only at evaluation (e.g. a wrong number of arguments)
  }
  for (double x : a) {
    if (std::isinf(x)) std::abort();  // non-finite results must come out missing
  }
  if (!f.program.empty()) {
    std::vector<double> b = nytta::evaluate_with_muparser(f, inputs, samples.size());
    for (std::size_t r = 0; r < a.size(); ++r) {
      if (!(std::memcmp(&a[r], &b[r], sizeof(double)) == 0 || (std::isnan(a[r]) && std::isnan(b[r])))) std::abort();
    }
  }
  return 0;
}
