// Fuzzes the result reader (faultline report, merge, faultline-gui --result); a result that
// reads is rendered as Markdown, HTML, CSV and JUnit.

#include <cstdint>

#include "faultline/reports/report_format.hpp"
#include "faultline/contract/result_reader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using faultline::reports::ReportFormat;
  faultline::engine::RunResult result;
  try {
    result = faultline::contract::read_result_text(faultline::fuzz::as_text(data, size), "fuzz.json");
  } catch (const faultline::contract::ResultReadError&) {
    return 0;
  }
  for (const auto format : {ReportFormat::kMarkdown, ReportFormat::kHtml, ReportFormat::kCsv, ReportFormat::kJunit}) {
    (void)faultline::reports::render_report_text(result, format);
  }
  return 0;
}
