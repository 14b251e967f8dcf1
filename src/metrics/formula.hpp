#pragma once
// Formulas of the KPI catalogue, evaluated by muparser in bulk mode over whole columns.
// national(kpi) is rewritten to a variable national__kpi, which the evaluator fills with
// the national value of the row's year.

#include <cstddef>
#include <string>
#include <vector>

#include "nytta/error.hpp"

namespace nytta {

struct CompiledFormula {
  std::string text;                   // as written
  std::string expression;             // as given to muparser
  std::vector<std::string> variables; // every variable of expression, in a fixed order
  std::vector<std::string> names;     // the plain identifiers among them
  std::vector<std::string> national;  // ids inside national(...)
  Location where;
};

/// The variable that stands for national(id).
std::string national_variable(const std::string& id);

/// Checks the syntax and finds the variables. Throws DataError at where.
CompiledFormula compile_formula(const std::string& text, const Location& where);

/// Evaluates f over n rows; inputs[i] is the column of f.variables[i]. A row with a
/// missing input, a division by zero or any other non-finite result gives NaN.
std::vector<double> evaluate_formula(const CompiledFormula& f,
                                     const std::vector<const double*>& inputs, std::size_t n);

}  // namespace nytta
