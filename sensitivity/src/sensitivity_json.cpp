#include "faultline/sensitivity/sensitivity_json.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "faultline/base/json_reader.hpp"

namespace faultline::sensitivity {
namespace {

using nlohmann::ordered_json;
using Json = nlohmann::json;
using base::JsonReader;

constexpr double kHuge = 1e18;

ordered_json optional_number(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

// The six figures an outcome and a swing share, in document order.
template <typename Figures>
ordered_json figures_json(const Figures& f) {
  return {{"rto_s", optional_number(f.rto_s)},      {"detect_s", optional_number(f.detect_s)},
          {"rpo_s", optional_number(f.rpo_s)},      {"availability", f.availability},
          {"monthly_cost_usd", f.monthly_cost_usd}, {"incident_cost_usd", f.incident_cost_usd}};
}

ordered_json outcome_json(const Outcome& o) {
  ordered_json j = figures_json(o);
  j["meets_targets"] = o.meets_targets;
  return j;
}

ordered_json parameter_result_json(const ParameterResult& r) {
  ordered_json j;
  j["name"] = r.name;
  j["not_applicable"] = r.not_applicable.empty() ? ordered_json(nullptr) : ordered_json(r.not_applicable);
  j["base_value"] = optional_number(r.base_value);
  j["low"] = optional_number(r.low);
  j["high"] = optional_number(r.high);
  j["points"] = ordered_json::array();
  for (const Point& p : r.points) j["points"].push_back({{"value", p.value}, {"outcome", outcome_json(p.outcome)}});
  j["swing"] = figures_json(r.swing);
  return j;
}

// Reads the document's parts, recording every problem on the reader.
class DocumentReader {
 public:
  explicit DocumentReader(JsonReader& in) : in_(in) {}

  std::optional<double> nullable(const Json& o, const std::string& path, const char* key) {
    if (o.contains(key) && o.at(key).is_null()) return std::nullopt;
    return in_.number(o, path, key, {.is_required = true, .min = -kHuge, .max = kHuge, .allowed = "a number or null"});
  }

  double number(const Json& o, const std::string& path, const char* key) {
    return in_.number(o, path, key, {.is_required = true, .min = -kHuge, .max = kHuge}).value_or(0.0);
  }

  std::string text(const Json& o, const std::string& path, const char* key) {
    const Json* v = o.contains(key) && o.at(key).is_string() ? &o.at(key) : nullptr;
    if (v == nullptr) {
      in_.error(JsonReader::at(path, key), "missing or not a string", "a string");
      return {};
    }
    return v->get<std::string>();
  }

  // The six figures an outcome and a swing share; false when `o` is not an object.
  template <typename Figures>
  bool figures(const Json& o, const std::string& path, std::string_view what, Figures& out) {
    if (!in_.expect_object(o, path, what)) return false;
    out.rto_s = nullable(o, path, "rto_s");
    out.detect_s = nullable(o, path, "detect_s");
    out.rpo_s = nullable(o, path, "rpo_s");
    out.availability = in_.number(o, path, "availability", {.is_required = true, .min = 0, .max = 1}).value_or(0.0);
    out.monthly_cost_usd = number(o, path, "monthly_cost_usd");
    out.incident_cost_usd = number(o, path, "incident_cost_usd");
    return true;
  }

  Outcome outcome(const Json& o, const std::string& path) {
    Outcome out;
    if (figures(o, path, "an outcome object", out))
      out.meets_targets = in_.boolean(o, path, "meets_targets", {.is_required = true}).value_or(false);
    return out;
  }

  Swing swing(const Json& o, const std::string& path) {
    Swing s;
    figures(o, path, "a swing object", s);
    return s;
  }

  ParameterResult parameter(const Json& o, const std::string& path) {
    ParameterResult r;
    if (!in_.expect_object(o, path, "a parameter object")) return r;
    r.name = text(o, path, "name");
    if (o.contains("not_applicable") && !o.at("not_applicable").is_null())
      r.not_applicable = text(o, path, "not_applicable");
    r.base_value = nullable(o, path, "base_value");
    r.low = nullable(o, path, "low");
    r.high = nullable(o, path, "high");
    if (const Json* points = in_.array(o, path, "points", {.is_required = true})) {
      for (std::size_t i = 0; i < points->size(); ++i) {
        const std::string at = JsonReader::at(JsonReader::at(path, "points"), i);
        const Json& p = (*points)[i];
        if (!in_.expect_object(p, at, "a point {\"value\", \"outcome\"}")) continue;
        const Json* outcome = in_.object(p, at, "outcome", {.is_required = true});
        r.points.push_back(
            {number(p, at, "value"), outcome ? this->outcome(*outcome, JsonReader::at(at, "outcome")) : Outcome{}});
      }
    }
    if (const Json* s = in_.object(o, path, "swing", {.is_required = true}))
      r.swing = swing(*s, JsonReader::at(path, "swing"));
    return r;
  }

  PatternSensitivity pattern(const Json& o, const std::string& path) {
    PatternSensitivity p;
    if (!in_.expect_object(o, path, "a pattern object")) return p;
    p.name = text(o, path, "name");
    if (const Json* base = in_.object(o, path, "base", {.is_required = true}))
      p.base = outcome(*base, JsonReader::at(path, "base"));
    if (const Json* list = in_.array(o, path, "parameters", {.is_required = true})) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        p.parameters.push_back(parameter((*list)[i], JsonReader::at(JsonReader::at(path, "parameters"), i)));
      }
    }
    return p;
  }

