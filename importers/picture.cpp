// SPDX-License-Identifier: MIT
// Legacy PICTURE XML (2009 schema): reads methodDefinition first and maps block types and attributes
// by NAME (ids differ between installations), then builds one engine Process per processModel with one
// sub-process per Teilprozess (shape in importers/picture_graph.h). Structure: shared/docs/domain.md §1.4.
#include "importers/picture.h"

#include "importers/picture_attrs.h"
#include "importers/picture_graph.h"
#include "importers/xml.h"

#include <fmt/format.h>

#include <cmath>
#include <unordered_map>

namespace lotse::importers::picture {
namespace {

namespace pa = picture_attrs;
namespace pg = picture_graph;
using engine::DiagId;
using engine::SourceLocation;

/// Child element by local name (the export uses no prefix below the root, but be tolerant).
pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  }
  return {};
}

std::string text_of(const pugi::xml_node& n, std::string_view name) {
  return std::string(pa::trim(child(n, name).text().as_string()));
}

template <class F> void each(const pugi::xml_node& n, std::string_view name, F&& f) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == name) f(c);
  }
}

struct AttributeType {
  std::string name;
  std::string datatype;
  pa::Direction group = pa::Direction::none;  ///< channel direction of its attribute group
};

struct Position {
  std::string name;
  std::string org_unit;
  double payment = 0;
  SourceLocation at;
};

class Reader {
public:
  Reader(const XmlDocument& doc, engine::Diagnostics& diags)
      : doc_(doc), diags_(diags), builder_(doc.text.path(), "picture") {}

  std::optional<engine::ProcessModel> read() {
    const pugi::xml_node root = doc_.doc.document_element();
    if (local_name(root.name()) != "pictureExport") {
      diags_.add(DiagId::pic_not_export, file(), doc_.where(root), "", {root.name()});
      return std::nullopt;
    }
    const pugi::xml_node meta = child(root, "metaData");
    builder_.set_exporter("PICTURE-Prozessplattform", text_of(meta, "xmlSchemaVersion"));
    for (std::string_view key : {"client", "project", "exportedOn", "exportType"}) {
      if (auto v = text_of(meta, key); !v.empty()) builder_.add_metadata(fmt::format("picture.{}", key), v);
    }
    read_method(child(root, "methodDefinition"));
    read_organisation(child(root, "organisationUnits"));

    bool any = false;
    each(child(root, "processes"), "process", [&](const pugi::xml_node& process) {
      each(child(process, "processModels"), "processModel", [&](const pugi::xml_node& model) {
        read_process_model(process, model);
        any = true;
      });
    });
    if (!any) {
      diags_.add(DiagId::pic_no_process_model, file(), doc_.where(root), "");
      return std::nullopt;
    }
    return std::move(builder_).finish(diags_);
  }

private:
  const std::string& file() const { return doc_.text.path(); }
  pa::Site site(const pugi::xml_node& n, std::string element_id) const {
    return pa::Site{file(), doc_.where(n), std::move(element_id), &diags_};
  }

  void read_method(const pugi::xml_node& method) {
    each(child(method, "buildingBlockTypes"), "buildingBlockType", [&](const pugi::xml_node& t) {
      block_types_[t.attribute("id").as_string()] = text_of(t, "name");
    });
    // Channel direction per attribute group, from the group's "Eingangskanal/Ausgangskanal" subheader.
    std::unordered_map<std::string, pa::Direction> group_dir;
    const pugi::xml_node types = child(method, "attributeTypes");
    each(types, "attributeType", [&](const pugi::xml_node& t) {
      const std::string key = pa::fold(text_of(t, "name"));
      const std::string group = t.attribute("attributeGroupId").as_string();
      if (key.rfind("eingangskanal", 0) == 0) group_dir[group] = pa::Direction::inbound;
      if (key.rfind("ausgangskanal", 0) == 0) group_dir[group] = pa::Direction::outbound;
    });
    each(types, "attributeType", [&](const pugi::xml_node& t) {
      AttributeType a{text_of(t, "name"), text_of(t, "datatype"), pa::Direction::none};
      if (auto it = group_dir.find(t.attribute("attributeGroupId").as_string()); it != group_dir.end()) a.group = it->second;
      attribute_types_[t.attribute("id").as_string()] = std::move(a);
    });
  }

