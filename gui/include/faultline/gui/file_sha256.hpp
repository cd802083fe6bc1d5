#pragma once
// SHA-256 of input files for the result's `inputs`: the reports module's implementation.

#include "faultline/reports/file_digest.hpp"

namespace faultline::gui {

using reports::sha256_file;

}  // namespace faultline::gui
