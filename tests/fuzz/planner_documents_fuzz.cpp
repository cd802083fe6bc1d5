// Fuzzes the mc and plan documents read by faultline report and merge; a document that reads is
// rendered as Markdown and HTML.

#include <cstdint>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "faultline/base/json_guard.hpp"
#include "faultline/contract/mc_json.hpp"
#include "faultline/contract/planner_documents.hpp"
#include "faultline/reports/planner_report.hpp"
#include "faultline/contract/result_reader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace contract = faultline::contract;
  namespace reports = faultline::reports;
  const auto text = faultline::fuzz::as_text(data, size);
  try {
    (void)faultline::contract::read_mc_json_text(text, "fuzz.json");  // faultline merge
  } catch (const std::runtime_error&) {}
  if (faultline::base::JsonGuard::check(text, "fuzz.json")) return 0;
  const auto document = nlohmann::json::parse(text);
  try {
    if (contract::document_schema(document, "fuzz.json") == "faultline.mc/v1") {
      const auto mc = contract::read_mc_document(document, "fuzz.json");
      (void)reports::mc_to_markdown(mc);
      (void)reports::mc_to_html(mc);
    } else {
      const auto plan = contract::read_plan_document(document, "fuzz.json");
      (void)reports::plan_to_markdown(plan);
      (void)reports::plan_to_html(plan);
    }
  } catch (const contract::ResultReadError&) {}
  return 0;
}
