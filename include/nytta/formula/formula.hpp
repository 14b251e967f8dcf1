#pragma once
// Formulas of the KPI catalogue. muparser parses them; its bytecode (reverse Polish
// notation) is then run over whole columns, a block of rows at a time, in loops the
// compiler vectorises. Formulas with functions (min, max, if, round …) are evaluated by
// muparser's own bulk mode. national(kpi) is rewritten to a variable national__kpi, which
// the evaluator fills with the national value of the row's year. Compiled formulas are
// cached: the same text is parsed once per process.

#include <cstddef>
#include <string>
#include <vector>

#include "nytta/util/error.hpp"

namespace nytta {

struct CompiledFormula {
  std::string text;                   // as written
  std::string expression;             // as given to muparser
  std::vector<std::string> variables; // every variable of expression, in a fixed order
  std::vector<std::string> names;     // the plain identifiers among them
  std::vector<std::string> national;  // ids inside national(...)
  Location where;

  /// One step of the column program taken from muparser's bytecode.
  struct Op {
    enum class Code { var, var_mul, var_square, constant, add, sub, mul, div, pow, lt, le, gt, ge, eq, ne };
    Code code = Code::constant;
    std::size_t var = 0;  // index into variables
    double a = 0.0, b = 0.0;
  };
  std::vector<Op> program;  // empty when muparser must evaluate (functions, if-else …)
  std::size_t depth = 0;    // stack depth the program needs
};

/// The variable that stands for national(id).
std::string national_variable(const std::string& id);

/// Checks the syntax and finds the variables. Throws DataError at where. Thread-safe.
const CompiledFormula& compile_formula(const std::string& text, const Location& where);

/// The same without the cache (for the fuzzer, which would fill it).
CompiledFormula compile_formula_uncached(const std::string& text, const Location& where);

/// Evaluates f over n rows; inputs[i] is the column of f.variables[i]. A row with a
/// missing input, a division by zero or any other non-finite result gives NaN.
std::vector<double> evaluate_formula(const CompiledFormula& f,
                                     const std::vector<const double*>& inputs, std::size_t n);

/// The same with muparser's own bulk mode, for formulas the column program does not cover
/// (and for the test that both agree).
std::vector<double> evaluate_with_muparser(const CompiledFormula& f, const std::vector<const double*>& inputs,
                                           std::size_t n);

}  // namespace nytta
