#pragma once
// The risk-review report: one self-contained HTML file (inline CSS and SVG, no
// script, no external font, image or link), with a print stylesheet.

#include <optional>
#include <string>
#include <string_view>

#include "faultline/engine/model/run_result.hpp"
#include "faultline/reports/answer_changes.hpp"
#include "faultline/topology/topology.hpp"

namespace faultline::reports {

/// The topology a report draws, or why it cannot (file missing, changed since the run, invalid).
struct ReportTopology {
  std::optional<topology::Topology> topology;
  std::string note;  ///< why there is no diagram; empty when topology is set
};

/// Loads the topology named in `result.inputs` (role "topology", path as recorded,
/// i.e. relative to where the run was started) when it exists, still has the
/// recorded sha256 and loads without errors; otherwise returns the reason.
ReportTopology load_report_topology(const engine::RunResult& result);

/// The CSS (screen and print, A4) every HTML report embeds in its <style> element.
std::string_view report_stylesheet();

/// The whole HTML document (UTF-8). Sections, in order, with these ids: executive-summary,
/// what-would-change (only with `changes`, from a sensitivity study), summary, disruptions, targets,
/// rto-phases, cost, timelines, runbook, topology, incidents, definitions, assumptions.
/// The same result, topology and changes always give the same bytes.
std::string to_html(const engine::RunResult& result, const ReportTopology& topology,
                    const AnswerChanges* changes = nullptr);

}  // namespace faultline::reports
