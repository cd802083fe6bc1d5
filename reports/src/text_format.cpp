#include "faultline/reports/text_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "faultline/engine/model/rto_phases.hpp"

namespace faultline::reports {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters other than tab and newline are not allowed in XML 1.0: drop them.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
        out += c;
    }
  }
  return out;
}

std::string fixed(std::optional<double> value, int decimals) {
  if (!value) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *value);
  return buffer;
}

std::string shortest(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::string("nan");
}

std::string input_path(const engine::RunResult& result, std::string_view role) {
  for (const auto& i : result.inputs) {
    if (i.role == role) return i.path;
  }
  return {};
}

std::string scenario_label(const engine::RunResult& result) {
  const std::string path = input_path(result, "scenario");
  return path.empty() ? std::string("result") : path;
}

namespace {

// The first incident with the largest RTO among those `is_candidate` keeps.
template <typename Keep>
const engine::IncidentResult* largest_rto(const engine::PatternResult& pattern, Keep is_candidate) {
  const engine::IncidentResult* worst = nullptr;
  for (const auto& i : pattern.incidents) {
    if (is_candidate(i) && (worst == nullptr || i.rto_s > worst->rto_s)) worst = &i;
  }
  return worst;
}

}  // namespace

const engine::IncidentResult* worst_incident(const engine::PatternResult& pattern) {
  return largest_rto(pattern, [](const engine::IncidentResult&) { return true; });
}

const engine::IncidentResult* worst_incident_with_steps(const engine::PatternResult& pattern) {
  return largest_rto(pattern, [](const engine::IncidentResult& i) { return !i.runbook_steps.empty(); });
}

double phase_duration_s(const engine::RtoPhaseResult& phase) {
  return std::round((phase.end_s - phase.start_s) * 1e6) / 1e6;
}

std::string rto_phase_summary(const engine::PatternResult& pattern) {
  const engine::IncidentResult* worst = worst_incident(pattern);
  // No incident, or a result written before phases were recorded (an RTO above 0 without phases).
  if (worst == nullptr || (worst->rto_phases.empty() && worst->rto_s > 0.0)) return {};
  std::string out = pattern.name + " RTO " + shortest(worst->rto_s) + " s" + (worst->recovered ? "" : "+") + " =";
  if (worst->rto_phases.empty()) return out + " 0 s";
  for (std::size_t k = 0; k < worst->rto_phases.size(); ++k) {
    const engine::RtoPhaseResult& p = worst->rto_phases[k];
    // A runbook step names itself: its cause is "runbook step <id>".
    const std::string label = p.phase == "runbook_step" ? p.cause : std::string(engine::rto_phase_label(p.phase));
    out += std::string(k == 0 ? " " : " + ") + label + " " + shortest(phase_duration_s(p)) + " s";
  }
  return out;
}

bool has_lost_work(const engine::WorkLossResult& work) {
  return work.agent_threads_lost > 0 || work.agent_threads_rehydrated > 0 || work.training_gpu_hours_lost > 0.0 ||
         work.training_cost_usd_lost > 0.0 || work.training_resumed_s.has_value() || work.rag_documents_redone > 0;
}

}  // namespace faultline::reports
