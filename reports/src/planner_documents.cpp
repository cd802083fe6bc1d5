#include "faultline/reports/planner_documents.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "faultline/reports/result_reader.hpp"
#include "svg_primitives.hpp"

namespace faultline::reports {
namespace {

using Json = nlohmann::json;

std::string type_name(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

// Reads members of one document; every failure names the file and the JSON path.
class DocumentReader {
 public:
  explicit DocumentReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem, const std::string& allowed) const {
    throw ResultReadError(file_, path, problem, allowed);
  }

  static std::string child(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }
  static std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

  const Json& member(const Json& object, const std::string& path, const char* key) const {
    if (!object.is_object()) fail(path, "is " + type_name(object), "an object");
    const auto it = object.find(key);
    if (it == object.end()) fail(child(path, key), "missing", "a value of the key");
    return *it;
  }

  const Json& object(const Json& o, const std::string& path, const char* key) const {
    const Json& j = member(o, path, key);
    if (!j.is_object()) fail(child(path, key), "is " + type_name(j), "an object");
    return j;
  }

  const Json& array(const Json& o, const std::string& path, const char* key) const {
    const Json& j = member(o, path, key);
    if (!j.is_array()) fail(child(path, key), "is " + type_name(j), "an array");
    return j;
  }

  std::string text(const Json& o, const std::string& path, const char* key) const {
    const Json& j = member(o, path, key);
    if (!j.is_string()) fail(child(path, key), "is " + type_name(j), "a string");
    return j.get<std::string>();
  }

  double number(const Json& j, const std::string& path) const {
    if (!j.is_number()) fail(path, "is " + type_name(j), "a number");
    return j.get<double>();
  }

  double number(const Json& o, const std::string& path, const char* key) const {
    return number(member(o, path, key), child(path, key));
  }

  std::optional<double> optional_number(const Json& o, const std::string& path, const char* key) const {
    if (!o.is_object()) return std::nullopt;
    const auto it = o.find(key);
    if (it == o.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) fail(child(path, key), "is " + type_name(*it), "a number or null");
    return it->get<double>();
  }

  bool boolean(const Json& o, const std::string& path, const char* key) const {
    const Json& j = member(o, path, key);
    if (!j.is_boolean()) fail(child(path, key), "is " + type_name(j), "true or false");
    return j.get<bool>();
  }

  unsigned long long count(const Json& o, const std::string& path, const char* key) const {
    const Json& j = member(o, path, key);
    if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<long long>() >= 0)) {
      fail(child(path, key), "is " + type_name(j), "a whole number >= 0");
    }
    return j.get<unsigned long long>();
  }

  // The optional `path.key` object's optional number `inner` (e.g. rto_s.p95); null object -> absent.
  std::optional<double> nested(const Json& o, const std::string& path, const char* key, const char* inner) const {
    const Json& j = member(o, path, key);
    if (j.is_null()) return std::nullopt;
    if (!j.is_object()) fail(child(path, key), "is " + type_name(j), "an object or null");
    return optional_number(j, child(path, key), inner);
  }

  AvailabilityEstimate availability(const Json& o, const std::string& path, const char* key) const {
    const Json& j = object(o, path, key);
    const std::string p = child(path, key);
    return {number(j, p, "mean"), optional_number(j, p, "ci99_low"), optional_number(j, p, "ci99_high")};
  }

  void expect_schema(const Json& document, const char* schema) const {
    const std::string s = text(document, "", "schema");
    if (s != schema) fail("schema", "is \"" + s + "\"", std::string("\"") + schema + "\"");
  }

 private:
  std::string file_;
};

std::string scenario_of(const DocumentReader& r, const Json& document) {
  const Json& inputs = r.object(document, "", "inputs");
  return r.text(inputs, "inputs", "scenario");
}

}  // namespace

std::string document_schema(const nlohmann::json& document, const std::string& file) {
  return DocumentReader(file).text(document, "", "schema");
}

