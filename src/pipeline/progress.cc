// The terminal progress line: see progress.h.
#include "pipeline/progress.h"

#include <cstdio>

namespace dragoman::pipeline {

std::string FormatProgress(const ProgressSnapshot& s, double seconds) {
  char buf[256];
  double t = seconds > 0 ? seconds : 1e-9;
  int n = std::snprintf(buf, sizeof buf, "dragoman: %llu docs (%.0f/s), %llu events (%.0f/s)",
                        static_cast<unsigned long long>(s.documents), s.documents / t,
                        static_cast<unsigned long long>(s.events), s.events / t);
  std::string line(buf, n > 0 ? static_cast<size_t>(n) : 0);
  if (s.bytes_total > 0) {
    double fraction = static_cast<double>(s.bytes_read) / static_cast<double>(s.bytes_total);
    if (fraction > 1) fraction = 1;
    std::snprintf(buf, sizeof buf, ", %.1f%%", 100 * fraction);
    line += buf;
    if (fraction > 0.001 && seconds > 1) {
      long left = static_cast<long>(seconds * (1 - fraction) / fraction + 0.5);
      std::snprintf(buf, sizeof buf, ", %ld:%02ld:%02ld left", left / 3600, left / 60 % 60, left % 60);
      line += buf;
    }
  }
  return line;
}

ProgressLine::ProgressLine(std::function<ProgressSnapshot()> snapshot)
    : snapshot_(std::move(snapshot)), start_(std::chrono::steady_clock::now()) {
  thread_ = std::thread([this] { Loop(); });
}

ProgressLine::~ProgressLine() { Stop(); }

void ProgressLine::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_) return;
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
}

void ProgressLine::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop_; })) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string line = FormatProgress(snapshot_(), seconds);
    std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    std::fflush(stderr);
  }
}

}  // namespace dragoman::pipeline
