#pragma once
// The report formats and one entry point that writes any of them to a file.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// What a report file holds.
enum class ReportFormat { kHtml, kMarkdown, kCsv, kJunit, kPdf };

/// The format called `name` ("html", "md", "csv", "junit", "pdf"), if any.
std::optional<ReportFormat> parse_report_format(std::string_view name);

/// The format a file name's extension implies (.html/.htm, .md, .csv, .xml, .pdf), if any.
std::optional<ReportFormat> report_format_of_path(const std::filesystem::path& path);

/// The names parse_report_format accepts, for messages: "html, md, csv, junit, pdf".
std::string_view report_format_names();

/// The report as text for every format but kPdf (throws std::invalid_argument for kPdf).
/// HTML draws the topology named in the result's inputs when it is still there (load_report_topology).
std::string render_report_text(const engine::RunResult& result, ReportFormat format);

/// Writes the report to `path` whole or not at all; kPdf prints the HTML with headless
/// Chromium (`chromium_program`, or found on PATH) and throws ChromiumNotFound without it.
void write_report(const engine::RunResult& result, ReportFormat format, const std::filesystem::path& path,
                  const std::string& chromium_program = "");

/// Prints the self-contained HTML report `html` to the PDF file `path` (whole or not at all) with headless
/// Chromium (`chromium_program`, or found on PATH); throws ChromiumNotFound without it. Every PDF report
/// (run, Monte Carlo, plan) goes through here.
void write_pdf_report(std::string_view html, const std::filesystem::path& path,
                      const std::string& chromium_program = "");

}  // namespace faultline::reports
