#include "faultline/cli/graph_command.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <ostream>
#include <vector>

#include "faultline/reports/atomic_write.hpp"
#include "faultline/topology/dot_writer.hpp"
#include "faultline/topology/topology_loader.hpp"

extern char** environ;

namespace faultline::cli {
namespace {

struct GraphOptions {
  std::string file;
  std::string output;
};

// Runs `program` with `arguments` (no shell) and returns its exit status, or -1 when it could not run.
int run_program(const std::filesystem::path& program, const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  std::vector<std::string> storage = arguments;
  storage.insert(storage.begin(), program.string());
  for (std::string& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (::posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace

std::optional<std::filesystem::path> find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  const std::string dirs = path;
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::filesystem::path candidate = std::filesystem::path(end > start ? dirs.substr(start, end - start) : ".") / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return std::nullopt;
}

void add_graph_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* cmd = app.add_subcommand(
      "graph", "Draw a topology as Graphviz DOT (stdout, or -o FILE.dot) or SVG (-o FILE.svg, needs Graphviz dot)");
  cmd->add_option("TOPOLOGY", options->file, "topology JSON file")->required();
  cmd->add_option("-o,--output", options->output, "output file ending in .dot, .gv or .svg");
  cmd->callback([options, &out, &err, &exit_code] {
    exit_code = ExitCode::kBadInput;
    const std::filesystem::path target = options->output;
    const std::string extension = target.extension().string();
    if (!options->output.empty() && extension != ".dot" && extension != ".gv" && extension != ".svg") {
      err << "faultline graph: cannot tell the format of " << options->output
          << " (allowed: a file ending in .dot, .gv or .svg)\n";
      return;
    }
    std::optional<std::filesystem::path> dot;
    if (extension == ".svg") {
      dot = find_on_path("dot");
      if (!dot) {
        err << "faultline graph: writing SVG needs Graphviz `dot`, which is not on the PATH; install the Debian "
               "package graphviz (apt-get install graphviz), or write DOT with -o FILE.dot\n";
        return;
      }
    }
    const topology::LoadResult loaded = topology::TopologyLoader::load_file(options->file);
    if (!loaded.is_ok()) {
      err << loaded.error_report();
      return;
    }
    const std::string text = topology::to_dot(*loaded.topology);
    if (options->output.empty()) {
      out << text;
    } else if (!dot) {
      reports::write_file_atomically(target, text);
    } else {
      const std::filesystem::path dot_file = reports::make_temporary_beside(target);
      const std::filesystem::path svg_file = reports::make_temporary_beside(target);
      std::error_code ec;
      try {
        reports::write_file_atomically(dot_file, text);
      } catch (...) {
        std::filesystem::remove(dot_file, ec);
        std::filesystem::remove(svg_file, ec);
        throw;
      }
      const int status = run_program(*dot, {"-Tsvg", dot_file.string(), "-o", svg_file.string()});
      std::filesystem::remove(dot_file, ec);
      if (status != 0) {
        std::filesystem::remove(svg_file, ec);
        err << "faultline graph: " << dot->string() << " failed (exit status " << status << "); nothing written\n";
        return;
      }
      std::filesystem::rename(svg_file, target, ec);
      if (ec) {
        std::filesystem::remove(svg_file, ec);
        err << "faultline graph: cannot write " << target.string() << ": " << ec.message() << "\n";
        return;
      }
    }
    exit_code = ExitCode::kOk;
  });
}

}  // namespace faultline::cli
