#include "faultline/base/load_error.hpp"

namespace faultline::base {

std::string LoadError::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!json_path.empty()) out += json_path + ": ";
  out += problem;
  if (!allowed.empty()) out += " (allowed: " + allowed + ")";
  return out;
}

}  // namespace faultline::base
