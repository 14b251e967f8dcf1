#pragma once
// The fast path for canonical long CSV: see fast_long_csv.cpp.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "nytta/model/dataset.hpp"
#include "nytta/load/load.hpp"

namespace nytta {

/// The same Dataset load_long_csv() gives, faster, for a well-formed UTF-8 file; nullopt
/// when the file needs the general loader (anything unusual, any error, any note), which
/// then gives the same result or the exact error messages.
/// Files below min_bytes are left to the general loader, which is as fast on them (the
/// fuzzer lowers it to compare both on small inputs).
inline constexpr std::size_t kMinFastBytes = std::size_t{64} << 10;
std::optional<Dataset> try_fast_long_csv(const std::string& path, const LoadOptions& options,
                                         std::size_t min_bytes = kMinFastBytes);
/// The same for the bytes of a file already in memory; name is its source and place in
/// messages. The bytes must outlive the call only.
std::optional<Dataset> try_fast_long_csv(std::string_view bytes, const std::string& name, const LoadOptions& options,
                                         std::size_t min_bytes = kMinFastBytes);

}  // namespace nytta
