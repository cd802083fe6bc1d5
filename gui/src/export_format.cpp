#include "faultline/gui/export_format.hpp"

#include <stdexcept>
#include <string>

#include "faultline/gui/atomic_file.hpp"
#include "faultline/reports/result_json.hpp"

namespace faultline::gui {

const char* display_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::kJson: return "JSON (faultline.result/v1)";
    case ExportFormat::kMarkdown: return "Markdown summary";
    case ExportFormat::kHtml: return "HTML report";
    case ExportFormat::kPdf: return "PDF report";
  }
  return "?";
}

const char* extension(ExportFormat format) {
  switch (format) {
    case ExportFormat::kJson: return ".json";
    case ExportFormat::kMarkdown: return ".md";
    case ExportFormat::kHtml: return ".html";
    case ExportFormat::kPdf: return ".pdf";
  }
  return "";
}

// The reports module of this build writes only the result JSON
// (reports/result_json.hpp); Markdown, HTML and PDF become available when its
// report writers land (see docs/decisions.md, "GUI export").
bool is_export_available(ExportFormat format) { return format == ExportFormat::kJson; }

std::optional<ExportFormat> export_format_of_path(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  for (ExportFormat f : kExportFormats) {
    if (ext == extension(f)) return f;
  }
  if (ext == ".htm") return ExportFormat::kHtml;
  return std::nullopt;
}

void export_result(const engine::RunResult& result, ExportFormat format, const std::filesystem::path& path) {
  if (!is_export_available(format)) {
    throw std::runtime_error(std::string(display_name(format)) +
                             ": this build's reports module has no writer for it yet; export JSON instead");
  }
  write_file_atomically(path, reports::to_json_text(result));
}

}  // namespace faultline::gui
