#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

int to_int(ExitCode code) { return static_cast<int>(code); }

}  // namespace faultline::cli
