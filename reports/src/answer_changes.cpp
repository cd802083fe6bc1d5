#include "faultline/reports/answer_changes.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "faultline/reports/executive_summary.hpp"
#include "faultline/reports/risk_vocabulary.hpp"
#include "faultline/reports/text_format.hpp"
#include "faultline/sensitivity/parameter.hpp"

namespace faultline::reports {
namespace {

using sensitivity::Outcome;
using sensitivity::ParameterResult;
using sensitivity::PatternSensitivity;

const engine::InputFile* scenario_input(const std::vector<engine::InputFile>& inputs) {
  const auto it = std::find_if(inputs.begin(), inputs.end(), [](const auto& i) { return i.role == "scenario"; });
  return it == inputs.end() ? nullptr : &*it;
}

bool meets_all(const engine::PatternResult& p) {
  return std::all_of(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; });
}

// Of the points whose verdict differs from the own settings', the one nearest the own value (the lower on ties).
const sensitivity::Point* nearest_flip(const ParameterResult& r, bool is_met_with_own) {
  const sensitivity::Point* best = nullptr;
  const double own = r.base_value.value_or(0.0);
  for (const auto& point : r.points) {
    if (point.outcome.meets_targets == is_met_with_own) continue;
    if (best == nullptr || std::abs(point.value - own) < std::abs(best->value - own)) best = &point;
  }
  return best;
}

// True when the flip overturns the recommendation: the recommended pattern misses, or another pattern comes to
// meet every target while cheaper than the recommendation (on equal cost: faster), or any does when none did.
bool is_overturning(const engine::RunResult& result, const std::optional<std::size_t>& recommended,
                    const VerdictFlip& f) {
  if (!recommended) return !f.is_met_with_own;
  if (f.pattern == *recommended) return f.is_met_with_own;
  if (f.is_met_with_own) return false;
  const engine::PatternResult& chosen = result.patterns[*recommended];
  if (f.at.monthly_cost_usd != chosen.monthly_cost_usd) return f.at.monthly_cost_usd < chosen.monthly_cost_usd;
  return f.at.rto_s.value_or(0.0) < chosen.rto_s.value_or(0.0);
}

void collect_pattern(const engine::RunResult& result, std::size_t index, const PatternSensitivity& study_pattern,
                     AnswerChanges& out) {
  const bool is_met = study_pattern.base.meets_targets;
  if (is_met != meets_all(result.patterns[index])) out.disagreeing.push_back(study_pattern.name);
  std::vector<RtoMover> movers;
  for (const ParameterResult& r : study_pattern.parameters) {
    if (!r.not_applicable.empty() || r.points.empty()) continue;
    if (const sensitivity::Point* p = out.has_targets ? nearest_flip(r, is_met) : nullptr; p != nullptr) {
      VerdictFlip flip{
          index,  r.name, r.base_value.value_or(0.0), r.low.value_or(0.0), r.high.value_or(0.0), p->value, p->outcome,
          is_met, false};
      flip.is_overturning = is_overturning(result, out.recommended, flip);
      out.flips.push_back(std::move(flip));
    } else if (r.swing.rto_s.value_or(0.0) > 0.0) {
      movers.push_back({index, r.name, r.low.value_or(0.0), r.high.value_or(0.0), *r.swing.rto_s});
    }
  }
  std::stable_sort(movers.begin(), movers.end(), [](const auto& a, const auto& b) { return a.swing_s > b.swing_s; });
  if (movers.size() > 3) movers.resize(3);
  out.movers.insert(out.movers.end(), movers.begin(), movers.end());
}

std::string capitalised(std::string text) {
  if (!text.empty()) text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
  return text;
}

std::string value_of(const std::string& parameter, double value) { return sensitivity::format_value(parameter, value); }

std::string seconds_or_dash(const std::optional<double>& v) {
  return v ? target_figure("rto_s", *v) : std::string("-");
}

// "hot-warm (warm standby), the recommendation, misses its targets at probe.interval = 2m (its own: 30s): RTO 420 s."
std::string flip_sentence(const engine::RunResult& result, const AnswerChanges& changes, const VerdictFlip& f) {
  const engine::PatternResult& p = result.patterns[f.pattern];
  std::string who = pattern_with_strategy(p.name);
  if (changes.recommended && f.pattern == *changes.recommended) {
    who += ", the recommendation,";
  } else if (changes.recommended) {
    const double saving = result.patterns[*changes.recommended].monthly_cost_usd - f.at.monthly_cost_usd;
    if (saving > 0.5) who += ", " + grouped(saving, 0) + " USD a month cheaper than the recommendation,";
  }
  const std::string what = f.is_met_with_own ? " misses its targets" : " would meet every target";
  return capitalised(who + what + " at " + f.parameter + " = " + value_of(f.parameter, f.flip_value) +
                     " (its own: " + value_of(f.parameter, f.own_value) + "): RTO " + seconds_or_dash(f.at.rto_s) +
                     ", RPO " + seconds_or_dash(f.at.rpo_s) + ", availability " +
                     target_figure("availability", f.at.availability) + ", " + grouped(f.at.monthly_cost_usd, 0) +
                     " USD a month.");
}

std::string flips_table(const engine::RunResult& result, const AnswerChanges& changes) {
  std::string out =
      "<table><thead><tr><th class=\"text\">pattern</th><th class=\"text\">parameter</th><th>own value</th>"
      "<th>range tried</th><th>with own value</th><th>turns at</th><th>RTO</th><th>RPO</th>"
      "<th>availability</th><th>USD/month</th><th class=\"text\">changes the recommendation</th></tr></thead><tbody>";
  for (const VerdictFlip& f : changes.flips) {
    const auto td = [](const std::string& text) { return "<td>" + escape_xml(text) + "</td>"; };
    out += "<tr><td class=\"text\">" + escape_xml(result.patterns[f.pattern].name) + "</td><td class=\"text\">" +
           escape_xml(f.parameter) + "</td>" + td(value_of(f.parameter, f.own_value)) +
           td(value_of(f.parameter, f.low) + ".." + value_of(f.parameter, f.high)) +
           td(f.is_met_with_own ? "met" : "missed") +
           td(value_of(f.parameter, f.flip_value) + (f.is_met_with_own ? ": missed" : ": met")) +
           td(seconds_or_dash(f.at.rto_s)) + td(seconds_or_dash(f.at.rpo_s)) +
           td(target_figure("availability", f.at.availability)) + td(grouped(f.at.monthly_cost_usd, 0)) +
           "<td class=\"text\">" + (f.is_overturning ? "yes" : "no") + "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string headline(const engine::RunResult& result, const AnswerChanges& changes) {
  if (!changes.has_targets)
    return "<p>The scenario states no targets, so no value tried can turn a verdict around.</p>";
  const auto overturning = static_cast<std::size_t>(
      std::count_if(changes.flips.begin(), changes.flips.end(), [](const auto& f) { return f.is_overturning; }));
  const std::string choice =
      changes.recommended ? "the recommendation of " + pattern_with_strategy(result.patterns[*changes.recommended].name)
                          : std::string("the finding that no pattern meets every target");
  if (changes.flips.empty())
    return "<p>No value tried changes any pattern's verdict: " + choice + " holds across every range.</p>";
  if (overturning == 0) {
    return "<p>" + capitalised(choice) + " holds across every range; " + std::to_string(changes.flips.size()) +
           " value(s) turn another pattern's verdict around without changing it (table).</p>";
  }
  std::string out = "<p>" + capitalised(choice) + " changes if any of these holds:</p><ul>";
  for (const VerdictFlip& f : changes.flips) {
    if (f.is_overturning) out += "<li>" + escape_xml(flip_sentence(result, changes, f)) + "</li>";
  }
  return out + "</ul>";
}

std::string movers_list(const engine::RunResult& result, const AnswerChanges& changes) {
  if (changes.movers.empty()) return {};
  std::string out =
      "<p>Parameters that move the worst RTO without turning a verdict (largest three per pattern):</p><ul>";
  for (const RtoMover& m : changes.movers) {
    out += "<li>" +
           escape_xml(pattern_with_strategy(result.patterns[m.pattern].name) + ": " + m.parameter + " over " +
                      value_of(m.parameter, m.low) + ".." + value_of(m.parameter, m.high) + " moves it by " +
                      target_figure("rto_s", m.swing_s)) +
           "</li>";
  }
  return out + "</ul>";
}

std::string listed_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k) out += (k > 0 ? ", " : "") + names[k];
  return out;
}

}  // namespace

