#include "faultline/reports/report_format.hpp"

#include <stdexcept>

#include "faultline/base/atomic_write.hpp"
#include "faultline/reports/chromium.hpp"
#include "faultline/reports/csv_report.hpp"
#include "faultline/reports/html_report.hpp"
#include "faultline/reports/junit_report.hpp"
#include "faultline/reports/markdown_report.hpp"
#include "faultline/reports/text_format.hpp"

namespace faultline::reports {

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "html") return ReportFormat::kHtml;
  if (name == "md" || name == "markdown") return ReportFormat::kMarkdown;
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "junit") return ReportFormat::kJunit;
  if (name == "pdf") return ReportFormat::kPdf;
  return std::nullopt;
}

std::optional<ReportFormat> report_format_of_path(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html" || ext == ".htm") return ReportFormat::kHtml;
  if (ext == ".md") return ReportFormat::kMarkdown;
  if (ext == ".csv") return ReportFormat::kCsv;
  if (ext == ".xml") return ReportFormat::kJunit;
  if (ext == ".pdf") return ReportFormat::kPdf;
  return std::nullopt;
}

std::string_view report_format_names() { return "html, md, csv, junit, pdf"; }

std::string render_report_text(const engine::RunResult& result, ReportFormat format) {
  switch (format) {
    case ReportFormat::kHtml:
      return to_html(result, load_report_topology(result));
    case ReportFormat::kMarkdown:
      return to_markdown(result);
    case ReportFormat::kCsv:
      return to_series_csv(result);
    case ReportFormat::kJunit:
      return to_junit_xml({JunitSuite{scenario_label(result), result, {}, {}}});
    case ReportFormat::kPdf:
      break;
  }
  throw std::invalid_argument("a PDF report is binary: use write_report");
}

void write_report(const engine::RunResult& result, ReportFormat format, const std::filesystem::path& path,
                  const std::string& chromium_program) {
  if (format != ReportFormat::kPdf) {
    base::write_file_atomically(path, render_report_text(result, format));
    return;
  }
  write_pdf_report(render_report_text(result, ReportFormat::kHtml), path, chromium_program);
}

void write_pdf_report(std::string_view html, const std::filesystem::path& path, const std::string& chromium_program) {
  HeadlessChromium::find(chromium_program).print_to_pdf(html, path);
}

}  // namespace faultline::reports
