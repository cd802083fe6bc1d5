#include "faultline/reports/junit_report.hpp"

#include "faultline/reports/text_format.hpp"

namespace faultline::reports {
namespace {

struct Counts {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;
};

std::string counts_attributes(const Counts& c) {
  return "tests=\"" + std::to_string(c.tests) + "\" failures=\"" + std::to_string(c.failures) + "\" errors=\"" +
         std::to_string(c.errors) + "\" skipped=\"" + std::to_string(c.skipped) + "\"";
}

// The text of a missed target: "rto_s = 3120 s exceeds the limit 900" style, units left to the name.
std::string miss_message(const engine::TargetResult& t) {
  const bool is_lower_bound = t.name.size() >= 12 && t.name.compare(t.name.size() - 12, 12, "availability") == 0;
  if (!t.value) return t.name + ": no value to compare (limit " + shortest(t.limit) + ")";
  return t.name + " = " + shortest(*t.value) + (is_lower_bound ? " is below the limit " : " exceeds the limit ") +
         shortest(t.limit);
}

std::string lint_cases(const JunitSuite& suite, Counts& c) {
  std::string cases;
  const std::string classname = escape_xml(suite.name);
  for (const JunitLintCase& l : suite.lint) {
    ++c.tests;
    cases += "    <testcase classname=\"" + classname + "\" name=\"" + escape_xml(l.name) + "\"";
    if (l.is_failure) {
      ++c.failures;
      cases += ">\n      <failure type=\"lint_error\" message=\"" + escape_xml(l.message) + "\"/>\n    </testcase>\n";
    } else if (l.is_skipped) {
      ++c.skipped;
      cases += ">\n      <skipped message=\"" + escape_xml("acknowledged: " + l.message) + "\"/>\n    </testcase>\n";
    } else {
      cases += "/>\n";
    }
  }
  return cases;
}

std::string suite_xml(const JunitSuite& suite, Counts& total) {
  Counts c;
  std::string cases = lint_cases(suite, c);
  const std::string classname = escape_xml(suite.name);
  if (!suite.result) {
    ++c.tests;
    ++c.errors;
    cases += "    <testcase classname=\"" + classname + "\" name=\"scenario\">\n";
    cases += "      <error type=\"bad_input\" message=\"" + escape_xml(suite.error) + "\">" + escape_xml(suite.error) +
             "</error>\n    </testcase>\n";
  } else {
    for (const auto& p : suite.result->patterns) {
      if (p.targets.empty()) {
        ++c.tests;
        cases += "    <testcase classname=\"" + classname + "\" name=\"" + escape_xml(p.name) + ": no targets\"/>\n";
      }
      for (const auto& t : p.targets) {
        ++c.tests;
        cases += "    <testcase classname=\"" + classname + "\" name=\"" + escape_xml(p.name + ": " + t.name) + "\"";
        if (t.met && !t.value) {
          // Nothing measured it (no incident, no request during the fault): not a pass.
          ++c.skipped;
          cases += ">\n      <skipped message=\"no fault in the scenario exercised this target\"/>\n    </testcase>\n";
          continue;
        }
        if (t.met) {
          cases += "/>\n";
          continue;
        }
        if (!p.is_gated) {
          // Kept for comparison ("gate": false): the miss is shown, the build does not fail on it.
          ++c.skipped;
          cases +=
              ">\n      <skipped message=\"" + escape_xml("not gated: " + miss_message(t)) + "\"/>\n    </testcase>\n";
          continue;
        }
        ++c.failures;
        const std::string value = t.value ? shortest(*t.value) : std::string("none");
        cases += ">\n      <failure type=\"target_missed\" message=\"" + escape_xml(miss_message(t)) + "\">" +
                 escape_xml("pattern: " + p.name + "\ntarget: " + t.name + "\nvalue: " + value +
                            "\nlimit: " + shortest(t.limit)) +
                 "</failure>\n    </testcase>\n";
      }
    }
  }
  total.tests += c.tests;
  total.failures += c.failures;
  total.errors += c.errors;
  total.skipped += c.skipped;
  std::string out = "  <testsuite name=\"" + classname + "\" " + counts_attributes(c) + ">\n";
  if (suite.result) {
    out += "    <properties>\n";
    out += "      <property name=\"seed\" value=\"" + std::to_string(suite.result->seed) + "\"/>\n";
    out +=
        "      <property name=\"faultline_version\" value=\"" + escape_xml(suite.result->faultline_version) + "\"/>\n";
    for (const auto& i : suite.result->inputs) {
      out +=
          "      <property name=\"" + escape_xml(i.role + ".sha256") + "\" value=\"" + escape_xml(i.sha256) + "\"/>\n";
    }
    out += "    </properties>\n";
  }
  return out + cases + "  </testsuite>\n";
}

}  // namespace

std::string to_junit_xml(const std::vector<JunitSuite>& suites) {
  Counts total;
  std::string body;
  for (const auto& s : suites) body += suite_xml(s, total);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"faultline\" " + counts_attributes(total) +
         ">\n" + body + "</testsuites>\n";
}

}  // namespace faultline::reports
