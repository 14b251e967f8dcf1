#pragma once
// nytta's modules: the code that needs a large library only one command uses (CLP for the
// frontier, liborcus for spreadsheets in, libxlsxwriter for xlsx out) is built as a shared
// module and loaded when that command runs. Loading every library at start cost a report
// on a small file two thirds of its time (CLP alone pulls in LAPACK, BLAS and gfortran).
//
// Each module directory (src/<layer>/<module>/) holds the code, module.cpp (its exported
// entry points, `nytta_<function>`) and lazy.cpp (the same C++ functions for the nytta
// executable, forwarding to the module). Tests and fuzz targets link the code itself.

#include <string>

namespace nytta {

/// The address of symbol in the module name: libnytta_<name>.so beside the executable
/// (a build tree) or in <exe_dir>/../lib/nytta (an installed nytta), loaded on first use
/// and kept. Throws FileError naming the file and the loader's reason when neither loads
/// or the symbol is missing: a broken installation.
void* module_symbol(const std::string& name, const char* symbol);

/// module_symbol as a function of type F (the type of the C++ function it stands for).
template <class F>
F* module_function(const std::string& name, const char* symbol) {
  return reinterpret_cast<F*>(module_symbol(name, symbol));
}

}  // namespace nytta
