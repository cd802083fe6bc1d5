#pragma once
// Content hashes of input files, for the result contract's `inputs`.

#include <filesystem>
#include <string>

namespace faultline::base {

/// Lowercase hex SHA-256 of the file's bytes (OpenSSL); throws std::runtime_error naming an unreadable file.
std::string sha256_file(const std::filesystem::path& path);

}  // namespace faultline::base
