#include "faultline/planner/criticality.hpp"

#include <algorithm>
#include <tuple>

namespace faultline::planner {

std::size_t Criticality::attribute(const StructureFunction& structure, const std::vector<IncidentFault>& faults) {
  struct Event {
    engine::SimDuration at;
    bool is_failure = false;
    std::size_t component = 0;
  };
  std::vector<Event> events;
  for (const auto& f : faults) {
    events.push_back({f.offset, true, f.component});
    events.push_back({f.offset + f.duration, false, f.component});
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.at, a.is_failure, a.component) < std::tie(b.at, b.is_failure, b.component);
  });
  std::uint64_t mask = 0;
  for (const Event& e : events) {
    const std::uint64_t bit = std::uint64_t{1} << e.component;
    if (!e.is_failure) {
      mask &= ~bit;
      continue;
    }
    const bool was_up = structure.is_up(mask);
    mask |= bit;
    if (was_up && !structure.is_up(mask)) return e.component;
  }
  return faults.front().component;
}

void Criticality::add(std::vector<contract::ComponentTally>& tallies, std::size_t component, double downtime_s,
                      std::uint64_t lost_writes) {
  auto it = std::lower_bound(tallies.begin(), tallies.end(), component,
                             [](const contract::ComponentTally& t, std::size_t c) { return t.component < c; });
  if (it == tallies.end() || it->component != component) it = tallies.insert(it, contract::ComponentTally{component});
  ++it->incidents;
  it->downtime_s += downtime_s;
  it->lost_writes += lost_writes;
}

std::vector<contract::ComponentCriticality> Criticality::summarize(
    const std::vector<contract::ReplicationRecord>& records, std::size_t pattern,
    const std::vector<std::string>& components) {
  std::vector<contract::ComponentCriticality> out(components.size());
  for (std::size_t i = 0; i < components.size(); ++i) out[i].component = components[i];
  for (const auto& r : records) {
    for (const auto& t : r.patterns.at(pattern).by_component) {
      if (t.component >= out.size()) continue;  // a document naming fewer components; the reader checks
      out[t.component].incidents += t.incidents;
      out[t.component].downtime_s += t.downtime_s;
      out[t.component].lost_writes += t.lost_writes;
    }
  }
  double incidents = 0;
  double downtime = 0;
  double lost = 0;
  for (const auto& c : out) {
    incidents += static_cast<double>(c.incidents);
    downtime += c.downtime_s;
    lost += static_cast<double>(c.lost_writes);
  }
  for (auto& c : out) {
    if (incidents > 0) c.incident_share = static_cast<double>(c.incidents) / incidents;
    if (downtime > 0) c.downtime_share = c.downtime_s / downtime;
    if (lost > 0) c.lost_write_share = static_cast<double>(c.lost_writes) / lost;
  }
  return out;
}

std::vector<double> Criticality::birnbaum(const Eigen::VectorXd& pi, const StructureFunction& structure) {
  const std::size_t n = structure.component_count();
  std::vector<double> up_and_i_up(n, 0);    // P(system up and i up)
  std::vector<double> i_up(n, 0);           // P(i up)
  std::vector<double> up_and_i_down(n, 0);  // P(system up and i down)
  std::vector<double> i_down(n, 0);         // P(i down)
  for (Eigen::Index s = 0; s < pi.size(); ++s) {
    const double p = pi(s);
    const bool is_up = structure.is_up(static_cast<std::uint64_t>(s));
    for (std::size_t i = 0; i < n; ++i) {
      const bool is_down = ((static_cast<std::uint64_t>(s) >> i) & 1U) != 0;
      (is_down ? i_down : i_up)[i] += p;
      if (is_up) (is_down ? up_and_i_down : up_and_i_up)[i] += p;
    }
  }
  std::vector<double> out(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const double a_up = i_up[i] > 0 ? up_and_i_up[i] / i_up[i] : 0;
    const double a_down = i_down[i] > 0 ? up_and_i_down[i] / i_down[i] : 0;
    out[i] = a_up - a_down;
  }
  return out;
}

}  // namespace faultline::planner
