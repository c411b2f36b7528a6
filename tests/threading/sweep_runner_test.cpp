// The sweep's child-process supervision with /bin/sh as a stand-in for `genlab train`: at most
// `jobs` children at once, exits and signals reported, a stop requested from another thread (a
// signal watcher) forwarded as SIGINT and waited for, and a program that cannot start named.

#include "core/run/sweep_runner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/util/errors.h"

namespace genlab::run {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

ChildCommand shell(const std::string& script) {
  return ChildCommand{{"/bin/sh", "-c", script}, {}, {}};
}

std::string readAll(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class SweepRunner : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("genlab-sweep-runner-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
             std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

TEST_F(SweepRunner, RunsEveryCommandAtMostJobsAtATime) {
  std::vector<ChildCommand> commands;
  for (int i = 0; i < 6; ++i)
    commands.push_back(shell("sleep 0.1; echo " + std::to_string(i) + " > " +
                             (m_dir / std::to_string(i)).string()));
  int running = 0, most = 0, ended = 0;
  ChildEvents events;
  events.started = [&](std::size_t) { most = std::max(most, ++running); };
  events.ended = [&](std::size_t, const ChildExit&) {
    --running;
    ++ended;
  };
  const auto results = runChildren(commands, 2, std::stop_token{}, events);
  EXPECT_EQ(most, 2);
  EXPECT_EQ(ended, 6);
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(results[static_cast<std::size_t>(i)].has_value());
    EXPECT_TRUE(results[static_cast<std::size_t>(i)]->succeeded());
    EXPECT_EQ(readAll(m_dir / std::to_string(i)), std::to_string(i) + "\n");
  }
}

TEST_F(SweepRunner, ReportsExitCodesSignalsEnvironmentAndLog) {
  std::vector<ChildCommand> commands{shell("exit 7"), shell("kill -9 $$"),
                                     shell("echo \"$GENLAB_SWEEP_TEST\"; echo err >&2")};
  commands[2].environment = {"GENLAB_SWEEP_TEST=hello"};
  commands[2].log = m_dir / "child.log";
  const auto results = runChildren(commands, 3, std::stop_token{});
  EXPECT_EQ(results[0]->exitCode, 7);
  EXPECT_EQ(results[1]->signal, SIGKILL);
  EXPECT_FALSE(results[1]->succeeded());
  EXPECT_TRUE(results[2]->succeeded());
  EXPECT_EQ(readAll(m_dir / "child.log"), "hello\nerr\n");
}

TEST_F(SweepRunner, AStopFromAnotherThreadReachesEveryChildAndStartsNoMore) {
  // Each child says it heard SIGINT by exiting 3 after writing a file; unheard, it would sleep
  // for 30 s.
  std::vector<ChildCommand> commands;
  for (int i = 0; i < 5; ++i) {
    const std::string mark = (m_dir / ("interrupted-" + std::to_string(i))).string();
    commands.push_back(shell("trap 'kill $!; touch " + mark + "; exit 3' INT; sleep 30 & wait"));
  }
  std::stop_source stop;
  int started = 0;
  ChildEvents events;
  events.started = [&](std::size_t) { ++started; };
  std::jthread stopper([&stop] {
    std::this_thread::sleep_for(300ms);
    stop.request_stop();
  });
  const auto begin = std::chrono::steady_clock::now();
  const auto results = runChildren(commands, 2, stop.get_token(), events);
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 10s);
  EXPECT_EQ(started, 2);
  for (std::size_t i = 0; i < 2; ++i) {
    ASSERT_TRUE(results[i].has_value());
    EXPECT_EQ(results[i]->exitCode, 3);
    EXPECT_TRUE(fs::exists(m_dir / ("interrupted-" + std::to_string(i))));
  }
  for (std::size_t i = 2; i < 5; ++i) EXPECT_FALSE(results[i].has_value());
}

TEST_F(SweepRunner, AProgramThatCannotStartIsNamedAndTheOthersStop) {
  std::vector<ChildCommand> commands{shell("trap 'kill $!; exit 3' INT; sleep 30 & wait"),
                                     ChildCommand{{(m_dir / "no-such-genlab").string()}, {}, {}}};
  try {
    runChildren(commands, 2, std::stop_token{});
    FAIL() << "no error";
  } catch (const DataError& error) {
    EXPECT_EQ(std::string(error.what()),
              (m_dir / "no-such-genlab").string() + ": cannot start (No such file or directory)");
  }
}

}  // namespace
}  // namespace genlab::run
