#include "topology_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "faultline/gui/cursor_state.hpp"
#include "faultline/gui/event_log_model.hpp"
#include "faultline/gui/topology_layout.hpp"

namespace faultline::gui {
namespace {

using topology::NodeKind;

ImU32 state_fill(NodeState state, bool is_container) {
  const int alpha = is_container ? 45 : 200;
  switch (state) {
    case NodeState::kUp:
      return IM_COL32(35, 134, 54, alpha);
    case NodeState::kDegraded:
      return IM_COL32(210, 153, 34, alpha);
    case NodeState::kDown:
      return IM_COL32(218, 54, 51, is_container ? 90 : 220);
  }
  return IM_COL32(128, 128, 128, alpha);
}

const char* state_name(NodeState state) {
  switch (state) {
    case NodeState::kUp:
      return "up";
    case NodeState::kDegraded:
      return "degraded";
    case NodeState::kDown:
      return "down";
  }
  return "?";
}

// Short kind tag drawn before the id.
const char* kind_tag(NodeKind kind) {
  switch (kind) {
    case NodeKind::kRegion:
      return "region";
    case NodeKind::kZone:
      return "zone";
    case NodeKind::kModelDeployment:
      return "pool";
    case NodeKind::kGateway:
      return "gateway";
    case NodeKind::kGlobalEntry:
      return "entry";
    case NodeKind::kAgentService:
      return "agents";
    case NodeKind::kClient:
      return "clients";
    default:
      return "store";
  }
}

// Screen placement of the layout's unit square: [origin, origin + size].
struct Canvas {
  ImVec2 origin;
  ImVec2 size;
  // The screen point of layout coordinates (x, y).
  [[nodiscard]] ImVec2 to_screen(double x, double y) const {
    return ImVec2(origin.x + static_cast<float>(x) * size.x, origin.y + static_cast<float>(y) * size.y);
  }
  // The screen point of the centre of box `b`.
  [[nodiscard]] ImVec2 centre(const LayoutBox& b) const { return to_screen(b.x + b.w / 2, b.y + b.h / 2); }
};

// Draws the flows pattern selector (when there is a result) and the legend line; returns the selected pattern's state
// at the cursor.
std::optional<CursorState> draw_header(ViewContext& context, const engine::Scenario& scenario) {
  ScenarioSession& session = context.session;
  // Pattern whose traffic flows are drawn.
  std::optional<CursorState> cursor;
  if (session.has_result() && !session.result().patterns.empty()) {
    const auto& patterns = session.result().patterns;
    context.selected_pattern = std::min(context.selected_pattern, patterns.size() - 1);
    ImGui::TextUnformatted("traffic of");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140.0F * context.scale);
    if (ImGui::BeginCombo("##flows", patterns[context.selected_pattern].name.c_str())) {
      for (std::size_t i = 0; i < patterns.size(); ++i) {
        if (ImGui::Selectable(patterns[i].name.c_str(), i == context.selected_pattern)) context.selected_pattern = i;
      }
      ImGui::EndCombo();
    }
    cursor = cursor_state(scenario, patterns[context.selected_pattern], context.cursor_s);
    ImGui::SameLine();
  }
  ImGui::Text("at %s", format_clock(context.cursor_s).c_str());
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state_fill(NodeState::kUp, false)), " up");
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state_fill(NodeState::kDegraded, false)), " degraded");
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state_fill(NodeState::kDown, false)), " down");
  return cursor;
}

