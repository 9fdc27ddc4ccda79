#pragma once
// The shortest edit script between two sequences of ids: Myers' O(ND) difference algorithm in linear space
// (the "middle snake" bisection), bounded by a step budget so that no input can make it quadratic.
//
// When a sub-problem would take more steps than the budget has left, it is aligned instead on the ids that
// occur exactly once on each side (patience diff: the longest run of such anchors in the same order), the
// stretches between anchors are diffed again, and whatever still has no anchor is reported as one deletion
// and one insertion. The result is then still a correct edit script, only not always the shortest. Very
// long sub-problems (over 65,536 ids) are cut at such anchors first, before Myers' algorithm is tried.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace textx {

enum class EditKind : std::uint8_t { kEqual, kDelete, kInsert };

// A run of one kind of edit, as index ranges [a_begin, a_end) of the first sequence and [b_begin, b_end) of
// the second: kEqual runs have equal lengths, kDelete runs an empty b range, kInsert runs an empty a range.
struct EditRun {
  EditKind kind = EditKind::kEqual;
  std::uint32_t a_begin = 0;
  std::uint32_t a_end = 0;
  std::uint32_t b_begin = 0;
  std::uint32_t b_end = 0;
};

// Steps (diagonals visited and ids compared) that Myers' algorithm may spend, shared by every diff that
// draws on it. Once it is spent, sub-problems fall back to the anchored alignment described above.
class DiffBudget {
 public:
  explicit DiffBudget(std::uint64_t steps) : remaining_(steps) {}
  std::uint64_t remaining() const { return remaining_; }
  // Takes `steps`; false (taking what is left) when there are not that many.
  bool spend(std::uint64_t steps) {
    if (steps > remaining_) {
      remaining_ = 0;
      return false;
    }
    remaining_ -= steps;
    return true;
  }
  // Whether some diff fell back to the anchored alignment.
  bool fell_back() const { return fell_back_; }
  void note_fallback() { fell_back_ = true; }

 private:
  std::uint64_t remaining_;
  bool fell_back_ = false;
};

// The edit script turning `a` into `b`: runs in order, covering both sequences, no two adjacent runs of the
// same kind, and in each stretch between equal runs the deletion before the insertion. Empty when both
// sequences are empty. Precondition: sizes < 2^31.
std::vector<EditRun> diff_sequences(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                                    DiffBudget& budget);

}  // namespace textx
