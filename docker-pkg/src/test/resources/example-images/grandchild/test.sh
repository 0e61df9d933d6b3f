#!/bin/bash
# Runs inside a container of the image under test; $1 is its full label.
set -eu
test "$(hello)" = "Hello, world!"
grep -q '^grandchild of 1.0$' /etc/dp-grandchild
echo "verified $1"
