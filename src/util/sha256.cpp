// SHA-256 by nettle (Debian nettle-dev), never by hand: the runs table of a SQLite output
// names each data file with its hash, so that a figure kept for years can be traced to the
// exact bytes it came from.

#include "nytta/util/sha256.hpp"

#include <cerrno>
#include <cstdio>
#include <fmt/format.h>
#include <nettle/sha2.h>

#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

std::string hex(const std::uint8_t* digest, std::size_t n) {
  std::string out;
  out.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  return hex(digest, SHA256_DIGEST_SIZE);
}

FileDigest sha256_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw FileError(fmt::format("{}: cannot read the file: {}", path, system_message(errno)));
  sha256_ctx ctx;
  sha256_init(&ctx);
  FileDigest d;
  std::uint8_t buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) {
    sha256_update(&ctx, n, buf);
    d.bytes += n;
  }
  bool failed = std::ferror(f) != 0;
  int err = errno;
  std::fclose(f);
  if (failed) throw FileError(fmt::format("{}: cannot read the file: {}", path, system_message(err)));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  d.sha256 = hex(digest, SHA256_DIGEST_SIZE);
  return d;
}

}  // namespace nytta
