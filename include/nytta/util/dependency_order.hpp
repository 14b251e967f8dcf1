#pragma once
// Ordering things that refer to each other (KPIs in a catalogue, derived measures in a
// mapping) so that each comes after what it uses, finding cycles and measuring how deep
// the references nest. Iterative: a chain of ten thousand entries must not overflow the
// stack of the program that reads it.

#include <cstddef>
#include <functional>
#include <vector>

namespace nytta {

struct DependencyOrder {
  std::vector<std::size_t> order;  // every node after the nodes it depends on
  std::vector<std::size_t> cycle;  // a cycle when there is one: a → b → … → a (order is then empty)
  std::size_t depth = 0;           // the longest chain of references (1 = a node that uses no other)
};

/// Orders nodes 0..n-1; deps(i) lists the nodes i refers to (out-of-range entries are ignored).
DependencyOrder order_by_dependencies(std::size_t n, const std::function<std::vector<std::size_t>(std::size_t)>& deps);

}  // namespace nytta
