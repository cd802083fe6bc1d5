#include "faultline/gui/export_format.hpp"

#include <stdexcept>
#include <string>

#include "faultline/base/atomic_write.hpp"
#include "faultline/reports/report_format.hpp"
#include "faultline/contract/result_json.hpp"

namespace faultline::gui {

const char* display_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::kJson:
      return "JSON (faultline.result/v1)";
    case ExportFormat::kMarkdown:
      return "Markdown summary";
    case ExportFormat::kHtml:
      return "HTML report";
    case ExportFormat::kPdf:
      return "PDF report";
  }
  return "?";
}

const char* extension(ExportFormat format) {
  switch (format) {
    case ExportFormat::kJson:
      return ".json";
    case ExportFormat::kMarkdown:
      return ".md";
    case ExportFormat::kHtml:
      return ".html";
    case ExportFormat::kPdf:
      return ".pdf";
  }
  return "";
}

// Every format is written by the reports module; PDF needs Chromium at export
// time (reports::ChromiumNotFound names the Debian package when it is missing).
bool is_export_available(ExportFormat /*format*/) { return true; }

std::optional<ExportFormat> export_format_of_path(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  for (ExportFormat f : kExportFormats) {
    if (ext == extension(f)) return f;
  }
  if (ext == ".htm") return ExportFormat::kHtml;
  return std::nullopt;
}

void export_result(const engine::RunResult& result, ExportFormat format, const std::filesystem::path& path) {
  switch (format) {
    case ExportFormat::kJson:
      base::write_file_atomically(path, contract::to_json_text(result));
      return;
    case ExportFormat::kMarkdown:
      reports::write_report(result, reports::ReportFormat::kMarkdown, path);
      return;
    case ExportFormat::kHtml:
      reports::write_report(result, reports::ReportFormat::kHtml, path);
      return;
    case ExportFormat::kPdf:
      reports::write_report(result, reports::ReportFormat::kPdf, path);
      return;
  }
  throw std::invalid_argument("export: unknown format");
}

}  // namespace faultline::gui
