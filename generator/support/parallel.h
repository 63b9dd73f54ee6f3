// Runs independent jobs on a few threads. Results must not depend on which thread ran a job
// or when: callers give each job its own output slot and combine the slots in job order.
#pragma once

#include <cstddef>
#include <functional>

namespace quorum {

// Threads to use when the user did not say: one per core (1 when the count is unknown).
unsigned default_jobs();

// Calls `job(i)` once for every i in [0, count), on up to `threads` threads (the caller's
// thread is one of them). Jobs are handed out in order, so the first ones start first.
// If jobs throw, every job still runs and the exception of the lowest-numbered failing job
// is rethrown: the same one whatever the scheduling.
void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job);

}  // namespace quorum
