// JSON-stat 2.0 and Kolada API v2 answers into records. Both are documents, not tables:
// JSON-stat is a cube (dimensions × categories, the values in one flat array, last
// dimension fastest) and Kolada a list of observations (KPI, municipality, period, a value
// per gender). Turning them into the records a CSV export would have — one per region and
// year, one column per measure — lets the canonical loader and the mapping files read them
// with every rule they already have (missing values, scale, aggregate rows, recodes).
//
// JSON-stat (json-stat.org/format): "id" and "size" give the dimensions in order;
// dimension[id].category.index is a list of category ids or an object id → position (absent
// for a single category, which label then names); "value" is an array or an object
// "position" → value; null is missing; "role" names the time, geo and metric dimensions.
// Kolada (github.com/Hypergene/kolada): {"values": [{"kpi", "municipality" (or "ou"),
// "period", "values": [{"gender": "T"|"K"|"M", "value": number or null, …}]}], "next_page"}.

#include "load/json_records.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "load/json_cells.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxCells = 50'000'000;

// ---- JSON-stat ----------------------------------------------------------------------

struct Dimension {
  std::string id;
  std::string label;
  std::vector<std::string> codes;   // in index order
  std::vector<std::string> labels;  // same order
  std::size_t size = 0;
  std::size_t stride = 0;
  std::vector<std::size_t> kept;    // positions kept (all, or the selected one)
};

class JsonStatReader {
 public:
  JsonStatReader(const std::string& path, const json& doc, const JsonOptions& o) : path_(path), doc_(doc), o_(o) {}

  std::unique_ptr<RecordTable> read() {
    read_dimensions();
    choose_roles();
    apply_select();
    return build();
  }

 private:
  [[noreturn]] void fail(const std::string& what, std::optional<std::string> found = std::nullopt) const {
    if (found) throw DataError(Location{path_}, what, *found);
    throw DataError(Location{path_}, what);
  }

  void read_dimensions() {
    const json* ids = doc_.contains("id") ? &doc_["id"] : nullptr;
    const json* sizes = doc_.contains("size") ? &doc_["size"] : nullptr;
    const json* dims = doc_.contains("dimension") ? &doc_["dimension"] : nullptr;
    if (!ids || !ids->is_array() || !sizes || !sizes->is_array() || !dims || !dims->is_object() || ids->size() != sizes->size())
      fail("a JSON-stat dataset needs \"id\", \"size\" (lists of the same length) and \"dimension\"");
    for (std::size_t i = 0; i < ids->size(); ++i) {
      const json& id = (*ids)[i];
      const json& size = (*sizes)[i];
      if (!id.is_string() || !size.is_number_unsigned()) fail(fmt::format("JSON-stat \"id\" and \"size\" entry {} is not a name and a count", i + 1));
      Dimension d;
      d.id = id.get<std::string>();
      d.size = size.get<std::size_t>();
      if (!dims->contains(d.id) || !(*dims)[d.id].is_object()) fail(fmt::format("JSON-stat dimension '{}' is in \"id\" but not in \"dimension\"", d.id));
      const json& dim = (*dims)[d.id];
      if (dim.contains("label") && dim["label"].is_string()) d.label = dim["label"].get<std::string>();
      read_categories(dim, d);
      dims_.push_back(std::move(d));
    }
    std::size_t stride = 1;
    for (std::size_t i = dims_.size(); i-- > 0;) {
      dims_[i].stride = stride;
      if (dims_[i].size != 0 && stride > kMaxCells / dims_[i].size) fail(fmt::format("the JSON-stat dataset has more than {} cells", kMaxCells));
      stride *= dims_[i].size;
    }
    cells_ = stride;
  }

  void read_categories(const json& dim, Dimension& d) const {
    if (!dim.contains("category") || !dim["category"].is_object()) fail(fmt::format("JSON-stat dimension '{}' has no \"category\"", d.id));
    const json& cat = dim["category"];
    const json* labels = cat.contains("label") && cat["label"].is_object() ? &cat["label"] : nullptr;
    d.codes.assign(d.size, std::string());
    if (cat.contains("index")) {
      const json& index = cat["index"];
      if (index.is_array()) {
        if (index.size() != d.size) fail(fmt::format("JSON-stat dimension '{}' has {} categories in \"index\" but size {}", d.id, index.size(), d.size));
        for (std::size_t k = 0; k < index.size(); ++k) d.codes[k] = detail::key_text(index[k]);
      } else if (index.is_object()) {
        for (const auto& [code, pos] : index.items()) {
          if (!pos.is_number_unsigned() || pos.get<std::size_t>() >= d.size)
            fail(fmt::format("JSON-stat dimension '{}': category '{}' has a position outside 0…{}", d.id, code, d.size == 0 ? 0 : d.size - 1));
          d.codes[pos.get<std::size_t>()] = code;
        }
      } else {
        fail(fmt::format("JSON-stat dimension '{}': \"index\" must be a list or an object", d.id));
      }
    } else if (labels && labels->size() == 1 && d.size == 1) {
      d.codes[0] = labels->begin().key();
    } else {
      fail(fmt::format("JSON-stat dimension '{}' has no category \"index\"", d.id));
    }
    for (const std::string& c : d.codes) {
      std::string l = c;
      if (labels && labels->contains(c) && (*labels)[c].is_string()) l = (*labels)[c].get<std::string>();
      d.labels.push_back(std::move(l));
    }
  }

