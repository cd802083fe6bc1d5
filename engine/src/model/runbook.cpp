#include "faultline/engine/model/runbook.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dag_shortest_paths.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <limits>
#include <map>

namespace faultline::engine {
namespace {

using StepGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                        boost::property<boost::edge_weight_t, std::int64_t>>;

const std::vector<std::string> kStepKinds{"custom",
                                          "alert",
                                          "deploy_infrastructure",
                                          "deploy_models",
                                          "warm_gpu_caches",
                                          "promote_database",
                                          "restore_from_backup",
                                          "rebuild_search_index",
                                          "recreate_agents",
                                          "rehydrate_threads",
                                          "validate",
                                          "dns_ttl"};

// Records the first back edge met by a depth-first search: it closes a cycle.
struct CycleFinder : boost::default_dfs_visitor {
  std::vector<std::size_t>* parent;
  std::vector<std::size_t>* cycle;
  template <typename Edge, typename Graph>
  void tree_edge(Edge e, const Graph& g) const {
    (*parent)[boost::target(e, g)] = boost::source(e, g);
  }
  template <typename Edge, typename Graph>
  void back_edge(Edge e, const Graph& g) const {
    if (!cycle->empty()) return;
    const std::size_t from = boost::source(e, g);
    const std::size_t to = boost::target(e, g);
    for (std::size_t v = from; v != to; v = (*parent)[v]) cycle->push_back(v);
    cycle->push_back(to);
    std::reverse(cycle->begin(), cycle->end());
  }
};

}  // namespace

const std::vector<std::string>& step_kind_names() { return kStepKinds; }

std::string_view to_string(StepKind kind) { return kStepKinds[static_cast<std::size_t>(kind)]; }

std::optional<Runbook> Runbook::create(std::vector<RunbookStep> steps, std::string& error) {
  Runbook book;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].id.empty()) {
      error = "step " + std::to_string(i) + ": empty id";
      return std::nullopt;
    }
    if (!index.emplace(steps[i].id, i).second) {
      error = "step \"" + steps[i].id + "\": duplicate id";
      return std::nullopt;
    }
  }
  StepGraph graph(steps.size());
  book.predecessors_.resize(steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    for (const std::string& before : steps[i].after) {
      const auto it = index.find(before);
      if (it == index.end()) {
        error = "step \"" + steps[i].id + "\": \"after\" names unknown step \"" + before + "\"";
        return std::nullopt;
      }
      book.predecessors_[i].push_back(it->second);
      boost::add_edge(it->second, i, graph);
    }
  }
  std::vector<std::size_t> parent(steps.size(), 0);
  std::vector<std::size_t> cycle;
  boost::depth_first_search(graph, boost::visitor(CycleFinder{{}, &parent, &cycle}));
  if (!cycle.empty()) {
    std::string path;
    for (std::size_t v : cycle) path += "\"" + steps[v].id + "\" -> ";
    error = "step \"" + steps[cycle.front()].id + "\": cycle " + path + "\"" + steps[cycle.front()].id + "\"";
    return std::nullopt;
  }
  std::vector<std::size_t> reversed;
  boost::topological_sort(graph, std::back_inserter(reversed));
  book.order_.assign(reversed.rbegin(), reversed.rend());
  book.steps_ = std::move(steps);
  return book;
}

std::optional<std::size_t> Runbook::find(StepKind kind) const {
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (steps_[i].kind == kind) return i;
  }
  return std::nullopt;
}

RunbookRun Runbook::expected() const {
  std::vector<SimDuration> durations;
  for (const RunbookStep& s : steps_) durations.push_back(from_seconds(std::max(0.0, s.duration_s.mean())));
  double cost = 0;
  for (const RunbookStep& s : steps_) cost += s.cost_usd;
  return schedule(durations, std::vector<int>(steps_.size(), 1), std::vector<bool>(steps_.size(), false), cost);
}

RunbookRun Runbook::schedule(const std::vector<SimDuration>& durations, const std::vector<int>& attempts,
                             const std::vector<bool>& failed, double cost) const {
  RunbookRun run;
  run.cost_usd = cost;
  run.steps.resize(steps_.size());
  if (steps_.empty()) return run;
  // Longest path through the DAG as a shortest path with negated weights: a
  // source vertex s (index n) feeds every step; edge u -> v weighs -duration(v).
  // Steps after a failed step never run, so they and their successors are cut off.
  const std::size_t n = steps_.size();
  std::vector<bool> is_blocked(n, false);
  for (std::size_t v : order_) {
    for (std::size_t u : predecessors_[v]) is_blocked[v] = is_blocked[v] || is_blocked[u] || failed[u];
  }
  StepGraph graph(n + 1);
  for (std::size_t v = 0; v < n; ++v) {
    if (is_blocked[v]) continue;
    if (predecessors_[v].empty()) boost::add_edge(n, v, -durations[v].count(), graph);
    for (std::size_t u : predecessors_[v]) boost::add_edge(u, v, -durations[v].count(), graph);
  }
  std::vector<std::int64_t> distance(n + 1, std::numeric_limits<std::int64_t>::max());
  std::vector<std::size_t> predecessor(n + 1);
  for (std::size_t v = 0; v <= n; ++v) predecessor[v] = v;
  boost::dag_shortest_paths(graph, n,
                            boost::distance_map(distance.data())
                                .predecessor_map(predecessor.data())
                                .distance_inf(std::numeric_limits<std::int64_t>::max())
                                .distance_zero(0));
  std::size_t last = n;
  std::int64_t longest = 0;
  for (std::size_t v = 0; v < n; ++v) {
    StepRun& s = run.steps[v];
    s.attempts = is_blocked[v] ? 0 : attempts[v];
    s.is_failed = failed[v] && !is_blocked[v];
    if (is_blocked[v] || distance[v] == std::numeric_limits<std::int64_t>::max()) {
      run.is_complete = false;
      continue;
    }
    s.end = SimDuration{-distance[v]};
    s.start = s.end - durations[v];
    // A step that failed for good still took its time: the runbook ran until it gave up.
    if (s.is_failed) run.is_complete = false;
    if (-distance[v] > longest || last == n) {
      longest = -distance[v];
      last = v;
    }
  }
  run.critical_path = SimDuration{longest};
  for (std::size_t v = last; v != n; v = predecessor[v]) run.critical_steps.push_back(v);
  std::reverse(run.critical_steps.begin(), run.critical_steps.end());
  return run;
}

}  // namespace faultline::engine
