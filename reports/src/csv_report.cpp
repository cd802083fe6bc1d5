#include "faultline/reports/csv_report.hpp"

#include <algorithm>

#include "faultline/reports/text_format.hpp"

namespace faultline::reports {
namespace {

// Quotes a field when it holds a comma, a quote or a line break (RFC 4180).
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string value(const std::optional<double>& v) { return v ? shortest(*v) : std::string(); }

template <typename T>
std::string at(const std::vector<T>& values, std::size_t i) {
  if (i >= values.size()) return {};
  if constexpr (std::is_same_v<T, std::optional<double>>) {
    return value(values[i]);
  } else if constexpr (std::is_same_v<T, double>) {
    return shortest(values[i]);
  } else {
    return std::to_string(values[i]);
  }
}

}  // namespace

std::string to_series_csv(const engine::RunResult& result) {
  std::vector<std::string> regions;
  for (const auto& p : result.patterns) {
    for (const auto& r : p.series.regions) {
      if (std::find(regions.begin(), regions.end(), r) == regions.end()) regions.push_back(r);
    }
  }
  std::string out =
      "pattern,bucket_start_s,bucket_s,offered,failed,success_ratio,p99_latency_ms,max_latency_ms,"
      "replication_lag_mean_s,replication_lag_max_s";
  for (const auto& r : regions) out += "," + field("traffic_share:" + r);
  for (const auto& r : regions) out += "," + field("capacity:" + r);
  out += "\r\n";
  for (const auto& p : result.patterns) {
    const auto& s = p.series;
    for (std::size_t b = 0; b < s.start_s.size(); ++b) {
      out += field(p.name) + "," + shortest(s.start_s[b]) + "," + shortest(s.bucket_s) + "," + at(s.offered, b) + "," +
             at(s.failed, b) + "," + at(s.success_ratio, b) + "," + at(s.p99_latency_ms, b) + "," +
             at(s.max_latency_ms, b) + "," + at(s.replication_lag_mean_s, b) + "," + at(s.replication_lag_max_s, b);
      for (const auto& r : regions) {
        const auto it = std::find(s.regions.begin(), s.regions.end(), r);
        const std::size_t k = static_cast<std::size_t>(it - s.regions.begin());
        out += "," + (it == s.regions.end() ? std::string() : at(s.traffic_share[k], b));
      }
      for (const auto& r : regions) {
        const auto it = std::find(s.regions.begin(), s.regions.end(), r);
        const std::size_t k = static_cast<std::size_t>(it - s.regions.begin());
        out += "," + (it == s.regions.end() ? std::string() : at(s.capacity[k], b));
      }
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace faultline::reports