  void read_organisation(const pugi::xml_node& units) {
    each(units, "organisationUnit", [&](const pugi::xml_node& u) {
      const std::string unit_name = text_of(u, "name");
      org_units_[u.attribute("id").as_string()] = unit_name;
      each(child(u, "positions"), "position", [&](const pugi::xml_node& p) {
        Position pos{text_of(p, "name"), unit_name, 0.0, doc_.where(p)};
        if (auto pay = pa::parse_number(text_of(p, "payment"))) pos.payment = *pay;
        positions_.emplace(pos.name, pos);
      });
    });
  }

  /// Applies a standard/resource/process attribute by its method-definition name (PIC-005 for an unknown id).
  void apply_attribute(const pugi::xml_node& attr, engine::Node& node, bool process_level, engine::FactSheet* facts) {
    const std::string id = attr.attribute("attributeId").as_string();
    const std::string value = text_of(attr, "value");
    auto it = attribute_types_.find(id);
    if (it == attribute_types_.end()) {
      if (!pa::is_blank_value(value)) {
        diags_.add(DiagId::pic_undefined_attribute_id, file(), doc_.where(attr), node.id, {id, value});
      }
      return;
    }
    const AttributeType& type = it->second;
    if (type.datatype == "HEADER" || type.datatype == "SUBHEADER" || pa::is_blank_value(value)) return;
    const pa::Site s = site(child(attr, "value") ? child(attr, "value") : attr, node.id);
    const std::string unit = text_of(attr, "timeUnit");
    auto& a = node.attrs;
    if (process_level && facts != nullptr && pa::apply_process_attribute(type.name, value, unit, s, *facts)) return;
    if (type.datatype == "SOFTWARE") {
      pa::add_unique(a.it_systems, value);
    } else if (type.datatype == "DOCUMENT") {
      pa::add_unique(a.documents, value);
    } else if (!pa::apply_block_attribute(type.name, value, unit, type.group, s, node)) {
      if (process_level && facts != nullptr) facts->other.emplace_back(type.name, value);
      else a.properties.emplace_back(type.name, value);
    }
  }

  void read_process_model(const pugi::xml_node& process, const pugi::xml_node& model) {
    engine::Process p;
    p.id = fmt::format("process-{}", process.attribute("id").as_string());
    p.name = text_of(model, "name").empty() ? text_of(process, "name") : text_of(model, "name");
    p.origin = doc_.where(model);
    engine::FactSheet& f = p.facts;
    if (const auto cases = child(model, "numberOfCases")) {
      if (auto n = pa::parse_number(cases.text().as_string())) {
        f.cases_per_year = engine::Located<engine::CasesPerYear>{{*n}, doc_.where(cases)};
      } else if (!pa::is_blank_value(cases.text().as_string())) {
        diags_.add(DiagId::pic_bad_number, file(), doc_.where(cases), p.id, {"numberOfCases", cases.text().as_string()});
      }
    }
    if (auto it = org_units_.find(text_of(model, "organisationUnitID")); it != org_units_.end()) f.org_unit = it->second;
    f.status = text_of(model, "editingStatus");
    f.classification = text_of(child(model, "resultingProduct"), "name");
    engine::Node holder;  // collects process attributes that are not fact-sheet fields
    holder.id = p.id;
    each(child(model, "processAttributes"), "processAttribute",
         [&](const pugi::xml_node& a) { apply_attribute(a, holder, true, &f); });
    for (const auto& d : holder.attrs.documents) f.other.emplace_back("Dokument", d);
    for (const auto& s : holder.attrs.it_systems) f.other.emplace_back("IT-Verfahren", s);
    for (const auto& l : holder.attrs.legal_basis) pa::add_unique(f.legal_basis, l);

    if (!named_) {
      named_ = true;
      builder_.set_name(p.name);
      builder_.facts() = f;
    }
    const std::string prefix = p.id;
    const engine::ProcessIndex pi = builder_.add_process(std::move(p));

    std::unordered_map<std::string, pugi::xml_node> repository;
    each(child(model, "buildingBlockRepository"), "buildingBlock",
         [&](const pugi::xml_node& b) { repository.emplace(b.attribute("id").as_string(), b); });

    std::vector<pg::TeilprozessSpec> tps;
    each(child(model, "processFlow"), "subprocess",
         [&](const pugi::xml_node& sp) { tps.push_back(read_teilprozess(sp, repository)); });
    pg::build(builder_, pi, prefix, std::move(tps), pg::DiagKinds{DiagId::pic_variant_sum}, diags_);
  }

