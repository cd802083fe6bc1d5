#include "faultline/topology/topology_loader.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "duplicate_key_finder.hpp"
#include "entry_and_link_reader.hpp"
#include "faultline/base/json_reader.hpp"
#include "graph_builder.hpp"
#include "region_reader.hpp"

namespace faultline::topology {
namespace {

using nlohmann::json;

// The fields of the root object that are not part of the graph.
struct RootFields {
  std::string name;
  std::string description;
};

// Walks the JSON document into `builder`, section by section in file order, then resolves the
// references; every error goes to the builder's reader.
RootFields check_root(const json& root, GraphBuilder& builder) {
  base::JsonReader& reader = builder.reader();
  RootFields fields;
  if (!root.is_object()) {
    reader.error("", std::string("the file holds a JSON ") + root.type_name() + ", not an object",
                 "an object with \"name\" and \"regions\"");
    return fields;
  }
  reader.check_keys(
      root, "",
      {"$schema", "name", "description", "regions", "global_entry", "network_links", "replication_links", "clients"});
  fields.name = reader.string(root, "", "name", {.is_required = true}).value_or("");
  fields.description = reader.string(root, "", "description", {.is_required = false}).value_or("");
  RegionReader regions_reader(builder);
  if (const json* regions = reader.array(root, "", "regions", {.is_required = true})) {
    if (regions->empty()) reader.error("regions", "no regions", "at least one region");
    for (std::size_t i = 0; i < regions->size(); ++i)
      regions_reader.check_region((*regions)[i], base::JsonReader::at("regions", i));
  }
  EntryAndLinkReader links_reader(builder);
  if (const json* entry = reader.object(root, "", "global_entry", {.is_required = false}))
    links_reader.check_global_entry(*entry, "global_entry");
  if (const json* links = reader.array(root, "", "network_links", {.is_required = false})) {
    for (std::size_t i = 0; i < links->size(); ++i)
      links_reader.check_network_link((*links)[i], base::JsonReader::at("network_links", i));
  }
  if (const json* links = reader.array(root, "", "replication_links", {.is_required = false})) {
    for (std::size_t i = 0; i < links->size(); ++i)
      links_reader.check_replication_link((*links)[i], base::JsonReader::at("replication_links", i));
  }
  if (const json* clients = reader.array(root, "", "clients", {.is_required = false}))
    links_reader.check_clients(*clients);
  builder.resolve_references();
  if (reader.error_count() == 0) builder.check_cycles();
  return fields;
}

}  // namespace

std::string LoadResult::error_report() const {
  std::string out;
  for (const base::LoadError& e : errors) out += e.to_string() + "\n";
  return out;
}

LoadResult TopologyLoader::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.errors.push_back(base::LoadError{path, "", 0, 0, "cannot open the file", "a readable topology JSON file"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_text(text.str(), path);
}

LoadResult TopologyLoader::load_text(std::string_view text, const std::string& file_name) {
  LoadResult result;
  const auto root =
      base::JsonReader::parse(text, file_name, result.errors, DuplicateKeyFinder(file_name, result.errors));
  if (!root) {
    result.errors.erase(result.errors.begin(), result.errors.end() - 1);  // keep the syntax error alone
    return result;
  }
  GraphBuilder builder(file_name, result.errors);
  const RootFields fields = check_root(*root, builder);
  if (result.errors.empty()) {
    result.topology = Topology(fields.name, fields.description, file_name, builder.take_graph());
  }
  return result;
}

}  // namespace faultline::topology
