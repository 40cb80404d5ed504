#!/usr/bin/env bash
# Runs the tests that need no window for the Windows target under Wine (issue 13): the library's
# unit tests and the integration tests, built for x86_64-pc-windows-gnu without the desktop
# feature and run through wine-runner.sh (the cargo runner in .cargo/config.toml). Tests that
# cannot run on Windows are compiled out with a cfg naming the reason.
# Extra arguments go to cargo test (e.g. a test-name filter after `--`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cargo test --locked --no-default-features --target x86_64-pc-windows-gnu --lib --test integration "$@"