McDocument read_mc_document(const nlohmann::json& document, const std::string& file) {
  const DocumentReader r(file);
  r.expect_schema(document, "faultline.mc/v1");
  McDocument out;
  out.file = file;
  out.scenario = scenario_of(r, document);
  out.faultline_version = r.text(document, "", "faultline_version");
  out.seed = r.count(document, "", "seed");
  out.years_per_replication = r.number(document, "", "years_per_replication");
  if (!(out.years_per_replication > 0.0)) r.fail("years_per_replication", "is not > 0", "a number > 0");
  out.replications = static_cast<std::size_t>(r.count(document, "", "replications"));
  const Json& targets = r.member(document, "", "targets");
  out.target_availability = r.optional_number(targets, "targets", "availability");
  out.target_rto_s = r.optional_number(targets, "targets", "rto_s");
  out.target_rpo_s = r.optional_number(targets, "targets", "rpo_s");
  const Json& markov = r.object(document, "", "markov");
  out.markov_availability = r.optional_number(markov, "markov", "availability");
  out.markov_annual_downtime_h = r.optional_number(markov, "markov", "annual_downtime_h");
  if (markov.contains("note") && markov.at("note").is_string()) out.markov_note = markov.at("note").get<std::string>();
  out.structure_availability = r.availability(document, "", "structure_availability");

  const Json& patterns = r.array(document, "", "patterns");
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const std::string p = DocumentReader::index("patterns", i);
    const Json& j = patterns[i];
    McPatternData d;
    d.name = r.text(j, p, "name");
    d.availability = r.availability(j, p, "availability");
    d.annual_downtime_h = r.number(j, p, "annual_downtime_h");
    d.incidents_per_year = r.number(j, p, "incidents_per_year");
    d.rto_p50_s = r.nested(j, p, "rto_s", "p50");
    d.rto_p95_s = r.nested(j, p, "rto_s", "p95");
    d.rto_p99_s = r.nested(j, p, "rto_s", "p99");
    d.rpo_p95_s = r.nested(j, p, "rpo_s", "p95");
    d.annual_incident_cost_usd = r.number(j, p, "annual_incident_cost_usd");
    out.patterns.push_back(std::move(d));
  }

  const Json& records = r.array(document, "", "records");
  for (std::size_t k = 0; k < records.size(); ++k) {
    const std::string rp = DocumentReader::index("records", k);
    const Json& per_pattern = r.array(records[k], rp, "patterns");
    if (per_pattern.size() != out.patterns.size()) {
      r.fail(rp + ".patterns", "has " + std::to_string(per_pattern.size()) + " entries",
             std::to_string(out.patterns.size()) + ", one per entry of patterns[]");
    }
    for (std::size_t i = 0; i < per_pattern.size(); ++i) {
      const std::string p = DocumentReader::index(rp + ".patterns", i);
      McPatternData& d = out.patterns[i];
      const double downtime_s = r.number(per_pattern[i], p, "downtime_s");
      d.annual_downtime_hours.push_back(downtime_s / out.years_per_replication / 3600.0);
      const Json& rtos = r.array(per_pattern[i], p, "rto_s");
      for (std::size_t n = 0; n < rtos.size(); ++n) d.rto_s.push_back(r.number(rtos[n], DocumentReader::index(p + ".rto_s", n)));
    }
  }
  return out;
}

