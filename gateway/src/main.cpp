// faultline-gateway --config GATEWAY.json [--listen HOST:PORT] [--record EVENTS.jsonl]
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "faultline/gateway/gateway_server.hpp"

namespace {

// "HOST:PORT" into the options; false when it is not that shape.
bool set_listen(const std::string& value, faultline::gateway::GatewayOptions& options) {
  const std::size_t colon = value.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) return false;
  options.listen_host = value.substr(0, colon);
  options.listen_port = value.substr(colon + 1);
  return true;
}

// Serves until SIGTERM/SIGINT; 0 after a graceful stop, 2 on a bad configuration or address.
int serve(const faultline::gateway::GatewayOptions& options) {
  std::FILE* record = nullptr;
  if (!options.record_path.empty()) {
    record = std::fopen(options.record_path.c_str(), "w");
    if (record == nullptr) {
      std::cerr << "faultline-gateway: error: --record " << options.record_path.string()
                << ": cannot open for writing: " << std::strerror(errno) << "\n";
      return 2;
    }
  }
  try {
    faultline::gateway::GatewayServer server(options, record, stdout);
    const int code = server.run();
    if (record != nullptr) std::fclose(record);
    return code;
  } catch (const faultline::gateway::GatewayConfigError& e) {
    std::cerr << "faultline-gateway: error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "faultline-gateway: error: --listen " << options.listen_host << ":" << options.listen_port << ": "
              << e.what() << "\n";
  }
  // Nothing was served: no recording is left behind.
  if (record != nullptr) std::fclose(record);
  if (!options.record_path.empty()) std::remove(options.record_path.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  faultline::gateway::GatewayOptions options;
  CLI::App app{
      "faultline-gateway: an HTTP gateway in front of OpenAI-compatible model endpoints, routing with "
      "faultline's router (the code `faultline run` simulates); docs/gateway.md"};
  app.add_option("--config", options.config_path,
                 "GATEWAY.json: the router configuration of docs/router.md with each endpoint's url")
      ->required();
  std::string listen = "127.0.0.1:8080";
  app.add_option("--listen", listen, "HOST:PORT to serve on (port 0 picks a free port, logged)")->capture_default_str();
  app.add_option("--record", options.record_path,
                 "EVENTS.jsonl: every probe, call, pick and timer in the replay format (faultline replay)");
  app.footer(
      "Exit code: 0 after SIGTERM/SIGINT (graceful stop), 2 bad arguments or configuration. "
      "SIGHUP reloads the configuration.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (!set_listen(listen, options)) {
    std::cerr << "faultline-gateway: error: --listen \"" << listen
              << "\" is not HOST:PORT (allowed: e.g. 127.0.0.1:8080, port 0 for a free one)\n";
    return 2;
  }
  return serve(options);
}
