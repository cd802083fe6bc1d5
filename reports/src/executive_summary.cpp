#include "faultline/reports/executive_summary.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

#include "faultline/engine/model/rto_phases.hpp"
#include "faultline/reports/risk_vocabulary.hpp"
#include "faultline/reports/text_format.hpp"

namespace faultline::reports {

namespace {

using engine::PatternResult;
using engine::TargetResult;

std::size_t met_count(const PatternResult& p) {
  return static_cast<std::size_t>(
      std::count_if(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; }));
}

bool meets_all(const PatternResult& p) { return met_count(p) == p.targets.size(); }

// "RTO 360 s within 900 s" / "availability 97.673 % against at least 97 %" / "RTO 4,000 s over 900 s".
std::string target_phrase(const TargetResult& t) {
  const std::string label = target_label(t.name);
  const std::string limit = target_figure(t.name, t.limit);
  if (!t.value) return label + " not measured (target " + limit + ")";
  const std::string value = target_figure(t.name, *t.value);
  if (is_higher_better(t.name))
    return label + " " + value + (t.met ? " against at least " : " under the required ") + limit;
  return label + " " + value + (t.met ? " within " : " over ") + limit;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t k = 0; k < parts.size(); ++k) out += (k > 0 ? separator : "") + parts[k];
  return out;
}

// "a", "a and b", "a, b and c".
std::string listed(const std::vector<std::string>& parts) {
  if (parts.size() < 2) return joined(parts, "");
  const std::vector<std::string> head(parts.begin(), parts.end() - 1);
  return joined(head, ", ") + " and " + parts.back();
}

std::string targets_phrase(const PatternResult& p, bool is_met) {
  std::vector<std::string> parts;
  for (const auto& t : p.targets) {
    if (t.met == is_met) parts.push_back(target_phrase(t));
  }
  return listed(parts);
}

std::string usd(double value) { return grouped(value, 0) + " USD a month"; }

double worst_rto(const PatternResult& p) { return p.rto_s.value_or(0.0); }

// Patterns ordered by the recommendation rule: most targets met, then cheapest, then smaller RTO, then file order.
std::vector<std::size_t> ranked(const engine::RunResult& result) {
  std::vector<std::size_t> order(result.patterns.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const PatternResult& pa = result.patterns[a];
    const PatternResult& pb = result.patterns[b];
    if (meets_all(pa) != meets_all(pb)) return meets_all(pa);
    if (met_count(pa) != met_count(pb)) return met_count(pa) > met_count(pb);
    if (pa.monthly_cost_usd != pb.monthly_cost_usd) return pa.monthly_cost_usd < pb.monthly_cost_usd;
    return worst_rto(pa) < worst_rto(pb);
  });
  return order;
}

// How the choice compares with the next option meeting every target and with cheaper ones that miss.
std::string comparison_sentence(const engine::RunResult& result, const std::vector<std::size_t>& order) {
  const PatternResult& chosen = result.patterns[order.front()];
  std::vector<std::string> parts;
  const auto next =
      std::find_if(order.begin() + 1, order.end(), [&](std::size_t k) { return meets_all(result.patterns[k]); });
  if (!meets_all(chosen)) {
    // Nothing meets every target: only the cheaper options are worth a word.
  } else if (next != order.end()) {
    const PatternResult& n = result.patterns[*next];
    const double more = n.monthly_cost_usd - chosen.monthly_cost_usd;
    std::string part =
        pattern_with_strategy(n.name) + ", the next option that meets them, costs " + usd(n.monthly_cost_usd);
    if (more > 0.5) {
      part += " (" + grouped(more, 0) + " USD more";
      if (chosen.monthly_cost_usd > 0) part += ", +" + grouped(100.0 * more / chosen.monthly_cost_usd, 0) + " %";
      part += ")";
    }
    parts.push_back(part);
  } else {
    parts.push_back("no other pattern meets every target");
  }
  for (std::size_t k : order) {
    const PatternResult& p = result.patterns[k];
    if (meets_all(p) || p.monthly_cost_usd >= chosen.monthly_cost_usd) continue;
    parts.push_back(pattern_with_strategy(p.name) + " is cheaper at " + usd(p.monthly_cost_usd) + " but misses " +
                    targets_phrase(p, false));
  }
  if (parts.empty()) return {};
  std::string sentence = joined(parts, "; ") + ".";
  sentence.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence.front())));
  return sentence;
}

