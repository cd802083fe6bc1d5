#pragma once
// Whole-or-nothing file writes: the reports module's implementation, one copy for the project.

#include "faultline/reports/atomic_write.hpp"

namespace faultline::gui {

using reports::write_file_atomically;

}  // namespace faultline::gui