std::optional<std::string> study_mismatch(const engine::RunResult& result,
                                          const sensitivity::SensitivityResult& study) {
  const engine::InputFile* run_input = scenario_input(result.inputs);
  const engine::InputFile* study_input = scenario_input(study.inputs);
  if (run_input == nullptr) return "the result records no scenario input, so the study cannot be matched to it";
  if (study_input == nullptr) return "the sensitivity document records no scenario input, so it cannot be matched";
  if (run_input->sha256 != study_input->sha256) {
    return "the study was run on scenario " + study_input->path + " (sha256 " + study_input->sha256 +
           "), the result on " + run_input->path + " (sha256 " + run_input->sha256 +
           "); allowed: a study of the same scenario file";
  }
  return std::nullopt;
}

AnswerChanges answer_changes(const engine::RunResult& result, const sensitivity::SensitivityResult& study) {
  AnswerChanges out;
  out.recommended = ExecutiveSummary::of(result).recommended();
  out.has_targets =
      std::any_of(result.patterns.begin(), result.patterns.end(), [](const auto& p) { return !p.targets.empty(); });
  out.seed = study.seed;
  for (const auto& p : study.patterns) {
    out.tried_runs += 1;
    for (const auto& r : p.parameters) out.tried_runs += r.points.size();
  }
  for (std::size_t k = 0; k < result.patterns.size(); ++k) {
    const auto it = std::find_if(study.patterns.begin(), study.patterns.end(),
                                 [&](const auto& p) { return p.name == result.patterns[k].name; });
    if (it == study.patterns.end()) {
      out.absent.push_back(result.patterns[k].name);
    } else {
      collect_pattern(result, k, *it, out);
    }
  }
  std::stable_sort(out.flips.begin(), out.flips.end(),
                   [](const auto& a, const auto& b) { return a.is_overturning && !b.is_overturning; });
  return out;
}

std::string answer_changes_html(const engine::RunResult& result, const AnswerChanges& changes) {
  std::string out =
      "<section id=\"what-would-change\"><h2>What would change the answer</h2><p class=\"note\">From a "
      "sensitivity study of the same scenario file: " +
      std::to_string(changes.tried_runs) + " runs on seed " + std::to_string(changes.seed) +
      (result.seed != changes.seed ? " (this run: seed " + std::to_string(result.seed) + ")" : std::string()) +
      ", one parameter at a time over its range, every run on the same arrivals and outages. A verdict "
      "is whether a pattern meets every target; only the values tried are known, not the points "
      "between them.</p>";
  out += headline(result, changes);
  if (!changes.flips.empty()) out += flips_table(result, changes);
  out += movers_list(result, changes);
  if (!changes.absent.empty()) {
    out += "<p class=\"note\">Not in the study: " + escape_xml(listed_names(changes.absent)) + ".</p>";
  }
  if (!changes.disagreeing.empty()) {
    out += "<p class=\"note\">With their own settings the study's verdict differs from this run's for " +
           escape_xml(listed_names(changes.disagreeing)) +
           " (a different seed or duration): read their rows with care.</p>";
  }
  return out + "</section>";
}

}  // namespace faultline::reports