std::string no_targets_sentence(const engine::RunResult& result) {
  const auto cheapest =
      std::min_element(result.patterns.begin(), result.patterns.end(),
                       [](const auto& a, const auto& b) { return a.monthly_cost_usd < b.monthly_cost_usd; });
  std::string out =
      "The scenario states no targets, so nothing is recommended: " + pattern_with_strategy(cheapest->name) +
      " is the cheapest at " + usd(cheapest->monthly_cost_usd);
  const auto fastest = std::min_element(result.patterns.begin(), result.patterns.end(),
                                        [](const auto& a, const auto& b) { return worst_rto(a) < worst_rto(b); });
  if (fastest->rto_s && fastest != cheapest) {
    out += "; " + pattern_with_strategy(fastest->name) + " recovers fastest (RTO " +
           target_figure("rto_s", *fastest->rto_s) + ")";
  }
  return out + ".";
}

// "The largest part of its worst RTO (360 s) is waiting for database promotion: 260 s." from the worst incident's
// phases (the recovery window, which every recovered incident ends with, is not a cause); "" without phases.
std::string rto_driver_sentence(const PatternResult& p) {
  const engine::IncidentResult* worst = worst_incident(p);
  if (worst == nullptr || worst->rto_phases.empty()) return {};
  const engine::RtoPhaseResult* longest = nullptr;
  for (const auto& phase : worst->rto_phases) {
    if (phase.phase == "recovery_window") continue;
    if (longest == nullptr || phase_duration_s(phase) > phase_duration_s(*longest)) longest = &phase;
  }
  if (longest == nullptr) return {};
  // A runbook step names itself: its cause is "runbook step <id>".
  const std::string label =
      longest->phase == "runbook_step" ? longest->cause : std::string(engine::rto_phase_label(longest->phase));
  return "The largest part of its worst RTO (" + target_figure("rto_s", worst->rto_s) + ") is " + label + ": " +
         target_figure("rto_s", phase_duration_s(*longest)) + ".";
}

}  // namespace

ExecutiveSummary ExecutiveSummary::of(const engine::RunResult& result) {
  ExecutiveSummary summary;
  if (result.patterns.empty()) return summary;
  const bool has_targets =
      std::any_of(result.patterns.begin(), result.patterns.end(), [](const auto& p) { return !p.targets.empty(); });
  if (!has_targets) {
    summary.sentences_.push_back(no_targets_sentence(result));
    return summary;
  }
  const std::vector<std::size_t> order = ranked(result);
  const PatternResult& best = result.patterns[order.front()];
  if (meets_all(best)) {
    summary.recommended_ = order.front();
    std::string first = pattern_with_strategy(best.name) + " meets all " + std::to_string(best.targets.size()) +
                        " targets (" + targets_phrase(best, true) + ") at " + usd(best.monthly_cost_usd) +
                        ", the cheapest pattern that does.";
    first.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(first.front())));
    summary.sentences_.push_back(std::move(first));
  } else {
    summary.sentences_.push_back("No pattern meets every target. The closest is " + pattern_with_strategy(best.name) +
                                 ": it meets " + std::to_string(met_count(best)) + " of " +
                                 std::to_string(best.targets.size()) + " at " + usd(best.monthly_cost_usd) +
                                 " and misses " + targets_phrase(best, false) + ".");
  }
  if (std::string c = comparison_sentence(result, order); !c.empty()) summary.sentences_.push_back(std::move(c));
  if (std::string d = rto_driver_sentence(best); !d.empty()) summary.sentences_.push_back(std::move(d));
  return summary;
}

}  // namespace faultline::reports
