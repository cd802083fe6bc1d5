// Fuzzes the topology loader; a topology that loads is linted and drawn (faultline lint, graph).

#include <cstdint>

#include "faultline/topology/dot_writer.hpp"
#include "faultline/topology/linter.hpp"
#include "faultline/topology/topology_loader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using faultline::topology::TopologyLoader;
  const auto loaded = TopologyLoader::load_text(faultline::fuzz::as_text(data, size), "fuzz.json");
  if (!loaded.is_ok()) {
    (void)loaded.error_report();
    return 0;
  }
  (void)faultline::topology::lint(*loaded.topology);
  (void)faultline::topology::to_dot(*loaded.topology);
  return 0;
}