PlanDocument read_plan_document(const nlohmann::json& document, const std::string& file) {
  const DocumentReader r(file);
  r.expect_schema(document, "faultline.plan/v1");
  PlanDocument out;
  out.file = file;
  out.scenario = scenario_of(r, document);
  out.faultline_version = r.text(document, "", "faultline_version");
  out.seed = r.count(document, "", "seed");
  out.years_per_replication = r.number(document, "", "years_per_replication");
  out.replications = static_cast<std::size_t>(r.count(document, "", "replications"));
  out.budget_monthly_usd = r.optional_number(document, "", "budget_monthly_usd");
  const Json& candidates = r.array(document, "", "candidates");
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string p = DocumentReader::index("candidates", i);
    const Json& j = candidates[i];
    PlanCandidateData c;
    c.label = r.text(j, p, "label");
    c.pattern = r.text(j, p, "pattern");
    c.monthly_cost_usd = r.number(j, p, "monthly_cost_usd");
    c.total_monthly_usd = r.number(j, p, "total_monthly_usd");
    c.availability = r.number(j, p, "availability");
    r.member(j, p, "rto_p95_s");
    r.member(j, p, "rpo_p95_s");
    c.rto_p95_s = r.optional_number(j, p, "rto_p95_s");
    c.rpo_p95_s = r.optional_number(j, p, "rpo_p95_s");
    c.meets_targets = r.boolean(j, p, "meets_targets");
    c.is_pareto = r.boolean(j, p, "pareto");
    out.candidates.push_back(std::move(c));
  }
  const Json& recommendations = r.object(document, "", "recommendations");
  for (const char* kind : {"cheapest_meeting_targets", "best_within_budget", "least_change"}) {
    const Json& j = r.member(recommendations, "recommendations", kind);
    const std::string p = DocumentReader::child("recommendations", kind);
    if (j.is_null()) {
      out.recommendations.push_back({kind, std::nullopt, "no candidate qualifies"});
      continue;
    }
    PlanRecommendation rec{kind, std::nullopt, {}};
    const Json& label = r.member(j, p, "label");
    if (label.is_string()) {
      rec.label = label.get<std::string>();
    } else if (!label.is_null()) {
      r.fail(p + ".label", "is " + type_name(label), "a string or null");
    }
    rec.why = r.text(j, p, "why");
    out.recommendations.push_back(std::move(rec));
  }
  return out;
}

nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ResultReadError(path, "", "cannot be read", "");
  std::stringstream text;
  text << in.rdbuf();
  try {
    return nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset of the error; turn it into line and column.
    const std::string s = text.str();
    const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, s.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < at; ++i) {
      if (s[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw ResultReadError(path + ":" + std::to_string(line) + ":" + std::to_string(column), "",
                          "is not valid JSON", "a faultline.result/v1, faultline.mc/v1 or faultline.plan/v1 document");
  }
}

std::vector<CdfStep> empirical_cdf(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::vector<CdfStep> out;
  const double n = static_cast<double>(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i + 1 < values.size() && values[i + 1] == values[i]) continue;
    out.push_back({values[i], static_cast<double>(i + 1) / n});
  }
  return out;
}

std::optional<double> nearest_rank(std::vector<double> values, double q) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(q * static_cast<double>(values.size()));
  const std::size_t k = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(rank, 1.0)), 1, values.size());
  return values[k - 1];
}

double round_axis_end(double v) { return svg::nice_ceiling(v); }

double cdf_axis_end_s(const std::vector<double>& rto_s, std::optional<double> target_rto_s) {
  double largest = nearest_rank(rto_s, 0.99).value_or(0.0);
  if (target_rto_s) largest = std::max(largest, *target_rto_s);
  return round_axis_end(largest);
}

std::vector<HistogramBin> histogram_bins(std::vector<double> values) {
  if (values.empty()) return {};
  std::sort(values.begin(), values.end());
  const double low = values.front();
  const double high = values.back();
  if (high == low) return {{low - 0.5, low + 0.5, values.size()}};
  const double n = static_cast<double>(values.size());
  const double iqr = *nearest_rank(values, 0.75) - *nearest_rank(values, 0.25);
  std::size_t bins = 0;
  if (iqr > 0.0) {
    const double width = 2.0 * iqr / std::cbrt(n);
    bins = static_cast<std::size_t>(std::ceil((high - low) / width));
  } else {
    bins = static_cast<std::size_t>(std::ceil(std::log2(n))) + 1;
  }
  bins = std::clamp<std::size_t>(bins, 1, 40);
  const double width = (high - low) / static_cast<double>(bins);
  std::vector<HistogramBin> out;
  for (std::size_t b = 0; b < bins; ++b) {
    out.push_back({low + width * static_cast<double>(b), b + 1 == bins ? high : low + width * static_cast<double>(b + 1), 0});
  }
  for (const double v : values) {
    const auto b = std::min(bins - 1, static_cast<std::size_t>((v - low) / width));
    ++out[b].count;
  }
  return out;
}

}  // namespace faultline::reports
