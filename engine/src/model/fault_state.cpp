#include "model/fault_state.hpp"

namespace faultline::engine {

void FaultState::add(FaultReach reach) {
  reach_.push_back(std::move(reach));
  is_fault_active_.push_back(false);
  is_quota_kept_.push_back(false);
}

}  // namespace faultline::engine
