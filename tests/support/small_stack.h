// SPDX-License-Identifier: MIT
// Running a piece of a test on a thread with a small stack, to show that work does not recurse per
// level of an input (issue #16: deep models on a 1 MB stack).
#pragma once

#include <pthread.h>

#include <cstddef>
#include <functional>

namespace lotse::test {

/// Runs `f` on a thread with a `bytes` stack; false when the thread could not be started.
inline bool run_with_stack(std::size_t bytes, const std::function<void()>& f) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  pthread_attr_setstacksize(&attr, bytes);
  pthread_t thread;
  auto call = [](void* p) -> void* {
    (*static_cast<const std::function<void()>*>(p))();
    return nullptr;
  };
  const bool started = pthread_create(&thread, &attr, call, const_cast<std::function<void()>*>(&f)) == 0;
  pthread_attr_destroy(&attr);
  if (started) pthread_join(thread, nullptr);
  return started;
}

} // namespace lotse::test