  std::optional<std::size_t> find_dimension(std::string_view id) const {
    for (std::size_t i = 0; i < dims_.size(); ++i) {
      if (dims_[i].id == id) return i;
    }
    for (std::size_t i = 0; i < dims_.size(); ++i) {
      if (fold_case(dims_[i].id) == fold_case(id)) return i;
    }
    return std::nullopt;
  }

  std::vector<std::string> dimension_ids() const {
    std::vector<std::string> ids;
    for (const Dimension& d : dims_) ids.push_back(d.id);
    return ids;
  }

  std::optional<std::size_t> role(const char* name) const {
    if (!doc_.contains("role") || !doc_["role"].is_object()) return std::nullopt;
    const json& r = doc_["role"];
    if (!r.contains(name) || !r[name].is_array() || r[name].empty() || !r[name][0].is_string()) return std::nullopt;
    return find_dimension(r[name][0].get<std::string>());
  }

  void choose_roles() {
    if (!o_.contents.empty()) {
      contents_ = find_dimension(o_.contents);
      if (!contents_)
        fail(fmt::format("the mapping's [json] contents names the dimension '{}', which the dataset does not have{} (dimensions: {})", o_.contents,
                         did_you_mean(o_.contents, dimension_ids()), fmt::join(dimension_ids(), ", ")));
    } else {
      contents_ = role("metric");
      if (!contents_) contents_ = find_dimension("ContentsCode");
    }
    geo_ = role("geo");
    time_ = role("time");
    if (o_.canonical_names && (!geo_ || !time_))
      fail(fmt::format("the dataset does not say which dimension is the region and which the year (role geo and time): read it with a "
                       "mapping file, --map (dimensions: {})",
                       fmt::join(dimension_ids(), ", ")));
  }

