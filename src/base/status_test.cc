#include "dragoman/status.h"

#include <gtest/gtest.h>

namespace dragoman {

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::Corruption("a.txt:3: bad code");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "corrupt input: a.txt:3: bad code");
  Result<int> r = 5;
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), 5);
  Result<int> e = Status::NotFound("x");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kNotFound);
}

}  // namespace dragoman
