#pragma once
// What the frontier's tables (frontier_tables.cpp, frontier_peers.cpp) say of one unit:
// its key and name, whether its score is efficient, its peers by weight, why it was left out.

#include <algorithm>
#include <string>
#include <vector>

#include "cmd/frontier_text.hpp"
#include "nytta/metrics/frontier.hpp"

namespace nytta::detail {

inline const std::string& key_of(const Unit& u) { return u.code.empty() ? u.name : u.code; }

inline std::string name_of(const Unit& u) { return u.name.empty() ? u.code : u.name; }

inline bool optimal(const FrontierUnit& u) { return u.result.status == dea::Status::optimal; }

inline bool fully(const FrontierUnit& u) { return optimal(u) && u.result.fully_efficient; }

inline bool weakly(const FrontierUnit& u) {
  return optimal(u) && !u.result.fully_efficient && u.result.efficiency >= 1.0 - dea::kTolerance;
}

// Peers by λ, largest first (index order among equals).
inline std::vector<dea::Peer> sorted_peers(const FrontierUnit& u) {
  std::vector<dea::Peer> peers = u.result.peers;
  std::stable_sort(peers.begin(), peers.end(), [](const dea::Peer& a, const dea::Peer& b) { return a.lambda > b.lambda; });
  return peers;
}

inline std::string why_text(const FrontierExclusion& x, const std::string& lang) {
  switch (x.why) {
    case FrontierExclusion::Why::missing: return ftextf(lang, "why_missing", x.variable);
    case FrontierExclusion::Why::not_positive: return ftextf(lang, "why_not_positive", x.variable);
    case FrontierExclusion::Why::negative: return ftextf(lang, "why_negative", x.variable);
    case FrontierExclusion::Why::no_output: return ftr(lang, "why_no_output");
    case FrontierExclusion::Why::impossible: return ftextf(lang, "why_impossible", x.detail);
  }
  return {};
}

}  // namespace nytta::detail