  pg::TeilprozessSpec read_teilprozess(const pugi::xml_node& sp,
                                       const std::unordered_map<std::string, pugi::xml_node>& repository) {
    pg::TeilprozessSpec tp;
    tp.id = fmt::format("subprocess-{}", sp.attribute("id").as_string());
    tp.name = text_of(sp, "name");
    tp.at = doc_.where(sp);
    if (const auto cases = child(sp, "numberOfCases")) {
      if (auto n = pa::parse_number(cases.text().as_string())) {
        tp.cases = engine::Located<engine::CasesPerYear>{{*n}, doc_.where(cases)};
      } else if (!pa::is_blank_value(cases.text().as_string())) {
        diags_.add(DiagId::pic_bad_number, file(), doc_.where(cases), tp.id, {"numberOfCases", cases.text().as_string()});
      }
    }
    engine::Node holder;
    holder.id = tp.id;
    if (auto it = org_units_.find(text_of(sp, "executingOrganisationUnit")); it != org_units_.end()) {
      holder.attrs.org_unit = it->second;
    }
    each(child(sp, "subProcessAttributes"), "subProcessAttribute",
         [&](const pugi::xml_node& a) { apply_attribute(a, holder, false, nullptr); });
    tp.attrs = std::move(holder.attrs);

    std::unordered_map<std::string, std::size_t> index;  // block id -> tp.blocks index
    each(child(sp, "variants"), "variant", [&](const pugi::xml_node& v) {
      pg::VariantSpec var;
      var.name = text_of(v, "name");
      var.at = doc_.where(v);
      const std::string prob = v.attribute("probability").as_string();
      if (auto n = pa::parse_number(prob); n && *n >= 0 && *n <= 100) {
        var.probability = *n / 100.0;
      } else {
        diags_.add(DiagId::pic_bad_number, file(), var.at, tp.id, {"variant/@probability", prob});
      }
      each(child(v, "buildingBlockSequence"), "buildingBlockOccurrence", [&](const pugi::xml_node& occ) {
        const std::string ref = occ.attribute("buildingBlock").as_string();
        if (auto it = index.find(ref); it != index.end()) {
          var.blocks.push_back(it->second);
          return;
        }
        auto found = repository.find(ref);
        if (found == repository.end()) {
          diags_.add(DiagId::pic_unknown_block_ref, file(), doc_.where(occ), tp.id, {var.name, ref});
          return;
        }
        index.emplace(ref, tp.blocks.size());
        var.blocks.push_back(tp.blocks.size());
        tp.blocks.push_back(pg::BlockSpec{read_block(found->second)});
      });
      tp.variants.push_back(std::move(var));
    });
    return tp;
  }

