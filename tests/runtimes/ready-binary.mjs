// Preloaded (NODE_OPTIONS=--import) into the fixture test files when another Node runs them: calls ready()
// with DSE_DETERMINISTIC ('true' or 'false') before any test file does, so that their own ready() (which
// returns the first call's promise) runs every fixture on the binary asked for, and fails at once if
// backendInfo().binary is not DSE_EXPECT_BINARY.
import { ready, backendInfo } from '../../dist/index.mjs';

await ready({ deterministic: process.env.DSE_DETERMINISTIC === 'true' });
const got = backendInfo().binary;
if (got !== process.env.DSE_EXPECT_BINARY) {
  throw new Error(`ready({ deterministic: ${process.env.DSE_DETERMINISTIC} }) loaded ${got}, expected ${process.env.DSE_EXPECT_BINARY}`);
}
