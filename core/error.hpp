#pragma once
// Errors as values: every failure that reaches a reader carries a stable code and a plain sentence,
// and nothing is thrown across the wasm boundary.
#include <string>
#include <utility>
#include <variant>

namespace textx {

struct Error {
  std::string code;     // stable id, e.g. "query.empty"; tests and callers match on it
  std::string message;  // one sentence a reader can act on

  // "[code] message": the form printed by the CLI and shown by the page.
  std::string to_string() const { return "[" + code + "] " + message; }
};

// Either a value or an Error.
template <class T>
class Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  // By value, not T&&: `for (auto& x : f().value().items)` then extends the temporary's life instead of
  // leaving a dangling reference.
  T value() && { return std::get<0>(std::move(state_)); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace textx
