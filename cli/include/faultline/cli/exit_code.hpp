#pragma once
// Process exit codes of every faultline command (DESIGN.md, result contract).

namespace faultline::cli {

/// 0: done, every target met; 1: a target was missed; 2: bad input or usage.
enum class ExitCode : int { kOk = 0, kTargetMissed = 1, kBadInput = 2 };

/// The integer to return from main().
int to_int(ExitCode code);

}  // namespace faultline::cli