  ParameterDefinition definition(const Json& o, const std::string& path) {
    ParameterDefinition d;
    if (!in_.expect_object(o, path, "a parameter definition")) return d;
    d.name = text(o, path, "name");
    d.unit = text(o, path, "unit");
    d.range = text(o, path, "range");
    d.is_default =
        in_.one_of(o, path, "range_source", {.is_required = true}, {"default", "--params"}).value_or("default") ==
        "default";
    d.description = text(o, path, "description");
    return d;
  }

  void inputs(const Json& root, SensitivityResult& r) {
    const Json* list = in_.array(root, "", "inputs", {.is_required = true});
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string at = JsonReader::at("inputs", i);
      const Json& f = (*list)[i];
      if (!in_.expect_object(f, at, "an input {\"role\", \"path\", \"sha256\"}")) continue;
      r.inputs.push_back({text(f, at, "role"), text(f, at, "path"), text(f, at, "sha256")});
    }
  }

 private:
  JsonReader& in_;
};

std::runtime_error read_failure(const std::vector<base::LoadError>& errors) {
  std::string message;
  for (const base::LoadError& e : errors) message += (message.empty() ? "" : "\n") + e.to_string();
  return std::runtime_error(message);
}

}  // namespace

std::string to_sensitivity_json_text(const SensitivityResult& result) {
  ordered_json j;
  j["schema"] = std::string(kSensitivitySchema);
  j["faultline_version"] = result.faultline_version;
  j["inputs"] = ordered_json::array();
  for (const engine::InputFile& f : result.inputs) {
    j["inputs"].push_back({{"role", f.role}, {"path", f.path}, {"sha256", f.sha256}});
  }
  j["scenario"] = result.scenario;
  j["seed"] = result.seed;
  j["points"] = result.points;
  j["swing"] = "largest minus smallest figure over the parameter's points; every run on the same seed";
  j["parameters"] = ordered_json::array();
  for (const ParameterDefinition& d : result.parameters) {
    j["parameters"].push_back({{"name", d.name},
                               {"unit", d.unit},
                               {"range", d.range},
                               {"range_source", d.is_default ? "default" : "--params"},
                               {"description", d.description}});
  }
  j["patterns"] = ordered_json::array();
  for (const PatternSensitivity& p : result.patterns) {
    ordered_json parameters = ordered_json::array();
    for (const ParameterResult& r : p.parameters) parameters.push_back(parameter_result_json(r));
    j["patterns"].push_back({{"name", p.name}, {"base", outcome_json(p.base)}, {"parameters", parameters}});
  }
  return j.dump(2) + "\n";
}

SensitivityResult read_sensitivity_json_text(std::string_view text, const std::string& file) {
  std::vector<base::LoadError> errors;
  const std::optional<Json> root = JsonReader::parse(text, file, errors);
  if (!root) throw read_failure(errors);
  JsonReader in(file, errors);
  DocumentReader reader(in);
  SensitivityResult r;
  if (!in.expect_object(*root, "", "a faultline.sensitivity/v1 document")) throw read_failure(errors);
  const std::string schema = reader.text(*root, "", "schema");
  if (errors.empty() && schema != kSensitivitySchema) {
    in.error("schema", "\"" + schema + "\" is not this document's schema",
             "\"" + std::string(kSensitivitySchema) + "\"");
    throw read_failure(errors);
  }
  r.faultline_version = reader.text(*root, "", "faultline_version");
  reader.inputs(*root, r);
  r.scenario = reader.text(*root, "", "scenario");
  if (root->contains("seed") && root->at("seed").is_number_unsigned()) {
    r.seed = root->at("seed").get<std::uint64_t>();
  } else {
    in.error("seed", "missing or not a whole number >= 0", "the seed every run used");
  }
  r.points = static_cast<unsigned>(
      in.number(*root, "", "points", {.is_required = true, .min = 2, .max = 21, .is_integer = true}).value_or(2));
  if (const Json* list = in.array(*root, "", "parameters", {.is_required = true})) {
    for (std::size_t i = 0; i < list->size(); ++i)
      r.parameters.push_back(reader.definition((*list)[i], JsonReader::at("parameters", i)));
  }
  if (const Json* list = in.array(*root, "", "patterns", {.is_required = true})) {
    for (std::size_t i = 0; i < list->size(); ++i)
      r.patterns.push_back(reader.pattern((*list)[i], JsonReader::at("patterns", i)));
  }
  if (!errors.empty()) throw read_failure(errors);
  return r;
}

}  // namespace faultline::sensitivity