  engine::Node read_block(const pugi::xml_node& b) {
    engine::Node n;
    n.id = fmt::format("block-{}", b.attribute("id").as_string());
    n.name = text_of(b, "name");
    n.kind = engine::NodeKind::task;
    n.origin = doc_.where(b);
    auto& a = n.attrs;
    const std::string type_id = b.attribute("type").as_string();
    if (auto it = block_types_.find(type_id); it == block_types_.end()) {
      diags_.add(DiagId::pic_undefined_type_id, file(), n.origin, n.id, {type_id, n.name});
    } else if (auto t = engine::find_block_type(it->second)) {
      a.block = *t;
      a.block_at = n.origin;
    } else {
      diags_.add(DiagId::pic_unknown_block_type, file(), n.origin, n.id, {it->second, n.name});
      a.properties.emplace_back("PICTURE-Bausteintyp", it->second);
    }
    if (auto d = text_of(b, "description"); !d.empty()) a.properties.emplace_back("Beschreibung", d);
    if (const auto prob = child(b, "propability")) {
      (void)pa::apply_block_attribute("Wahrscheinlichkeit", prob.text().as_string(), "", pa::Direction::none,
                                      site(prob, n.id), n);
    }
    if (const auto time = child(b, "processingTime")) {
      (void)pa::apply_block_attribute("Bearbeitungszeit", time.text().as_string(), "Minute(n)", pa::Direction::none,
                                      site(time, n.id), n);
    }
    if (const auto pos = child(b, "positionType"); pos && !pa::is_blank_value(pos.text().as_string())) {
      a.stelle = std::string(pa::trim(pos.text().as_string()));
      if (auto it = positions_.find(a.stelle); it != positions_.end()) {
        a.org_unit = it->second.org_unit;
        if (it->second.payment > 0) {  // 0.0 = not maintained in the installation
          a.cost_rate = engine::Located<engine::HourlyRate>{engine::HourlyRate::from_euros(it->second.payment), it->second.at};
        }
      } else if (reported_stellen_.emplace(a.stelle, true).second) {
        diags_.add(DiagId::pic_unknown_stelle, file(), doc_.where(pos), n.id, {a.stelle});
      }
    }
    const pugi::xml_node attrs = child(b, "buildingBlockAttributes");
    each(child(attrs, "standardAttributes"), "standardAttribute",
         [&](const pugi::xml_node& x) { apply_attribute(x, n, false, nullptr); });
    each(child(attrs, "resourceAttributes"), "resourceAttribute",
         [&](const pugi::xml_node& x) { apply_attribute(x, n, false, nullptr); });
    check_channels(n, a.inbound, "Eingangskanal in %");
    check_channels(n, a.outbound, "Ausgangskanal in %");
    return n;
  }

  void check_channels(const engine::Node& n, const engine::ChannelMix& mix, const char* what) {
    if (!mix.present) return;
    const double sum = pa::channel_sum_percent(mix);
    if (std::abs(sum - 100.0) > 0.01) {
      diags_.add(DiagId::pic_channel_sum, file(), mix.at, n.id, {n.name, what, engine::number_arg_g(std::round(sum * 100) / 100)});
    }
  }

  const XmlDocument& doc_;
  engine::Diagnostics& diags_;
  engine::ModelBuilder builder_;
  std::unordered_map<std::string, std::string> block_types_;
  std::unordered_map<std::string, AttributeType> attribute_types_;
  std::unordered_map<std::string, std::string> org_units_;
  std::unordered_map<std::string, Position> positions_;
  std::unordered_map<std::string, bool> reported_stellen_;
  bool named_ = false;
};

} // namespace

bool sniff(std::string_view head, std::string_view) {
  return contains(head, "pictureExport") &&
         contains(head, "picture-gmbh.de/prozessplattform");
}

ImportResult read(const engine::SourceFile& source) {
  ImportResult r;
  auto doc = parse_xml(source, r.diagnostics);
  if (!doc) return r;
  Reader reader(*doc, r.diagnostics);
  r.model = reader.read();
  return r;
}

} // namespace lotse::importers::picture