// Draws the container boxes (regions, zones) filled by state, then the links between boxes.
void draw_containers_and_links(ImDrawList* draw, const Canvas& canvas, const TopologyLayout& layout,
                               const std::vector<NodeState>& states, float scale) {
  // Containers first, then links, then the other boxes on top.
  for (const LayoutBox& b : layout.boxes()) {
    if (!b.is_container) continue;
    const ImVec2 a = canvas.to_screen(b.x, b.y);
    const ImVec2 c = canvas.to_screen(b.x + b.w, b.y + b.h);
    draw->AddRectFilled(a, c, state_fill(states[b.vertex], true), 6.0F * scale);
    draw->AddRect(a, c, IM_COL32(160, 160, 160, 160), 6.0F * scale);
    std::string label = b.label;
    if (states[b.vertex] == NodeState::kDown) label += "  (DOWN)";
    draw->AddText(ImVec2(a.x + 6 * scale, a.y + 4 * scale), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
  }
  const auto& boxes = layout.boxes();
  for (const LayoutLink& l : layout.links()) {
    const ImU32 colour = l.kind == topology::EdgeKind::kReplication ? IM_COL32(188, 140, 255, 110)
                         : l.kind == topology::EdgeKind::kNetwork   ? IM_COL32(120, 120, 120, 90)
                                                                    : IM_COL32(140, 140, 140, 70);
    draw->AddLine(canvas.centre(boxes[l.from]), canvas.centre(boxes[l.to]), colour, 1.0F * scale);
  }
}

// Draws global entry -> gateway flows, thickness by the gateway region's traffic share in `cursor`.
void draw_flows(ImDrawList* draw, const Canvas& canvas, const topology::Topology& topo, const TopologyLayout& layout,
                const CursorState& cursor, float scale) {
  const auto& boxes = layout.boxes();
  for (topology::VertexId entry : topo.nodes_of_kind(NodeKind::kGlobalEntry)) {
    const auto& info = std::get<topology::GlobalEntryInfo>(topo.node(entry).details);
    for (const topology::Origin& o : info.origins) {
      const auto gateway = topo.find(o.gateway);
      if (!gateway) continue;
      const std::string& region = topo.node(*gateway).region;
      for (const RegionAtTime& r : cursor.regions) {
        if (r.name != region || !r.traffic_share || *r.traffic_share <= 0.0) continue;
        const float thickness = (1.5F + 10.0F * static_cast<float>(*r.traffic_share)) * scale;
        draw->AddLine(canvas.centre(boxes[layout.box_of(entry)]), canvas.centre(boxes[layout.box_of(*gateway)]),
                      IM_COL32(56, 189, 248, 200), thickness);
      }
    }
  }
}

// Draws the non-container boxes with kind tag and label; returns the index of the box under the mouse when hovered.
std::optional<std::size_t> draw_nodes(ImDrawList* draw, const Canvas& canvas, const topology::Topology& topo,
                                      const TopologyLayout& layout, const std::vector<NodeState>& states,
                                      bool is_hovered, float scale) {
  const auto& boxes = layout.boxes();
  std::optional<std::size_t> hovered;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const LayoutBox& b = boxes[i];
    if (b.is_container || b.w <= 0) continue;
    const ImVec2 a = canvas.to_screen(b.x, b.y);
    const ImVec2 c = canvas.to_screen(b.x + b.w, b.y + b.h);
    draw->AddRectFilled(a, c, state_fill(states[b.vertex], false), 4.0F * scale);
    draw->AddRect(a, c, IM_COL32(220, 220, 220, 120), 4.0F * scale);
    const topology::Node& node = topo.node(b.vertex);
    const std::string label = std::string(kind_tag(node.kind)) + ": " + b.label;
    draw->PushClipRect(a, c, true);
    draw->AddText(ImVec2(a.x + 4 * scale, a.y + 2 * scale), IM_COL32(255, 255, 255, 255), label.c_str());
    draw->PopClipRect();
    if (is_hovered && mouse.x >= a.x && mouse.x <= c.x && mouse.y >= a.y && mouse.y <= c.y) hovered = i;
  }
  return hovered;
}

// Shows the tooltip of `node`: id, kind, region, state at the cursor and description.
void node_tooltip(const topology::Node& node, NodeState state) {
  ImGui::BeginTooltip();
  ImGui::Text("%s (%s)", node.id.c_str(), std::string(topology::to_string(node.kind)).c_str());
  if (!node.region.empty()) ImGui::Text("region %s", node.region.c_str());
  ImGui::Text("state at cursor: %s", state_name(state));
  if (!node.description.empty()) ImGui::TextWrapped("%s", node.description.c_str());
  ImGui::EndTooltip();
}

}  // namespace

void TopologyView::draw(ViewContext& context) {
  ScenarioSession& session = context.session;
  if (!session.has_scenario()) {
    ImGui::TextDisabled("Open a scenario (Ctrl+O).");
    return;
  }
  const engine::Scenario& scenario = session.has_result() ? session.result_scenario() : session.loaded();
  const topology::Topology& topo = *scenario.topology;
  const TopologyLayout& layout = session.layout();
  const std::vector<NodeState> states = node_states_at(scenario, context.cursor_s);
  const std::optional<CursorState> cursor = draw_header(context, scenario);

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(std::max(avail.x, 100.0F), std::max(avail.y, 100.0F));
  ImGui::InvisibleButton("topology-canvas", size);
  const bool is_hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Canvas canvas{origin, size};
  draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  draw_containers_and_links(draw, canvas, layout, states, context.scale);
  // Traffic flows: global entry -> each region's gateway, thickness by the region's share at the cursor.
  if (cursor) draw_flows(draw, canvas, topo, layout, *cursor, context.scale);
  const std::optional<std::size_t> hovered = draw_nodes(draw, canvas, topo, layout, states, is_hovered, context.scale);
  draw->PopClipRect();
  if (hovered) {
    const LayoutBox& b = layout.boxes()[*hovered];
    node_tooltip(topo.node(b.vertex), states[b.vertex]);
  }
}

}  // namespace faultline::gui
