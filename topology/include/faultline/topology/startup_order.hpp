#pragma once
// Order in which things must be up (containers and dependencies first): the
// basis of runbooks. Boost.Graph topological_sort over containment and dependency edges.

#include <stdexcept>
#include <string>
#include <vector>

#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// Thrown when the needs-relation has a cycle; what() names the cycle.
class DependencyCycleError : public std::runtime_error {
 public:
  /// `cycle` lists node ids with the first repeated at the end.
  explicit DependencyCycleError(std::vector<std::string> cycle);
  /// The node ids of the cycle, first == last.
  const std::vector<std::string>& cycle() const { return cycle_; }

 private:
  std::vector<std::string> cycle_;
};

/// Node ids so that every node comes after each node it needs (its containers and dependencies);
/// throws DependencyCycleError when there is a cycle (a loaded Topology never has one).
std::vector<std::string> startup_order(const Topology& topology);

/// One cycle through containment and dependency edges as node ids (first == last), or empty.
std::vector<std::string> find_dependency_cycle(const TopologyGraph& graph);

}  // namespace faultline::topology
