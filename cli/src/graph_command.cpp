#include "faultline/cli/graph_command.hpp"

#include <memory>
#include <ostream>
#include <vector>

#include "faultline/base/atomic_write.hpp"
#include "faultline/base/process.hpp"
#include "faultline/topology/dot_writer.hpp"
#include "faultline/topology/topology_loader.hpp"

namespace faultline::cli {
namespace {

struct GraphOptions {
  std::string file;
  std::string output;
};

}  // namespace

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
      dot = base::find_on_path("dot");
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
      base::write_file_atomically(target, text);
    } else {
      const std::filesystem::path dot_file = base::make_temporary_beside(target);
      const std::filesystem::path svg_file = base::make_temporary_beside(target);
      std::error_code ec;
      try {
        base::write_file_atomically(dot_file, text);
      } catch (...) {
        std::filesystem::remove(dot_file, ec);
        std::filesystem::remove(svg_file, ec);
        throw;
      }
      const int status = base::run_program(*dot, {"-Tsvg", dot_file.string(), "-o", svg_file.string()});
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
