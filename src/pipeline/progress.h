// Progress on a terminal: a status line on standard error, redrawn twice a second, with documents
// and events per second and, when every input's size is known, percent done and time left from
// the bytes read so far. Time left assumes the rest of the input codes as fast as what was read.
#ifndef DRAGOMAN_PIPELINE_PROGRESS_H_
#define DRAGOMAN_PIPELINE_PROGRESS_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace dragoman::pipeline {

struct ProgressSnapshot {
  uint64_t documents = 0;    // written in this run
  uint64_t events = 0;       // written in this run
  uint64_t bytes_read = 0;   // input bytes read from disk
  uint64_t bytes_total = 0;  // input size; 0 when unknown
};

// The status line for `snapshot` after `seconds` of coding.
std::string FormatProgress(const ProgressSnapshot& snapshot, double seconds);

// Draws FormatProgress() on standard error from its own thread until Stop() or destruction,
// which erase the line. Constructed only when standard error is a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(std::function<ProgressSnapshot()> snapshot);
  ~ProgressLine();
  void Stop();

 private:
  void Loop();

  std::function<ProgressSnapshot()> snapshot_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace dragoman::pipeline

#endif  // DRAGOMAN_PIPELINE_PROGRESS_H_
