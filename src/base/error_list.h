// ErrorList and Result<T>: how user mistakes travel (errors are values, never thrown).
//
// An Error reads like a compiler error: `file:line:col: error: message`. Loaders append
// to an ErrorList and keep going so that one run shows every problem in a file.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/diagnostic.h"

namespace plancheck {

struct Error {
  std::string file;   // may be empty (e.g. a command-line mistake)
  Position position;  // line 0 when the error concerns the whole file
  std::string message;
};

// "file:line:col: error: message", omitting the parts that are absent.
std::string FormatError(const Error& error);

class ErrorList {
 public:
  void Add(std::string file, Position position, std::string message) {
    errors_.push_back({std::move(file), position, std::move(message)});
  }
  void Add(Error error) { errors_.push_back(std::move(error)); }
  void Append(const ErrorList& other) {
    errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
  }
  bool empty() const { return errors_.empty(); }
  std::size_t size() const { return errors_.size(); }
  const std::vector<Error>& errors() const { return errors_; }
  // All errors, one FormatError line each, newline-terminated.
  std::string ToString() const;

 private:
  std::vector<Error> errors_;
};

// Either a value or one Error. (std::expected is C++23; we build C++20.)
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const {
    assert(ok());
    return std::get<0>(state_);
  }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

}  // namespace plancheck
