#include "faultline/cli/scenario_finder.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "faultline/base/json_reader.hpp"

namespace faultline::cli {
namespace {

namespace fs = std::filesystem;

// True for a scenario; false for other JSON; a problem text for a file that is not JSON.
std::string classify(const fs::path& file, bool& is_scenario) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    is_scenario = false;
    return "cannot be read";
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::vector<base::LoadError> errors;
  const std::optional<nlohmann::json> doc = base::JsonReader::parse(buffer.str(), file.string(), errors);
  if (!doc) {
    is_scenario = false;
    // Keep the parser's line and column: "4:1: syntax error ...".
    const base::LoadError& e = errors.front();
    if (e.line == 0) return "cannot be read as JSON: " + e.to_string();
    return std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.problem +
           "; not valid JSON, so it cannot be told apart from a scenario (allowed: " + e.allowed + ")";
  }
  is_scenario = doc->is_object() && doc->contains("workloads") && doc->contains("patterns");
  return {};
}

}  // namespace

std::vector<ScenarioCandidate> find_scenarios(const std::vector<std::string>& paths) {
  std::vector<ScenarioCandidate> found;
  for (const std::string& given : paths) {
    std::error_code ec;
    const fs::path root(given);
    if (fs::is_directory(root, ec)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        if (it->is_directory(ec)) {
          const std::string name = p.filename().string();
          if (name == "schema" || name == "topologies" || (!name.empty() && name.front() == '.'))
            it.disable_recursion_pending();
          continue;
        }
        if (p.extension() == ".json" && it->is_regular_file(ec)) files.push_back(p);
      }
      for (const fs::path& p : files) {
        bool is_scenario = false;
        std::string problem = classify(p, is_scenario);
        if (is_scenario || !problem.empty())
          found.push_back({p.lexically_normal().generic_string(), std::move(problem)});
      }
    } else if (fs::exists(root, ec)) {
      found.push_back({root.lexically_normal().generic_string(), {}});
    } else {
      found.push_back({root.lexically_normal().generic_string(), "no such file or folder"});
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  found.erase(std::unique(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.path == b.path; }),
              found.end());
  return found;
}

}  // namespace faultline::cli
