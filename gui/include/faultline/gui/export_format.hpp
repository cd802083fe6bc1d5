#pragma once
// Exporting the current result through the report writers (faultline::reports).

#include <filesystem>
#include <optional>
#include <string_view>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::gui {

/// What the export menu offers.
enum class ExportFormat { kJson, kMarkdown, kHtml, kPdf };

/// Every format, in menu order.
inline constexpr ExportFormat kExportFormats[] = {ExportFormat::kJson, ExportFormat::kMarkdown, ExportFormat::kHtml,
                                                  ExportFormat::kPdf};

/// Menu name ("JSON (faultline.result/v1)", ...).
const char* display_name(ExportFormat format);
/// File extension with the dot (".json", ".md", ".html", ".pdf").
const char* extension(ExportFormat format);
/// True when faultline::reports has a writer for the format in this build.
bool is_export_available(ExportFormat format);
/// The format a path's extension names, if any.
std::optional<ExportFormat> export_format_of_path(const std::filesystem::path& path);

/// Writes `result` in `format` to `path` through the reports module, whole or not
/// at all; throws std::runtime_error with the reason (including an unavailable format).
void export_result(const engine::RunResult& result, ExportFormat format, const std::filesystem::path& path);

}  // namespace faultline::gui
