// The entry points of the lp module (libnytta_lp.so), forwarding to the C++ functions
// that lazy.cpp stands in for in the nytta executable. See nytta/util/module.hpp.

#include "metrics/lp/clp_frontier_lp.hpp"

#define NYTTA_EXPORT extern "C" __attribute__((visibility("default")))

using namespace nytta::dea;

NYTTA_EXPORT std::unique_ptr<detail::FrontierLp> nytta_make_frontier_lp(const detail::Reference& ref, Rts rts,
                                                                        Orientation orientation,
                                                                        std::vector<bool> non_discretionary,
                                                                        bool accelerate) {
  return detail::make_frontier_lp(ref, rts, orientation, std::move(non_discretionary), accelerate);
}

NYTTA_EXPORT std::pair<std::string, std::string> nytta_lp_library_version() { return lp_library_version(); }
