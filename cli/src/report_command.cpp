#include "faultline/cli/report_command.hpp"

#include <algorithm>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "faultline/base/atomic_write.hpp"
#include "faultline/reports/answer_changes.hpp"
#include "faultline/reports/html_report.hpp"
#include "faultline/reports/chromium.hpp"
#include "faultline/reports/junit_report.hpp"
#include "faultline/contract/planner_documents.hpp"
#include "faultline/contract/schema_names.hpp"
#include "faultline/reports/planner_report.hpp"
#include "faultline/reports/report_format.hpp"
#include "faultline/contract/result_reader.hpp"
#include "faultline/reports/sensitivity_report.hpp"
#include "faultline/reports/text_format.hpp"
#include "faultline/sensitivity/sensitivity_json.hpp"

namespace faultline::cli {
namespace {

struct ReportOptions {
  std::vector<std::string> results;
  std::string format;
  std::string output;
  std::string chromium;
  std::string
      sensitivity;  ///< a faultline.sensitivity/v1 file of the same scenario: adds "what would change the answer"
};

// Writes an HTML or Markdown report's `text` to standard output or -o (whole or not at all), or prints the HTML
// to the PDF of -o.
ExitCode emit_html_or_markdown(const ReportOptions& options, reports::ReportFormat format, const std::string& text,
                               std::ostream& out, std::ostream& err) {
  if (options.output.empty()) {
    out << text;
    return ExitCode::kOk;
  }
  try {
    if (format == reports::ReportFormat::kPdf) {
      reports::write_pdf_report(text, options.output, options.chromium);
    } else {
      base::write_file_atomically(options.output, text);
    }
  } catch (const reports::ChromiumNotFound& e) {
    err << "faultline report: " << e.what() << "\n";
    return ExitCode::kBadInput;
  }
  err << "report written to " << options.output << "\n";
  return ExitCode::kOk;
}

// The schema of the single document given when it is a Monte Carlo, plan or sensitivity document; empty otherwise
// (a result document, or a file the result reader will explain).
std::string planner_schema(const ReportOptions& options, nlohmann::json& document) {
  if (options.results.size() != 1) return {};
  try {
    document = contract::read_json_file(options.results.front());
  } catch (const contract::ResultReadError&) {
    return {};
  }
  if (!document.is_object() || !document.contains("schema") || !document.at("schema").is_string()) return {};
  const std::string schema = document.at("schema").get<std::string>();
  return schema == contract::kMcSchema || schema == contract::kPlanSchema || schema == sensitivity::kSensitivitySchema
             ? schema
             : std::string();
}

// Writes the HTML or Markdown report of a faultline.mc/v1 or faultline.plan/v1 document, or the HTML of a
// faultline.sensitivity/v1 document.
ExitCode report_planner_document(const ReportOptions& options, const std::string& schema,
                                 const nlohmann::json& document, reports::ReportFormat format, std::ostream& out,
                                 std::ostream& err) {
  const std::string& file = options.results.front();
  if (format != reports::ReportFormat::kHtml && format != reports::ReportFormat::kMarkdown &&
      format != reports::ReportFormat::kPdf) {
    const std::string asked = options.format.empty() ? "-o " + options.output : "--format " + options.format;
    err << "faultline report: " << file << ": schema: a " << schema << " document has no report for " << asked
        << " (allowed: html, md, pdf)\nfaultline report: nothing written\n";
    return ExitCode::kBadInput;
  }
  if (format == reports::ReportFormat::kPdf && options.output.empty()) {
    err << "faultline report: a PDF needs an output file: -o FILE.pdf\n";
    return ExitCode::kBadInput;
  }
  // A PDF is the HTML report printed by headless Chromium, as for a run result.
  const bool is_html = format != reports::ReportFormat::kMarkdown;
  std::string text;
  try {
    if (schema == sensitivity::kSensitivitySchema) {
      if (!is_html)
        throw contract::ResultReadError(file, "schema", "a " + schema + " document has no Markdown report",
                                        "html, pdf");
      text = reports::sensitivity_to_html(sensitivity::read_sensitivity_json_text(document.dump(), file));
    } else if (schema == contract::kMcSchema) {
      const contract::McDocument mc = contract::read_mc_document(document, file);
      text = is_html ? reports::mc_to_html(mc) : reports::mc_to_markdown(mc);
    } else {
      const contract::PlanDocument plan = contract::read_plan_document(document, file);
      text = is_html ? reports::plan_to_html(plan) : reports::plan_to_markdown(plan);
    }
  } catch (const std::runtime_error& e) {  // ResultReadError, or a sensitivity document's problems
    err << e.what() << "\nfaultline report: nothing written\n";
    return ExitCode::kBadInput;
  }
  return emit_html_or_markdown(options, format, text, out, err);
}

// The study in `options.sensitivity` and what it says about `result`; throws std::runtime_error naming the file
// and what is wrong (unreadable, not a sensitivity document, another scenario).
reports::AnswerChanges read_answer_changes(const ReportOptions& options, const engine::RunResult& result) {
  const std::string& file = options.sensitivity;
  const nlohmann::json document = contract::read_json_file(file);
  const auto schema = document.is_object() && document.contains("schema") && document.at("schema").is_string()
                          ? document.at("schema").get<std::string>()
                          : std::string();
  if (schema != sensitivity::kSensitivitySchema) {
    throw contract::ResultReadError(
        file, "schema",
        "--sensitivity needs a sensitivity document, this is " +
            (schema.empty() ? std::string("none") : "\"" + schema + "\""),
        "\"" + std::string(sensitivity::kSensitivitySchema) + "\" (faultline sensitivity --json)");
  }
  const sensitivity::SensitivityResult study = sensitivity::read_sensitivity_json_text(document.dump(), file);
  if (auto why = reports::study_mismatch(result, study)) throw std::runtime_error(file + ": inputs: " + *why);
  return reports::answer_changes(result, study);
}

// The run report with its "what would change the answer" section (HTML or PDF only).
ExitCode report_with_study(const ReportOptions& options, reports::ReportFormat format, std::ostream& out,
                           std::ostream& err) {
  if (format != reports::ReportFormat::kHtml && format != reports::ReportFormat::kPdf) {
    err << "faultline report: --sensitivity adds a section to the HTML and PDF reports only (allowed formats: html, "
           "pdf)\n";
    return ExitCode::kBadInput;
  }
  if (options.results.size() != 1 || (format == reports::ReportFormat::kPdf && options.output.empty())) {
    err << "faultline report: --sensitivity needs exactly one result file"
        << (format == reports::ReportFormat::kPdf ? " and -o FILE.pdf" : "") << "\n";
    return ExitCode::kBadInput;
  }
  std::string html;
  try {
    const engine::RunResult result = contract::read_result_file(options.results.front());
    const reports::AnswerChanges changes = read_answer_changes(options, result);
    html = reports::to_html(result, reports::load_report_topology(result), &changes);
  } catch (const std::runtime_error& e) {  // ResultReadError, or the study's problems
    err << e.what() << "\nfaultline report: nothing written\n";
    return ExitCode::kBadInput;
  }
  return emit_html_or_markdown(options, format, html, out, err);
}

ExitCode report(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<reports::ReportFormat> format;
  if (!options.format.empty()) {
    format = reports::parse_report_format(options.format);
    if (!format) {
      err << "faultline report: --format " << options.format
          << " is unknown (allowed: " << reports::report_format_names() << ")\n";
      return ExitCode::kBadInput;
    }
  } else if (!options.output.empty()) {
    format = reports::report_format_of_path(options.output);
    if (!format) {
      err << "faultline report: cannot tell the format from the extension of " << options.output
          << " (allowed: .html, .md, .csv, .xml, .pdf); give --format\n";
      return ExitCode::kBadInput;
    }
  } else {
    err << "faultline report: give --format (" << reports::report_format_names() << ") or -o FILE\n";
    return ExitCode::kBadInput;
  }
  nlohmann::json document;
  const std::string schema = planner_schema(options, document);
  if (!options.sensitivity.empty() && !schema.empty()) {
    err << "faultline report: " << options.results.front() << ": schema: --sensitivity goes with a result file of "
        << "`faultline run --json`, not a " << schema << " document\n";
    return ExitCode::kBadInput;
  }
  if (!options.sensitivity.empty()) return report_with_study(options, *format, out, err);
  if (!schema.empty()) {
    return report_planner_document(options, schema, document, *format, out, err);
  }
  if (options.results.size() > 1 && format != reports::ReportFormat::kJunit) {
    err << "faultline report: " << options.results.size()
        << " result files given; only --format junit combines several (one test suite each)\n";
    return ExitCode::kBadInput;
  }
  if (format == reports::ReportFormat::kPdf && options.output.empty()) {
    err << "faultline report: a PDF needs an output file: -o FILE.pdf\n";
    return ExitCode::kBadInput;
  }
  std::vector<engine::RunResult> results;
  for (const auto& path : options.results) {
    try {
      results.push_back(contract::read_result_file(path));
    } catch (const contract::ResultReadError& e) {
      err << e.what() << "\nfaultline report: nothing written\n";
      return ExitCode::kBadInput;
    }
  }
  try {
    if (format == reports::ReportFormat::kJunit) {
      // One suite per scenario, ordered by scenario path as `batch` orders them, so
      // merging shards' results gives the same file as one unsharded batch.
      std::vector<reports::JunitSuite> suites;
      for (auto& r : results) suites.push_back({reports::scenario_label(r), std::move(r), {}, {}});
      std::stable_sort(suites.begin(), suites.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
      const std::string text = reports::to_junit_xml(suites);
      if (options.output.empty()) {
        out << text;
      } else {
        base::write_file_atomically(options.output, text);
      }
    } else if (options.output.empty()) {
      out << reports::render_report_text(results.front(), *format);
    } else {
      reports::write_report(results.front(), *format, options.output, options.chromium);
    }
  } catch (const reports::ChromiumNotFound& e) {
    err << "faultline report: " << e.what() << "\n";
    return ExitCode::kBadInput;
  }
  if (!options.output.empty()) err << "report written to " << options.output << "\n";
  return ExitCode::kOk;
}

}  // namespace

void add_report_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* cmd =
      app.add_subcommand("report", "Write a report (HTML, PDF, Markdown, CSV, JUnit) from result, mc or plan files");
  cmd->add_option("result", options->results,
                  "result file(s) of `faultline run --json` (several: junit only), or one file of `faultline mc`/`plan "
                  "--json` (html, md, pdf) or `sensitivity --json` (html, pdf)")
      ->required();
  cmd->add_option("-f,--format", options->format, "html | md | csv | junit | pdf (default: from -o's extension)");
  cmd->add_option("-o,--output", options->output, "output file (default: standard output; required for pdf)");
  cmd->add_option("--chromium", options->chromium, "Chromium executable for pdf (default: chromium on PATH)");
  cmd->add_option("--sensitivity", options->sensitivity,
                  "a `faultline sensitivity --json` file of the same scenario: the HTML/PDF run report gains "
                  "\"What would change the answer\"");
  cmd->footer(
      "Reads only the result files (and the topology file they name, for the diagram); never simulates.\n"
      "Exit code: 0 written, 2 bad input or usage (e.g. Chromium missing for pdf).");
  cmd->callback([options, &out, &err, &exit_code] { exit_code = report(*options, out, err); });
}

}  // namespace faultline::cli
