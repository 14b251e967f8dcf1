#pragma once
// SHA-256 of input files, for the record of what a stored result was computed from.

#include <cstdint>
#include <string>
#include <string_view>

namespace nytta {

struct FileDigest {
  std::string sha256;  // lower-case hex
  std::uintmax_t bytes = 0;
};

/// The SHA-256 of data, in lower-case hex.
std::string sha256_hex(std::string_view data);

/// The SHA-256 and size of a file's bytes. Throws FileError when it cannot be read.
FileDigest sha256_file(const std::string& path);

}  // namespace nytta
