#include "faultline/importer/resource.hpp"

#include <algorithm>
#include <cctype>

namespace faultline::importer {

std::string normalize_location(const std::string& location) {
  std::string out;
  for (const char c : location) {
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string parent_id(const std::string& id) {
  // ".../providers/NS/t1/n1/t2/n2": drop the last type/name pair unless it is the provider's first.
  const std::size_t providers = lower(id).rfind("/providers/");
  if (providers == std::string::npos) return "";
  std::size_t slashes = 0;
  for (std::size_t i = providers + 11; i < id.size(); ++i) slashes += id[i] == '/' ? 1 : 0;
  if (slashes < 4) return "";  // "NS/type/name": a top-level resource
  const std::size_t name_slash = id.rfind('/');
  const std::size_t type_slash = id.rfind('/', name_slash - 1);
  return id.substr(0, type_slash);
}

}  // namespace faultline::importer
