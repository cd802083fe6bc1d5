// Fuzzes `faultline import`: a Terraform state or an Azure Resource Graph / ARM export is
// read, mapped to a topology, loaded by the real topology loader and linted. The input's
// first byte picks the format (even: Terraform, odd: Azure); the rest is the export.

#include <cstdint>

#include "faultline/importer/importer.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace faultline::importer;
  if (size == 0) return 0;
  const ExportFormat format = (data[0] % 2 == 0) ? ExportFormat::kTerraform : ExportFormat::kAzure;
  const std::string text(faultline::fuzz::as_text(data + 1, size - 1));
  const ImportOutcome outcome = import_texts(format, {ExportText{"fuzz.json", text}}, "fuzz");
  for (const auto& e : outcome.errors) (void)e.to_string();
  return 0;
}
