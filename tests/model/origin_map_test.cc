#include "model/origin_map.h"

#include <catch2/catch.hpp>

namespace plancheck::model {

TEST_CASE("OriginMap maps through copied, replaced and dropped pieces", "[model][origin]") {
  // source: "ab" + " " (dropped) + ":" (-> 3 bytes) + "cd"
  OriginMap map;
  map.Append(2, 2, true);
  map.Append(0, 1, false);
  map.Append(3, 1, false);
  map.Append(2, 2, true);
  CHECK(map.normalized_size() == 7);
  CHECK(map.source_size() == 6);
  CHECK(map.ToSource(0) == 0);
  CHECK(map.ToSource(1) == 1);
  CHECK(map.ToSource(2) == 3);  // the replaced ':'
  CHECK(map.ToSource(4) == 3);  // inside the replacement
  CHECK(map.ToSource(5) == 4);  // 'c'
  CHECK(map.ToSource(7) == 6);
  CHECK(map.ToNormalized(3) == 2);
  CHECK(map.ToNormalized(4) == 5);
  CHECK(map.ToNormalized(2) == 2);  // the dropped space maps to where it would be
}

TEST_CASE("OriginMap identity", "[model][origin]") {
  const OriginMap map = OriginMap::Identity(10);
  for (std::size_t i = 0; i <= 10; ++i) {
    CHECK(map.ToSource(i) == i);
    CHECK(map.ToNormalized(i) == i);
  }
}

}  // namespace plancheck::model