  void apply_select() {
    for (Dimension& d : dims_) {
      d.kept.clear();
      for (std::size_t k = 0; k < d.size; ++k) d.kept.push_back(k);
    }
    for (const auto& [dim, category] : o_.select) {
      std::optional<std::size_t> i = find_dimension(dim);
      if (!i)
        fail(fmt::format("the mapping's [json] select names the dimension '{}', which the dataset does not have{} (dimensions: {})", dim,
                         did_you_mean(dim, dimension_ids()), fmt::join(dimension_ids(), ", ")));
      Dimension& d = dims_[*i];
      std::size_t pos = static_cast<std::size_t>(std::find(d.codes.begin(), d.codes.end(), category) - d.codes.begin());
      if (pos == d.codes.size()) pos = static_cast<std::size_t>(std::find(d.labels.begin(), d.labels.end(), category) - d.labels.begin());
      if (pos == d.codes.size()) fail(fmt::format("JSON-stat dimension '{}' has no category '{}'{}", d.id, category, did_you_mean(category, d.codes)));
      d.kept = {pos};
    }
    // A dimension that is neither region, year nor contents multiplies the observations of a
    // unit and year: one of its categories must be chosen.
    if (geo_ && time_) {
      for (std::size_t i = 0; i < dims_.size(); ++i) {
        const Dimension& d = dims_[i];
        if (i == *geo_ || i == *time_ || (contents_ && i == *contents_) || d.kept.size() <= 1) continue;
        std::vector<std::string> some(d.codes.begin(), d.codes.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(d.codes.size(), 5)));
        fail(fmt::format("JSON-stat dimension '{}'{} has {} categories ({}{}): keep one with [json] select = {{ {} = \"{}\" }} in the mapping",
                         d.id, d.label.empty() ? "" : fmt::format(" ({})", d.label), d.size, fmt::join(some, ", "), d.size > 5 ? ", …" : "",
                         d.id, d.codes.empty() ? "" : d.codes.front()));
      }
    }
  }

  // The value at a flat position: from the array, or from the object of positions.
  const json* value_at(std::size_t pos) const {
    const json& v = doc_["value"];
    if (v.is_array()) return pos < v.size() ? &v[pos] : nullptr;
    auto it = v.find(std::to_string(pos));
    return it == v.end() ? nullptr : &*it;
  }

  std::unique_ptr<RecordTable> build() {
    if (!doc_.contains("value") || !(doc_["value"].is_array() || doc_["value"].is_object())) fail("the JSON-stat dataset has no \"value\" list");
    if (doc_["value"].is_array() && doc_["value"].size() != cells_)
      fail(fmt::format("the JSON-stat \"value\" list has {} entries, but the sizes of the dimensions multiply to {}", doc_["value"].size(), cells_));

    auto table = std::make_unique<RecordTable>(path_, '.');
    std::vector<std::size_t> keys;  // the dimensions that become key columns, in order
    for (std::size_t i = 0; i < dims_.size(); ++i) {
      if (contents_ && i == *contents_) continue;
      if (o_.canonical_names && i != *geo_ && i != *time_) continue;
      keys.push_back(i);
    }
    if (o_.canonical_names) std::stable_sort(keys.begin(), keys.end(), [&](std::size_t a, std::size_t b) { return (a == *time_) < (b == *time_); });
    std::vector<std::string> header;
    for (std::size_t i : keys) {
      if (o_.canonical_names) {
        if (i == *geo_) {
          header.push_back("code");
          header.push_back("name");
        } else {
          header.push_back("year");
        }
      } else {
        header.push_back(dims_[i].id);
        header.push_back(dims_[i].id + " label");
      }
    }
    std::vector<std::size_t> measures = contents_ ? dims_[*contents_].kept : std::vector<std::size_t>{0};
    for (std::size_t k : measures) header.push_back(contents_ ? dims_[*contents_].codes[k] : std::string("value"));
    table->add(1, header);

    // Every combination of the kept categories of the non-contents dimensions, in the
    // dataset's order (last dimension fastest).
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < dims_.size(); ++i) {
      if (!contents_ || i != *contents_) others.push_back(i);
    }
    std::vector<std::size_t> at(others.size(), 0);
    bool empty = std::any_of(others.begin(), others.end(), [&](std::size_t i) { return dims_[i].kept.empty(); }) || measures.empty();
    std::size_t record = 1;
    while (!empty) {
      std::size_t base = 0;
      std::vector<std::string> place;
      for (std::size_t j = 0; j < others.size(); ++j) {
        const Dimension& d = dims_[others[j]];
        std::size_t k = d.kept[at[j]];
        base += k * d.stride;
        if (d.size > 1) place.push_back(fmt::format("{} {}", d.id, d.codes[k]));
      }
      std::vector<std::string> fields;
      for (std::size_t i : keys) {
        std::size_t j = static_cast<std::size_t>(std::find(others.begin(), others.end(), i) - others.begin());
        const Dimension& d = dims_[i];
        std::size_t k = d.kept[at[j]];
        fields.push_back(d.codes[k]);
        if (!o_.canonical_names || i == *geo_) fields.push_back(d.labels[k]);
      }
      std::string where = fmt::format("{}", fmt::join(place, ", "));
      for (std::size_t k : measures) {
        std::size_t pos = base + (contents_ ? k * dims_[*contents_].stride : 0);
        const json* v = value_at(pos);
        std::optional<std::string> text = v ? detail::cell_text(*v) : std::string();
        if (!text)
          throw DataError(Location{fmt::format("{}[{}]", path_, where)}, "a JSON-stat value must be a number, a text or null", v->dump());
        fields.push_back(std::move(*text));
      }
      table->add(++record, fields, where.empty() ? std::string("the only observation") : where);
      // Next combination.
      std::size_t j = others.size();
      while (j > 0) {
        --j;
        if (++at[j] < dims_[others[j]].kept.size()) break;
        at[j] = 0;
        if (j == 0) empty = true;
      }
      if (others.empty()) empty = true;
    }
    return table;
  }

  const std::string& path_;
  const json& doc_;
  const JsonOptions& o_;
  std::vector<Dimension> dims_;
  std::size_t cells_ = 0;
  std::optional<std::size_t> contents_, geo_, time_;
};

}  // namespace

std::unique_ptr<RecordTable> read_json_records(const std::string& path, std::string_view text, const JsonOptions& options) {
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // nlohmann's byte position is the exact place; its message after "column N: " the reason.
    std::size_t at = std::min(e.byte == 0 ? 0 : e.byte - 1, text.size());
    std::string_view before = text.substr(0, at);
    std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n');
    std::size_t column = 1 + utf8_length(before.substr(line_start == std::string_view::npos ? 0 : line_start + 1));
    std::string reason = e.what();
    std::size_t colon = reason.find(": ");
    if (colon != std::string::npos) reason.erase(0, colon + 2);
    throw DataError(Location{path, line, column}, fmt::format("the file is not valid JSON: {}", reason));
  }
  if (!doc.is_object()) throw DataError(Location{path}, "a JSON input must be an object: a JSON-stat 2.0 dataset or a Kolada answer");
  if (doc.contains("values") && doc["values"].is_array()) return detail::read_kolada(path, doc, options);
  std::string cls = doc.contains("class") && doc["class"].is_string() ? doc["class"].get<std::string>() : std::string();
  if (cls == "dataset" || (doc.contains("dimension") && doc.contains("id"))) return JsonStatReader(path, doc, options).read();
  if (cls == "collection") throw DataError(Location{path}, "a JSON-stat collection: download the dataset itself (class \"dataset\")");
  if (!doc.empty() && doc.begin()->is_object() && doc.begin()->contains("dimension"))
    throw DataError(Location{path}, "a JSON-stat 1.x bundle: download JSON-stat 2.0 (PxWeb: format json-stat2)");
  throw DataError(Location{path}, "JSON that is neither a JSON-stat 2.0 dataset nor a Kolada answer (\"values\")");
}

}  // namespace nytta
